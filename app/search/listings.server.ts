import { z } from 'zod'
import type { Filter, IndexName, SearchViewer } from '#search'
import { visibilityFilter } from '#search'
import { searchEngine } from './engine.server'
import { getEmbedder } from './vectors.server'
import { OPEN_NEED_STATUSES } from '~/models/need-states'
import { isBureau, type Viewer } from '~/utils/permissions.server'

export const SEARCH_PAGE_SIZE = 20

/** Facets each search page offers, and the query parameter that filters on each. */
export const FACETS: Record<IndexName, Array<{ attribute: string; param: string }>> = {
  results: [
    { attribute: 'fieldCodes', param: 'field' },
    { attribute: 'regionGroup', param: 'region' },
    { attribute: 'stage', param: 'stage' },
    { attribute: 'transferModes', param: 'mode' },
    { attribute: 'institution', param: 'institution' },
  ],
  experts: [
    { attribute: 'fieldCodes', param: 'field' },
    { attribute: 'regionGroup', param: 'region' },
    { attribute: 'institution', param: 'institution' },
    { attribute: 'available', param: 'available' },
  ],
  needs: [
    { attribute: 'fieldCodes', param: 'field' },
    { attribute: 'regionGroup', param: 'region' },
    { attribute: 'cooperationModes', param: 'mode' },
  ],
}

const HIGHLIGHT: Record<IndexName, string[]> = {
  results: ['title', 'abstract'],
  experts: ['name', 'directions', 'bio'],
  needs: ['title', 'summary'],
}

const LISTED_STATUSES: Record<IndexName, string[]> = {
  results: ['PUBLISHED'],
  experts: ['PUBLISHED'],
  needs: [...OPEN_NEED_STATUSES],
}

const facetValue = z.string().trim().min(1).max(200)
export const SearchParamsSchema = z.object({
  q: z.string().trim().max(100).default(''),
  page: z.coerce.number().int().min(1).max(250).catch(1).default(1),
  field: z.array(facetValue).max(20).default([]),
  region: z
    .array(z.enum(['BAODI', 'BEIJING', 'TIANJIN', 'HEBEI', 'OTHER']))
    .max(5)
    .catch([])
    .default([]),
  stage: z
    .array(z.enum(['LAB', 'SMALL_PILOT', 'PILOT', 'INDUSTRIAL']))
    .max(4)
    .catch([])
    .default([]),
  mode: z
    .array(z.enum(['DEVELOPMENT', 'TRANSFER', 'LICENSE', 'CONSULTING', 'SERVICE', 'EQUITY']))
    .max(6)
    .catch([])
    .default([]),
  institution: z.array(facetValue).max(20).default([]),
  available: z
    .array(z.enum(['true', 'false']))
    .max(2)
    .catch([])
    .default([]),
  /** With a query: by relevance (words and meaning) or newest first; browsing is always ordered. */
  sort: z.enum(['relevance', 'newest']).catch('relevance').default('relevance'),
})
export type SearchParams = z.infer<typeof SearchParamsSchema>

export function parseSearchParams(url: URL): SearchParams {
  const raw: Record<string, string | string[]> = {
    q: url.searchParams.get('q') ?? '',
    page: url.searchParams.get('page') ?? '1',
    sort: url.searchParams.get('sort') ?? 'relevance',
  }
  for (const key of ['field', 'region', 'stage', 'mode', 'institution', 'available'])
    raw[key] = url.searchParams.getAll(key)
  const parsed = SearchParamsSchema.safeParse(raw)
  return parsed.success ? parsed.data : SearchParamsSchema.parse({})
}

/** What a signed-in user or an API token's organization may find. */
export function viewerOf(user: Viewer | null): SearchViewer {
  if (!user) return { kind: 'anonymous' }
  if (isBureau(user)) return { kind: 'all' }
  const organizationId = user.memberships[0]?.organizationId
  return organizationId ? { kind: 'organization', organizationId } : { kind: 'anonymous' }
}

/**
 * Weight of meaning in public search. A typed query is short and people expect their words to
 * be found, so words weigh more here than in matching a whole need.
 */
export const SEARCH_SEMANTIC_RATIO = 0.3

/** Newest first where listings have a publication date; experts are listed by name. */
const BROWSE_ORDER: Record<IndexName, { attribute: string; direction: 'asc' | 'desc' }> = {
  results: { attribute: 'publishedAt', direction: 'desc' },
  needs: { attribute: 'publishedAt', direction: 'desc' },
  experts: { attribute: 'name', direction: 'asc' },
}

/**
 * One page of a public listing search with facet counts; only published listings are found. A
 * query ranks by relevance through the same hybrid path as matching, or newest first on request.
 */
export async function searchListings(index: IndexName, params: SearchParams, viewer: SearchViewer) {
  const filter: Filter = [{ attribute: 'status', in: LISTED_STATUSES[index] }, ...visibilityFilter(viewer)]
  for (const { attribute, param } of FACETS[index]) {
    const values = params[param as keyof SearchParams] as string[]
    if (values.length)
      filter.push({ attribute, in: attribute === 'available' ? values.map((v) => v === 'true') : values })
  }
  const byRelevance = params.q !== '' && params.sort === 'relevance'
  let vector: number[] | undefined
  if (byRelevance) {
    const [embedded] = await (await getEmbedder()).embed([params.q])
    if (embedded.some((v) => v !== 0)) vector = Array.from(embedded)
  }
  const response = await searchEngine().search(index, {
    q: params.q,
    filter,
    facets: FACETS[index].map((f) => f.attribute),
    ...(byRelevance
      ? { vector, semanticRatio: vector ? SEARCH_SEMANTIC_RATIO : undefined }
      : { sort: [BROWSE_ORDER[index]] }),
    limit: SEARCH_PAGE_SIZE,
    offset: (params.page - 1) * SEARCH_PAGE_SIZE,
    highlight: HIGHLIGHT[index],
    matchingStrategy: 'last',
  })
  return response
}
