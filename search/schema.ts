import type { Filter, IndexName, IndexSettings, SearchDocument } from './port'

/**
 * What each index holds and how it is searched. The app builds these documents from PostgreSQL
 * (app/search/documents.server.ts); confidential need details are never indexed.
 *
 * `visibility` lists who may see a document: `public`, or `org:<id>` for the owner alone (drafts,
 * archived listings). Every search from the app filters on it (see `visibilityFilter`).
 */
export interface NeedDocument extends SearchDocument {
  externalId: string | null
  title: string
  summary: string
  keywords: string[]
  fieldCode: string | null
  fieldCodes: string[]
  enterprise: string
  organizationId: string
  regionCode: string | null
  regionGroup: RegionGroupCode
  cooperationModes: string[]
  wantedStage: string | null
  budgetMaxYuan: number | null
  status: string
  visibility: string[]
  publishedAt: number | null
  /** A published 揭榜挂帅 call on this need: its deadline (ms), top reward and eligible regions. */
  callOpen?: boolean
  callId?: string | null
  callDeadline?: number | null
  callRewardMaxYuan?: number | null
  callRegionGroups?: string[]
}

export interface ResultDocument extends SearchDocument {
  externalId: string | null
  title: string
  abstract: string
  keywords: string[]
  expertNames: string[]
  fieldCode: string | null
  fieldCodes: string[]
  institution: string
  organizationId: string
  regionCode: string
  regionGroup: RegionGroupCode
  stage: string | null
  trl: number | null
  transferModes: string[]
  ipType: string
  priceMinYuan: number | null
  priceMaxYuan: number | null
  status: string
  visibility: string[]
  publishedAt: number | null
}

export interface ExpertDocument extends SearchDocument {
  externalId: string | null
  name: string
  title: string | null
  directions: string[]
  keywords: string[]
  bio: string
  fieldCodes: string[]
  institution: string
  organizationId: string
  regionCode: string
  regionGroup: RegionGroupCode
  available: boolean
  status: string
  visibility: string[]
}

/** Baodi itself, Beijing, the rest of Tianjin, Hebei, elsewhere: the plan draws on Beijing and Hebei first. */
export type RegionGroupCode = 'BAODI' | 'BEIJING' | 'TIANJIN' | 'HEBEI' | 'OTHER'

export const INDEX_SETTINGS: Record<IndexName, IndexSettings> = {
  needs: {
    searchableAttributes: ['title', 'keywords', 'summary', 'enterprise'],
    filterableAttributes: [
      'fieldCode',
      'fieldCodes',
      'regionGroup',
      'regionCode',
      'cooperationModes',
      'wantedStage',
      'status',
      'visibility',
      'organizationId',
      'budgetMaxYuan',
      'callOpen',
      'callDeadline',
      'callRewardMaxYuan',
      'callRegionGroups',
    ],
    sortableAttributes: ['publishedAt', 'budgetMaxYuan', 'callDeadline'],
  },
  results: {
    searchableAttributes: ['title', 'keywords', 'abstract', 'expertNames', 'institution'],
    filterableAttributes: [
      'fieldCode',
      'fieldCodes',
      'regionGroup',
      'stage',
      'trl',
      'transferModes',
      'ipType',
      'institution',
      'organizationId',
      'status',
      'visibility',
    ],
    sortableAttributes: ['publishedAt', 'trl'],
  },
  experts: {
    searchableAttributes: ['directions', 'keywords', 'name', 'title', 'bio', 'institution'],
    filterableAttributes: [
      'fieldCodes',
      'regionGroup',
      'institution',
      'organizationId',
      'available',
      'status',
      'visibility',
    ],
    sortableAttributes: ['name'],
  },
}

/** Who is searching: bureau staff and platform admins see everything, others public plus their own. */
export type SearchViewer = { kind: 'all' } | { kind: 'organization'; organizationId: string } | { kind: 'anonymous' }

export function visibilityFilter(viewer: SearchViewer): Filter {
  if (viewer.kind === 'all') return []
  const audiences = ['public']
  if (viewer.kind === 'organization') audiences.push(`org:${viewer.organizationId}`)
  return [{ attribute: 'visibility', in: audiences }]
}
