import { z } from 'zod'
import { notifyExpert, notifyOrganization } from './notifications.server'
import { enqueueJobs } from '~/jobs/queue.server'
import type { QueueHandler } from '~/jobs/worker.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import type { Prisma } from '~/generated/prisma/client'
import type { DeclineReason, Role } from '~/generated/prisma/enums'
import { actsForOrganization } from '~/utils/permissions.server'
import { PUBLIC_OWNER } from './verification.server'

export const INTRODUCTIONS_QUEUE = 'introductions'
const DAY = 24 * 60 * 60 * 1000

interface Actor {
  userId: string
  organizationId: string
}

/** Who looks at an introduction: a member of one of its organizations, in a role. */
export interface IntroViewer extends Actor {
  role: Role
}

/**
 * The introductions a member may see: their organization's as requester or target; an expert only
 * those about themself (not their colleagues' or their institution's results).
 */
function visibleTo(viewer: IntroViewer): Prisma.IntroductionWhereInput {
  if (!actsForOrganization(viewer)) return { targetOrgId: viewer.organizationId, expert: { userId: viewer.userId } }
  return { OR: [{ requesterOrgId: viewer.organizationId }, { targetOrgId: viewer.organizationId }] }
}

/** News for the target side: the organization's business desk and, for an expert, the expert. */
async function notifyTarget(
  tx: Tx,
  intro: { targetOrgId: string; expertId: string | null },
  kind: string,
  params: Record<string, string>,
  link: string,
  exceptUserId?: string,
) {
  await notifyOrganization(tx, intro.targetOrgId, kind, params, link, { exceptUserId })
  if (intro.expertId) await notifyExpert(tx, intro.expertId, kind, params, link, { exceptUserId })
}

export type IntroOutcome = { ok: true; id: string } | { ok: false; error: string }

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]
type Target = { kind: 'expert' | 'result'; id: string; organizationId: string }

async function openNeedOf(actor: Actor, needId: string) {
  const need = await prisma.need.findFirst({
    where: { id: needId, organizationId: actor.organizationId },
    select: { id: true, status: true, title: true },
  })
  return need && ['PUBLISHED', 'IN_PROGRESS'].includes(need.status) ? need : null
}

const targetKey = (target: Pick<Target, 'kind' | 'id'>) =>
  target.kind === 'expert' ? { expertId: target.id } : { resultId: target.id }

/** A reminder two days before the answer is due, and expiry at the deadline, in `tx`. */
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

const ORG_CONTACT = { id: true, name: true, contactName: true, contactPhone: true, contactEmail: true } as const
const withoutContact = <T extends { id: string; name: string }>(org: T) => ({
  ...org,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
})

/**
 * One introduction as one of its two organizations sees it. The need's confidential detail and
 * the contacts are revealed only once it is accepted; anyone else gets null.
 */
export async function getIntroduction(introductionId: string, viewer: IntroViewer) {
  const organizationId = viewer.organizationId
  const intro = await prisma.introduction.findFirst({
    where: { id: introductionId, ...visibleTo(viewer) },
    include: {
      need: { select: { id: true, title: true, summary: true, confidentialDetail: true } },
      requesterOrg: { select: ORG_CONTACT },
      requestedBy: { select: { name: true, email: true, phone: true } },
      targetOrg: { select: ORG_CONTACT },
      expert: { select: { id: true, name: true, title: true, email: true, phone: true } },
      result: { select: { id: true, title: true } },
      messages: {
        orderBy: { createdAt: 'asc' },
        include: { author: { select: { name: true } }, authorOrg: { select: { name: true } } },
      },
    },
  })
  if (!intro) return null
  const accepted = intro.status === 'ACCEPTED'
  return {
    ...intro,
    side: intro.requesterOrgId === organizationId ? ('requester' as const) : ('target' as const),
    overdue: intro.status === 'REQUESTED' && intro.responseDeadline < new Date(),
    need: { ...intro.need, confidentialDetail: accepted ? intro.need.confidentialDetail : null },
    requestedBy: accepted ? intro.requestedBy : { name: intro.requestedBy.name, email: null, phone: null },
    // Each side's contact person (the office's, for a result or a group) once accepted, never before.
    requesterOrg: accepted ? intro.requesterOrg : withoutContact(intro.requesterOrg),
    targetOrg: accepted ? intro.targetOrg : withoutContact(intro.targetOrg),
    expert: intro.expert ? (accepted ? intro.expert : { ...intro.expert, email: null, phone: null }) : null,
  }
}

/** Requests an organization received (its inbox), newest first, with overdue marked. */
export async function listReceivedIntroductions(organizationId: string) {
  const rows = await prisma.introduction.findMany({
    where: { targetOrgId: organizationId },
    orderBy: { createdAt: 'desc' },
    take: 100,
    include: {
      need: { select: { id: true, title: true } },
      requesterOrg: { select: { name: true } },
      expert: { select: { name: true } },
      result: { select: { title: true } },
    },
  })
  const now = new Date()
  return rows.map((r) => ({ ...r, overdue: r.status === 'REQUESTED' && r.responseDeadline < now }))
}

/** The requests made for one need (its owner sees every request's state). */
export function listNeedIntroductions(needId: string, organizationId: string) {
  return prisma.introduction.findMany({
    where: { needId, requesterOrgId: organizationId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      status: true,
      responseDeadline: true,
      declineReason: true,
      targetOrg: { select: { name: true } },
      expert: { select: { name: true } },
      result: { select: { title: true } },
    },
  })
}

const JobPayload = z.object({ introductionId: z.string() })

/**
 * Background jobs of introductions: a reminder two days before the deadline to an organization
 * that has not answered, and expiry at the deadline. They run in the worker, never on page loads.
 */
export function introductionJobsHandler(): QueueHandler {
  return {
    queue: INTRODUCTIONS_QUEUE,
    batchSize: 50,
    async handle(jobs) {
      for (const job of jobs) {
        const parsed = JobPayload.safeParse(job.payload)
        if (!parsed.success) continue
        await prisma.$transaction(async (tx) => {
          const intro = await tx.introduction.findUnique({
            where: { id: parsed.data.introductionId },
            select: {
              id: true,
              status: true,
              targetOrgId: true,
              requesterOrgId: true,
              direction: true,
              expertId: true,
              need: { select: { title: true } },
            },
          })
          if (!intro || intro.status !== 'REQUESTED') return
          const offer = intro.direction === 'OFFER'
          const link = `/introductions/${intro.id}`
          if (job.kind === 'remind') {
            await tx.introduction.update({ where: { id: intro.id }, data: { remindedAt: new Date() } })
            if (offer)
              await notifyOrganization(tx, intro.requesterOrgId, 'introReminder', { need: intro.need.title }, link)
            else await notifyTarget(tx, intro, 'introReminder', { need: intro.need.title }, link)
          } else if (job.kind === 'expire') {
            await tx.introduction.update({ where: { id: intro.id }, data: { status: 'EXPIRED' } })
            const asker = offer ? intro.targetOrgId : intro.requesterOrgId
            await notifyOrganization(tx, asker, 'introExpired', { need: intro.need.title }, link)
            await recordAudit(tx, { action: 'introduction.expire', entityType: 'Introduction', entityId: intro.id })
          }
        })
      }
    },
  }
}
