import { z } from 'zod'
import type { IndexName } from '#search'
import { hitView } from '~/search/hits'
import { FACETS, parseSearchParams, SEARCH_PAGE_SIZE, searchListings, viewerOf } from '~/search/listings.server'
import { tokenViewer } from '~/utils/permissions.server'
import { authenticateApi } from './auth.server'
import { notFoundProblem } from './problem.server'

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
