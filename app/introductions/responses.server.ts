import { notifyOrganization } from '~/models/notifications.server'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { DeclineReason } from '~/generated/prisma/enums'
import { notifyTarget, visibleTo, type Actor, type IntroOutcome, type IntroViewer } from './shared.server'

/** Answers to an introduction (accept or decline with a reason) and the messages of its thread. */
export async function respondToIntroduction(
  actor: Actor,
  introductionId: string,
  answer: { decision: 'ACCEPTED' | 'DECLINED'; reason?: DeclineReason; note?: string },
): Promise<IntroOutcome> {
  return prisma.$transaction(async (tx) => {
    // The institution answers an enterprise's request; the enterprise answers an institution's offer.
    const intro = await tx.introduction.findFirst({
      where: {
        id: introductionId,
        OR: [
          { direction: 'REQUEST', targetOrgId: actor.organizationId },
          { direction: 'OFFER', requesterOrgId: actor.organizationId },
        ],
      },
      select: {
        id: true,
        status: true,
        direction: true,
        responseDeadline: true,
        requesterOrgId: true,
        targetOrgId: true,
        need: { select: { id: true, title: true } },
      },
    })
    if (!intro) return { ok: false, error: 'errors.notFound' }
    if (intro.status !== 'REQUESTED' || intro.responseDeadline < new Date())
      return { ok: false, error: 'errors.intro.notPending' }
    // One conditional statement: two answers at once, the second finds it answered.
    const answered = await tx.introduction.updateMany({
      where: { id: intro.id, status: 'REQUESTED' },
      data: {
        status: answer.decision,
        respondedAt: new Date(),
        respondedById: actor.userId,
        declineReason: answer.decision === 'DECLINED' ? (answer.reason ?? 'OTHER') : null,
        declineNote: answer.note ?? null,
      },
    })
    if (answered.count === 0) return { ok: false, error: 'errors.intro.notPending' }
    if (answer.decision === 'ACCEPTED') {
      await tx.need.updateMany({
        where: { id: intro.need.id, status: 'PUBLISHED' },
        data: { status: 'IN_PROGRESS', lastActivityAt: new Date() },
      })
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: answer.decision === 'ACCEPTED' ? 'introduction.accept' : 'introduction.decline',
      entityType: 'Introduction',
      entityId: intro.id,
      data: { reason: answer.reason ?? null },
    })
    await notifyOrganization(
      tx,
      intro.direction === 'OFFER' ? intro.targetOrgId : intro.requesterOrgId,
      answer.decision === 'ACCEPTED' ? 'introAccepted' : 'introDeclined',
      { need: intro.need.title },
      `/introductions/${intro.id}`,
    )
    await emitWebhookEvent(tx, [intro.requesterOrgId, intro.targetOrgId], 'introduction.answered', {
      introductionId: intro.id,
      decision: answer.decision,
    })
    return { ok: true, id: intro.id }
  })
}

/** A message in an accepted introduction's thread, from either side. */
export async function postIntroductionMessage(
  actor: IntroViewer,
  introductionId: string,
  body: string,
): Promise<IntroOutcome> {
  return prisma.$transaction(async (tx) => {
    const intro = await tx.introduction.findFirst({
      where: { id: introductionId, ...visibleTo(actor) },
      select: {
        id: true,
        status: true,
        requesterOrgId: true,
        targetOrgId: true,
        expertId: true,
        need: { select: { title: true } },
      },
    })
    if (!intro) return { ok: false, error: 'errors.notFound' }
    if (intro.status !== 'ACCEPTED') return { ok: false, error: 'errors.intro.notAccepted' }
    const message = await tx.introductionMessage.create({
      data: { introductionId: intro.id, authorId: actor.userId, authorOrgId: actor.organizationId, body },
      select: { id: true },
    })
    const link = `/introductions/${intro.id}`
    const params = { need: intro.need.title }
    if (intro.requesterOrgId === actor.organizationId) {
      await notifyTarget(tx, intro, 'introMessage', params, link)
    } else {
      await notifyOrganization(tx, intro.requesterOrgId, 'introMessage', params, link)
      // The others on the target side hear of it too: the office of the expert's message and back.
      await notifyTarget(tx, intro, 'introMessage', params, link, actor.userId)
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'introduction.message',
      entityType: 'IntroductionMessage',
      entityId: message.id,
    })
    return { ok: true, id: intro.id }
  })
}
