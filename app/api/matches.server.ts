import { z } from 'zod'
import { MatchStatus } from '~/generated/prisma/enums'
import { getExpertLeads, getResultLeads } from '~/models/leads.server'
import { getNeedMatches } from '~/models/need-page.server'
import { tokenViewer } from '~/utils/permissions.server'
import { authenticateApi } from './auth.server'
import { notFoundProblem, parseQuery } from './problem.server'

/** Matches in both directions: a need's experts, results and groups, and the needs a listing could answer. */

const reasonLists = {
  reasons: z.array(z.string()).describe('Why it matches, in Chinese'),
  reasonsEn: z.array(z.string()).describe('The same reasons in English'),
}
const reasonsOf = (list: Array<{ zh: string; en: string }>) => ({
  reasons: list.map((r) => r.zh),
  reasonsEn: list.map((r) => r.en),
})

export const NeedMatchesQuerySchema = z.object({
  kind: z.enum(['experts', 'results', 'groups']).default('experts'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  minConfidence: z.coerce.number().int().min(1).max(5).default(3),
})

export const MatchItemSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable().describe('The id in the institution’s own system, from imports'),
  type: z.enum(['expert', 'result']),
  name: z.string().describe('Expert name or result title'),
  institution: z.string(),
  score: z.number().min(0).max(1),
  confidence: z.number().int().min(1).max(5),
  matchedTerms: z.array(z.string()),
  status: z.enum(MatchStatus).nullable().describe('Feedback already given on it'),
  ...reasonLists,
})

export const GroupItemSchema = z.object({
  id: z.string(),
  externalId: z.null(),
  score: z.number(),
  confidence: z.number().int().min(1).max(5),
  coverage: z.number().describe('Share of the need’s key aspects the group covers'),
  members: z
    .array(
      z.object({
        expertId: z.string(),
        externalId: z.string().nullable(),
        name: z.string(),
        institution: z.string(),
        aspects: z.array(z.string()),
      }),
    )
    .min(2)
    .max(5),
  uncovered: z.array(z.string()),
  ...reasonLists,
})

export const NeedMatchesResponseSchema = z.object({
  need: z.object({ id: z.string(), externalId: z.string().nullable(), title: z.string() }),
  kind: NeedMatchesQuerySchema.shape.kind.unwrap(),
  terms: z.array(z.string()).describe('Key terms taken from the need'),
  hidden: z.number().int().describe('Matches below minConfidence, or declined, left out'),
  matches: z.array(z.union([MatchItemSchema, GroupItemSchema])),
})

/**
 * GET /api/v1/needs/:id/matches: ranked matches of one of the caller's needs (bureau tokens may
 * read any need). Another organization's need answers 404, as if it did not exist.
 */
export async function needMatchesApi(request: Request, needId: string) {
  const caller = await authenticateApi(request, 'needs:read')
  if (caller instanceof Response) return caller
  const query = parseQuery(NeedMatchesQuerySchema, new URL(request.url))
  if (query instanceof Response) return query
  const { kind, limit, minConfidence } = query
  const found = await getNeedMatches(tokenViewer(caller), needId, kind, { limit, minConfidence })
  if (!found) return notFoundProblem('需求', 'Need')
  const { need, matches: result } = found
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
            ...reasonsOf(g.reasons),
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
            ...reasonsOf(m.reasons),
          })),
  } satisfies z.infer<typeof NeedMatchesResponseSchema>)
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
      ...reasonLists,
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
    needs: leads.needs.map(({ reasons, ...lead }) => ({ ...lead, ...reasonsOf(reasons) })),
    enterprises: leads.enterprises,
  } satisfies z.infer<typeof LeadsResponseSchema>)
}
