import { enqueueJobs } from '~/jobs/queue.server'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { PUBLIC_OWNER } from '~/models/verification-states'
import {
  DAY,
  INTRODUCTIONS_QUEUE,
  notifyTarget,
  openNeedOf,
  targetKey,
  type Actor,
  type IntroOutcome,
  type Target,
  type Tx,
} from './shared.server'

/** Introductions asked for: by an enterprise to an expert, a result or a whole expert group. */
export async function scheduleIntroductionJobs(tx: Pick<Tx, 'job'>, introductionId: string, deadline: Date) {
  await enqueueJobs(tx, [
    {
      queue: INTRODUCTIONS_QUEUE,
      kind: 'remind',
      payload: { introductionId },
      runAt: new Date(deadline.getTime() - 2 * DAY),
      dedupeKey: `intro:${introductionId}:remind`,
    },
    {
      queue: INTRODUCTIONS_QUEUE,
      kind: 'expire',
      payload: { introductionId },
      runAt: deadline,
      dedupeKey: `intro:${introductionId}:expire`,
    },
  ])
}

/** One introduction row with its audit entry, notification, reminder and expiry, in `tx`. */
async function insertIntroduction(
  tx: Tx,
  actor: Actor,
  need: { id: string; title: string },
  target: Target,
  message: string,
  audit: Record<string, unknown> = {},
): Promise<string> {
  const deadline = new Date(Date.now() + getEnv().INTRO_RESPONSE_DAYS * DAY)
  const key = targetKey(target)
  const match = await tx.match.findFirst({ where: { needId: need.id, ...key }, select: { id: true } })
  const intro = await tx.introduction.create({
    data: {
      needId: need.id,
      matchId: match?.id ?? null,
      requesterOrgId: actor.organizationId,
      requestedById: actor.userId,
      targetOrgId: target.organizationId,
      ...key,
      message,
      responseDeadline: deadline,
    },
    select: { id: true },
  })
  await recordAudit(tx, {
    actorId: actor.userId,
    actorOrgId: actor.organizationId,
    action: 'introduction.request',
    entityType: 'Introduction',
    entityId: intro.id,
    data: { needId: need.id, ...key, ...audit },
  })
  await notifyTarget(
    tx,
    { targetOrgId: target.organizationId, expertId: target.kind === 'expert' ? target.id : null },
    'introRequested',
    { need: need.title },
    `/introductions/${intro.id}`,
  )
  await scheduleIntroductionJobs(tx, intro.id, deadline)
  await emitWebhookEvent(tx, [target.organizationId], 'introduction.requested', {
    introductionId: intro.id,
    needId: need.id,
    requesterOrganizationId: actor.organizationId,
  })
  return intro.id
}

/**
 * An enterprise asks to be introduced to an expert or to the institution behind a result, for one
 * of its open needs. The answer is due within INTRO_RESPONSE_DAYS; a reminder job and an expiry
 * job are queued with the request, in the same transaction.
 */
export async function requestIntroduction(
  actor: Actor,
  input: { needId: string; targetKind: 'expert' | 'result'; targetId: string; message: string },
): Promise<IntroOutcome> {
  const need = await openNeedOf(actor, input.needId)
  if (!need) return { ok: false, error: 'errors.intro.needNotOpen' }
  const found =
    input.targetKind === 'expert'
      ? await prisma.expert.findFirst({
          where: { id: input.targetId, status: 'PUBLISHED', ...PUBLIC_OWNER },
          select: { id: true, organizationId: true },
        })
      : await prisma.researchResult.findFirst({
          where: { id: input.targetId, status: 'PUBLISHED', ...PUBLIC_OWNER },
          select: { id: true, organizationId: true },
        })
  if (!found) return { ok: false, error: 'errors.intro.targetUnavailable' }
  const target: Target = { kind: input.targetKind, ...found }
  const open = await prisma.introduction.count({
    where: { needId: need.id, ...targetKey(target), status: { in: ['REQUESTED', 'ACCEPTED'] } },
  })
  if (open) return { ok: false, error: 'errors.intro.duplicate' }
  const id = await prisma.$transaction((tx) => insertIntroduction(tx, actor, need, target, input.message))
  return { ok: true, id }
}

/**
 * An introduction to a whole expert group: one request per member, all or none, in one
 * transaction. Members already asked for this need (or no longer published) are skipped; the
 * request fails when nobody is left.
 */
export async function requestGroupIntroduction(
  actor: Actor,
  input: { needId: string; expertIds: string[]; message: string },
): Promise<{ ok: true; ids: string[]; skipped: number } | { ok: false; error: string }> {
  const need = await openNeedOf(actor, input.needId)
  if (!need) return { ok: false, error: 'errors.intro.needNotOpen' }
  const experts = await prisma.expert.findMany({
    where: { id: { in: input.expertIds }, status: 'PUBLISHED', ...PUBLIC_OWNER },
    select: { id: true, organizationId: true },
  })
  const asked = await prisma.introduction.findMany({
    where: { needId: need.id, expertId: { in: input.expertIds }, status: { in: ['REQUESTED', 'ACCEPTED'] } },
    select: { expertId: true },
  })
  const askedIds = new Set(asked.map((a) => a.expertId))
  const members = experts.filter((e) => !askedIds.has(e.id))
  if (members.length === 0) return { ok: false, error: 'errors.intro.groupUnavailable' }
  const ids = await prisma.$transaction(async (tx) => {
    const created: string[] = []
    for (const member of members) {
      created.push(
        await insertIntroduction(tx, actor, need, { kind: 'expert', ...member }, input.message, {
          group: input.expertIds,
        }),
      )
    }
    return created
  })
  return { ok: true, ids, skipped: input.expertIds.length - members.length }
}

/** The target organization accepts or declines (with a structured reason) before the deadline. */
