import type { SearchEngine } from '#search'
import { CANDIDATES, matchNeed } from '~/matching/match-need.server'
import { recordAudit } from '~/utils/audit.server'
import type { PrismaClient } from '~/generated/prisma/client'
import type { DeclineReason } from '~/generated/prisma/enums'

export interface FeedbackInput {
  needId: string
  target: { kind: 'expert' | 'result'; id: string }
  decision: 'ACCEPTED' | 'DECLINED'
  reason?: DeclineReason
  note?: string
  userId: string
  organizationId: string
}

/**
 * Stores an accept/decline on a match (with the structured reason). Later rankings read it: a
 * declined match is hidden for that need, and the enterprise's feedback moves the candidate on
 * its other needs.
 */
export async function recordMatchFeedback(db: PrismaClient, engine: SearchEngine, input: FeedbackInput) {
  const kind = input.target.kind === 'expert' ? 'experts' : 'results'
  const current = await matchNeed(db, engine, input.needId, kind, {
    limit: CANDIDATES,
    minConfidence: 1,
    includeDeclined: true,
  })
  const item = current?.items.find((i) => i.id === input.target.id)
  const key = input.target.kind === 'expert' ? { expertId: input.target.id } : { resultId: input.target.id }
  const feedback = {
    status: input.decision,
    feedbackReason: input.decision === 'DECLINED' ? (input.reason ?? 'OTHER') : null,
    feedbackNote: input.note ?? null,
    feedbackById: input.userId,
    feedbackAt: new Date(),
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.match.findFirst({ where: { needId: input.needId, ...key }, select: { id: true } })
    const match = existing
      ? await tx.match.update({ where: { id: existing.id }, data: feedback })
      : await tx.match.create({
          data: {
            needId: input.needId,
            target: input.target.kind === 'expert' ? 'EXPERT' : 'RESULT',
            ...key,
            score: item?.score ?? 0,
            confidence: item?.confidence ?? 1,
            reasons: (item?.reasons ?? []) as unknown as object[],
            ...feedback,
          },
        })
    await recordAudit(tx, {
      actorId: input.userId,
      actorOrgId: input.organizationId,
      action: `match.${input.decision === 'ACCEPTED' ? 'accept' : 'decline'}`,
      entityType: 'Match',
      entityId: match.id,
      data: { needId: input.needId, ...key, reason: feedback.feedbackReason },
    })
    return match
  })
}
