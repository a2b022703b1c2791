import { Prisma, type PrismaClient } from '~/generated/prisma/client'
import { PUBLIC_OWNER, PUBLIC_VERIFICATION } from '~/models/verification-states'

/**
 * How well a need is covered, in one place: the bureau's list of needs without a good answer,
 * its curation page and the dashboard funnel all ask these questions here, so they agree.
 *
 * - A **reliable match** is a stored match of confidence 4 or 5 that the enterprise has not
 *   declined and whose expert or result is still public. Confidence 3 is shown to the enterprise
 *   by default as a lead, but on real postings only about one in seven of them is relevant
 *   against one in three at 4 and more (`npm run eval:relevance`), so it is not an answer the
 *   bureau can leave a need with.
 * - A need is **connected** when an introduction about it was accepted (the need then shows
 *   对接中); a pending or declined one does not connect it.
 * - Its **best match** is its highest-scoring stored match of any confidence, not declined, public.
 *
 * Stored matches are kept by the matches queue (refresh.server.ts) from the live ranking.
 */
export const RELIABLE_CONFIDENCE = 4
/** What the enterprise sees by default, is told about and counts as its matches. */
export const SHOWN_CONFIDENCE = 3

const publicTarget: Prisma.MatchWhereInput = {
  OR: [{ expert: { status: 'PUBLISHED', ...PUBLIC_OWNER } }, { result: { status: 'PUBLISHED', ...PUBLIC_OWNER } }],
}

/** Prisma filter: a stored match that counts as a candidate (any confidence). */
export const candidateMatch: Prisma.MatchWhereInput = {
  status: { not: 'DECLINED' },
  confidence: { gte: 1 },
  ...publicTarget,
}

/** Prisma filter: a reliable match. */
export const reliableMatch: Prisma.MatchWhereInput = { ...candidateMatch, confidence: { gte: RELIABLE_CONFIDENCE } }

/** Prisma filter on needs: connected. */
export const connectedNeed: Prisma.NeedWhereInput = { introductions: { some: { status: 'ACCEPTED' } } }

/** SQL: the need (a column reference such as n."id") has a reliable match. Same rule as above. */
export function hasReliableMatchSql(needId: Prisma.Sql) {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "Match" m
    LEFT JOIN "Expert" e ON e."id" = m."expertId"
    LEFT JOIN "ResearchResult" r ON r."id" = m."resultId"
    JOIN "Organization" owner ON owner."id" = coalesce(e."organizationId", r."organizationId")
    WHERE m."needId" = ${needId} AND m."confidence" >= ${RELIABLE_CONFIDENCE} AND m."status" <> 'DECLINED'
      AND coalesce(e."status"::text, r."status"::text) = 'PUBLISHED'
      AND owner."verification" = ${PUBLIC_VERIFICATION}::"OrgVerification")`
}

/** SQL: the need is connected. */
export function isConnectedSql(needId: Prisma.Sql) {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Introduction" i WHERE i."needId" = ${needId} AND i."status" = 'ACCEPTED')`
}

export interface BestMatch {
  kind: 'expert' | 'result'
  id: string
  name: string
  confidence: number
}

export interface NeedCoverage {
  reliable: number
  best: BestMatch | null
  connected: boolean
}

/** Coverage of each need, for lists and pages that show it. */
export async function needCoverage(db: PrismaClient, needIds: string[]): Promise<Map<string, NeedCoverage>> {
  const coverage = new Map<string, NeedCoverage>(
    needIds.map((id) => [id, { reliable: 0, best: null, connected: false }]),
  )
  if (needIds.length === 0) return coverage
  const [matches, connected] = await Promise.all([
    db.match.findMany({
      where: { needId: { in: needIds }, ...candidateMatch },
      orderBy: [{ confidence: 'desc' }, { score: 'desc' }],
      select: {
        needId: true,
        confidence: true,
        expert: { select: { id: true, name: true } },
        result: { select: { id: true, title: true } },
      },
    }),
    db.introduction.findMany({
      where: { needId: { in: needIds }, status: 'ACCEPTED' },
      select: { needId: true },
      distinct: ['needId'],
    }),
  ])
  for (const m of matches) {
    const c = coverage.get(m.needId)
    if (!c) continue
    if (m.confidence >= RELIABLE_CONFIDENCE) c.reliable++
    c.best ??= m.expert
      ? { kind: 'expert', id: m.expert.id, name: m.expert.name, confidence: m.confidence }
      : { kind: 'result', id: m.result?.id ?? '', name: m.result?.title ?? '', confidence: m.confidence }
  }
  for (const i of connected) {
    const c = coverage.get(i.needId)
    if (c) c.connected = true
  }
  return coverage
}
