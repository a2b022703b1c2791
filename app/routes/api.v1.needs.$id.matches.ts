import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { authenticateApi } from '~/api/auth.server'
import { notFoundProblem, parseQuery } from '~/api/problem.server'
import { getNeedMatches } from '~/models/need-page.server'
import { tokenViewer } from '~/utils/permissions.server'

const MatchesQuerySchema = z.object({
  kind: z.enum(['experts', 'results', 'groups']).default('experts'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  minConfidence: z.coerce.number().int().min(1).max(5).default(3),
})

/**
 * GET /api/v1/needs/:id/matches — ranked matches of one of the caller's needs (bureau tokens may
 * read any need). Another organization's need answers 404, as if it did not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await authenticateApi(request, 'needs:read')
  if (caller instanceof Response) return caller
  const url = new URL(request.url)
  const query = parseQuery(MatchesQuerySchema, url)
  if (query instanceof Response) return query
  const { kind, limit, minConfidence } = query
  const found = await getNeedMatches(tokenViewer(caller), params.id ?? '', kind, { limit, minConfidence })
  if (!found) return notFoundProblem('需求', 'Need')
  const { need, matches: result } = found
  const reasons = (list: Array<{ zh: string; en: string }>) => ({
    reasons: list.map((r) => r.zh),
    reasonsEn: list.map((r) => r.en),
  })
  return Response.json({
    need,
    kind,
    terms: result?.terms ?? [],
    hidden: result?.hidden ?? 0,
    matches:
      kind === 'groups'
        ? (result?.groups ?? []).map((g) => ({
            id: g.id,
            externalId: null,
            score: Number(g.score.toFixed(3)),
            confidence: g.confidence,
            coverage: Number(g.coverage.toFixed(3)),
            members: g.members,
            uncovered: g.uncovered,
            ...reasons(g.reasons),
          }))
        : (result?.items ?? []).map((m) => ({
            id: m.id,
            externalId: m.externalId,
            type: m.kind,
            name: m.title,
            institution: m.institution,
            score: m.score,
            confidence: m.confidence,
            matchedTerms: m.matchedTerms,
            status: m.status,
            ...reasons(m.reasons),
          })),
  })
}
