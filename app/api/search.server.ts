import { z } from 'zod'
import type { IndexName } from '#search'
import { getExpertLeads, getResultLeads } from '~/models/leads.server'
import { hitView } from '~/search/hits'
import { FACETS, parseSearchParams, SEARCH_PAGE_SIZE, searchListings, viewerOf } from '~/search/listings.server'
import { tokenViewer } from '~/utils/permissions.server'
import { authenticateApi } from './auth.server'
import { notFoundProblem, parseQuery } from './problem.server'

export const SEARCH_KINDS = ['results', 'experts', 'needs'] as const satisfies readonly IndexName[]
const READ_SCOPE = { results: 'results:read', experts: 'experts:read', needs: 'needs:read' } as const

export const SearchResponseSchema = z.object({
  q: z.string(),
  page: z.number().int(),
  pages: z.number().int(),
  total: z.number().int(),
  hits: z.array(
    z
      .object({ id: z.string(), highlights: z.record(z.string(), z.string()) })
      .catchall(z.unknown())
      .describe('The fields the search page shows; `highlights` marks the query words with <mark>'),
  ),
  facets: z.record(z.string(), z.record(z.string(), z.number().int())),
})

/**
 * GET /api/v1/search/{results|experts|needs}: the search page's query (`q`, `page`, `sort` and its
 * facets `field`, `region`, `stage`, `mode`, `institution`, `available`, each repeatable) ranked by
 * the same code; only published listings, as the token's organization may see them.
 */
export async function searchApi(request: Request, kind: string) {
  if (!(SEARCH_KINDS as readonly string[]).includes(kind)) return notFoundProblem('搜索类别', 'Search kind')
  const index = kind as IndexName
  const caller = await authenticateApi(request, READ_SCOPE[index])
  if (caller instanceof Response) return caller
  const params = parseSearchParams(new URL(request.url))
  const response = await searchListings(index, params, viewerOf(tokenViewer(caller)))
  const facets: Record<string, Record<string, number>> = {}
  for (const { param, attribute } of FACETS[index]) facets[param] = response.facets[attribute] ?? {}
  return Response.json({
    q: params.q,
    page: params.page,
    pages: Math.max(1, Math.ceil(response.total / SEARCH_PAGE_SIZE)),
    total: response.total,
    hits: response.hits.map((h) => ({ ...hitView(index, h.document, {}).hit, highlights: h.highlights })),
    facets,
  } satisfies z.infer<typeof SearchResponseSchema>)
}

export const LeadsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  minConfidence: z.coerce.number().int().min(1).max(5).default(2),
})

export const LeadsResponseSchema = z.object({
  terms: z.array(z.string()),
  needs: z.array(
    z.object({
      needId: z.string(),
      title: z.string(),
      enterprise: z.string(),
      organizationId: z.string(),
      score: z.number(),
      confidence: z.number().int(),
      matchedTerms: z.array(z.string()),
      reasons: z.array(z.string()),
      reasonsEn: z.array(z.string()),
    }),
  ),
  enterprises: z.array(
    z.object({ organizationId: z.string(), name: z.string(), needs: z.number().int(), bestScore: z.number() }),
  ),
})

/**
 * GET /api/v1/{results|experts}/:id/matches: the reverse direction, open needs one of the
 * institution's own results or experts could answer, with the reasons, as the office's page shows.
 */
export async function offerMatchesApi(request: Request, kind: 'results' | 'experts', id: string) {
  const caller = await authenticateApi(request, kind === 'results' ? 'results:read' : 'experts:read')
  if (caller instanceof Response) return caller
  const query = parseQuery(LeadsQuerySchema, new URL(request.url))
  if (query instanceof Response) return query
  const leads =
    kind === 'results'
      ? await getResultLeads(caller.organizationId, id, query)
      : await getExpertLeads(caller.organizationId, id, query)
  if (!leads) return kind === 'results' ? notFoundProblem('成果', 'Result') : notFoundProblem('专家', 'Expert')
  return Response.json({
    terms: leads.terms,
    needs: leads.needs.map(({ reasons, ...lead }) => ({
      ...lead,
      reasons: reasons.map((r) => r.zh),
      reasonsEn: reasons.map((r) => r.en),
    })),
    enterprises: leads.enterprises,
  } satisfies z.infer<typeof LeadsResponseSchema>)
}
