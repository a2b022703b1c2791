import type { ExpertDocument, IndexName, NeedDocument, ResultDocument, SearchDocument } from '#search'
import { regionGroup } from '~/data/regions'
import type { PrismaClient } from '~/generated/prisma/client'
import type { OrgVerification } from '~/generated/prisma/enums'
import { PUBLIC_VERIFICATION } from '~/models/verification-states'
import { optionalYuanNumber } from '~/utils/format'
import { OPEN_NEED_STATUSES } from '~/models/need-states'

type Db = Pick<PrismaClient, 'need' | 'researchResult' | 'expert'>

const time = (date: Date | null) => (date ? date.getTime() : null)

function fieldCodesOf(code: string | null | undefined): string[] {
  if (!code) return []
  const parent = code.split('.')[0]
  return parent === code ? [code] : [code, parent]
}

/**
 * Who may find a listing: everyone once published by an approved organization
 * (app/models/verification.server.ts), otherwise only its owner (and bureau staff).
 */
function visibility(published: boolean, organization: { id: string; verification: OrgVerification }): string[] {
  const own = `org:${organization.id}`
  return published && organization.verification === PUBLIC_VERIFICATION ? ['public', own] : [own]
}

const needSelect = {
  id: true,
  externalId: true,
  title: true,
  summary: true,
  keywords: true,
  fieldCode: true,
  regionCode: true,
  cooperationModes: true,
  wantedStage: true,
  budgetMaxFen: true,
  status: true,
  publishedAt: true,
  organizationId: true,
  organization: { select: { name: true, regionCode: true, verification: true } },
  calls: {
    where: { status: 'PUBLISHED' },
    select: { id: true, deadline: true, rewardMaxFen: true, eligibleRegionGroups: true },
    take: 1,
  },
} as const

const resultSelect = {
  id: true,
  externalId: true,
  title: true,
  abstract: true,
  keywords: true,
  fieldCode: true,
  trl: true,
  stage: true,
  transferModes: true,
  ipType: true,
  priceMinFen: true,
  priceMaxFen: true,
  status: true,
  publishedAt: true,
  organizationId: true,
  organization: { select: { name: true, regionCode: true, verification: true } },
  team: { select: { expert: { select: { name: true } } } },
} as const

const expertSelect = {
  id: true,
  externalId: true,
  name: true,
  title: true,
  directions: true,
  keywords: true,
  fieldCodes: true,
  bio: true,
  available: true,
  status: true,
  organizationId: true,
  organization: { select: { name: true, regionCode: true, verification: true } },
} as const

/** The rows as the index holds them. Open needs are searchable by all; a need's confidential detail is never indexed. */
export async function loadDocuments(db: Db, index: IndexName, ids: string[]): Promise<SearchDocument[]> {
  if (index === 'needs') {
    const rows = await db.need.findMany({ where: { id: { in: ids } }, select: needSelect })
    return rows.map((n): NeedDocument => ({
      id: n.id,
      externalId: n.externalId,
      title: n.title,
      summary: n.summary,
      keywords: n.keywords,
      fieldCode: n.fieldCode,
      fieldCodes: fieldCodesOf(n.fieldCode),
      enterprise: n.organization.name,
      organizationId: n.organizationId,
      regionCode: n.regionCode ?? n.organization.regionCode,
      regionGroup: regionGroup(n.regionCode ?? n.organization.regionCode),
      cooperationModes: n.cooperationModes,
      wantedStage: n.wantedStage,
      budgetMaxYuan: optionalYuanNumber(n.budgetMaxFen),
      status: n.status,
      visibility: visibility(OPEN_NEED_STATUSES.includes(n.status), { id: n.organizationId, ...n.organization }),
      publishedAt: time(n.publishedAt),
      callOpen: n.calls.length > 0,
      callId: n.calls[0]?.id ?? null,
      callDeadline: time(n.calls[0]?.deadline ?? null),
      callRewardMaxYuan: optionalYuanNumber(n.calls[0]?.rewardMaxFen ?? null),
      // No restriction is indexed as every group, so a region facet counts it everywhere.
      callRegionGroups: n.calls[0]
        ? n.calls[0].eligibleRegionGroups.length
          ? n.calls[0].eligibleRegionGroups
          : ['BAODI', 'TIANJIN', 'BEIJING', 'HEBEI', 'OTHER']
        : [],
    }))
  }
  if (index === 'results') {
    const rows = await db.researchResult.findMany({ where: { id: { in: ids } }, select: resultSelect })
    return rows.map((r): ResultDocument => ({
      id: r.id,
      externalId: r.externalId,
      title: r.title,
      abstract: r.abstract,
      keywords: r.keywords,
      expertNames: r.team.map((t) => t.expert.name),
      fieldCode: r.fieldCode,
      fieldCodes: fieldCodesOf(r.fieldCode),
      institution: r.organization.name,
      organizationId: r.organizationId,
      regionCode: r.organization.regionCode,
      regionGroup: regionGroup(r.organization.regionCode),
      stage: r.stage,
      trl: r.trl,
      transferModes: r.transferModes,
      ipType: r.ipType,
      priceMinYuan: optionalYuanNumber(r.priceMinFen),
      priceMaxYuan: optionalYuanNumber(r.priceMaxFen),
      status: r.status,
      visibility: visibility(r.status === 'PUBLISHED', { id: r.organizationId, ...r.organization }),
      publishedAt: time(r.publishedAt),
    }))
  }
  const rows = await db.expert.findMany({ where: { id: { in: ids } }, select: expertSelect })
  return rows.map((e): ExpertDocument => ({
    id: e.id,
    externalId: e.externalId,
    name: e.name,
    title: e.title,
    directions: e.directions,
    keywords: e.keywords,
    bio: e.bio ?? '',
    fieldCodes: [...new Set(e.fieldCodes.flatMap(fieldCodesOf))],
    institution: e.organization.name,
    organizationId: e.organizationId,
    regionCode: e.organization.regionCode,
    regionGroup: regionGroup(e.organization.regionCode),
    available: e.available,
    status: e.status,
    visibility: visibility(e.status === 'PUBLISHED', { id: e.organizationId, ...e.organization }),
  }))
}

/** Ids of every row of an index's table, in pages, for a full rebuild. */
export async function* allIds(db: Db, index: IndexName, pageSize = 2000): AsyncGenerator<string[]> {
  let cursor: string | undefined
  for (;;) {
    const args = {
      select: { id: true },
      orderBy: { id: 'asc' as const },
      take: pageSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    }
    const rows =
      index === 'needs'
        ? await db.need.findMany(args)
        : index === 'results'
          ? await db.researchResult.findMany(args)
          : await db.expert.findMany(args)
    if (rows.length === 0) return
    yield rows.map((r) => r.id)
    cursor = rows[rows.length - 1].id
  }
}

export async function countRows(db: Db, index: IndexName): Promise<number> {
  if (index === 'needs') return db.need.count()
  if (index === 'results') return db.researchResult.count()
  return db.expert.count()
}
