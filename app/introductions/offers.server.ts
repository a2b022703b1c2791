import { scheduleIntroductionJobs } from '~/introductions/requests.server'
import { notifyOrganization } from '~/models/notifications.server'
import { PUBLIC_OWNER } from '~/models/verification-states'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import type { Outcome } from '~/utils/outcome'
import { OPEN_NEED_STATUSES } from '~/models/need-states'

const DAY = 24 * 60 * 60 * 1000

export type OfferOutcome = Outcome<{ id: string }>

/**
 * An institution's office puts one of its results forward for an enterprise's open need
 * ("我们可以解决"). It becomes an introduction the enterprise accepts or declines, with the same
 * deadline and expiry as a request; the enterprise is notified. One open offer or request per
 * need and result.
 */
export async function offerSolution(
  actor: { userId: string; organizationId: string },
  input: { needId: string; resultId: string; message: string },
): Promise<OfferOutcome> {
  const [need, result] = await Promise.all([
    prisma.need.findFirst({
      where: { id: input.needId, status: { in: [...OPEN_NEED_STATUSES] }, ...PUBLIC_OWNER },
      select: { id: true, title: true, organizationId: true },
    }),
    prisma.researchResult.findFirst({
      where: { id: input.resultId, organizationId: actor.organizationId, status: 'PUBLISHED', ...PUBLIC_OWNER },
      select: { id: true, title: true },
    }),
  ])
  if (!need) return { ok: false, error: 'errors.intro.needNotOpen' }
  if (!result) return { ok: false, error: 'errors.intro.targetUnavailable' }
  if (need.organizationId === actor.organizationId) return { ok: false, error: 'errors.intro.ownNeed' }
  return prisma.$transaction(async (tx) => {
    // Under the need's row lock: two clicks at once make one offer.
    await tx.$queryRaw`SELECT id FROM "Need" WHERE id = ${need.id} FOR UPDATE`
    const open = await tx.introduction.count({
      where: { needId: need.id, resultId: result.id, status: { in: ['REQUESTED', 'ACCEPTED'] } },
    })
    if (open) return { ok: false, error: 'errors.intro.duplicate' }
    const deadline = new Date(Date.now() + getEnv().INTRO_RESPONSE_DAYS * DAY)
    const match = await tx.match.findFirst({ where: { needId: need.id, resultId: result.id }, select: { id: true } })
    const intro = await tx.introduction.create({
      data: {
        direction: 'OFFER',
        needId: need.id,
        matchId: match?.id ?? null,
        requesterOrgId: need.organizationId,
        targetOrgId: actor.organizationId,
        requestedById: actor.userId,
        resultId: result.id,
        message: input.message,
        responseDeadline: deadline,
      },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'introduction.offer',
      entityType: 'Introduction',
      entityId: intro.id,
      data: { needId: need.id, resultId: result.id },
    })
    const link = `/introductions/${intro.id}`
    await notifyOrganization(tx, need.organizationId, 'introOffered', { need: need.title, result: result.title }, link)
    await scheduleIntroductionJobs(tx, intro.id, deadline)
    return { ok: true, id: intro.id }
  })
}
