import { Prisma } from '~/generated/prisma/client'
import type { OrgKind } from '~/generated/prisma/enums'
import { regionGroup } from '~/data/regions'
import { SHOWN_CONFIDENCE } from '~/matching/coverage.server'
import { matchNeed } from '~/matching/match-need.server'
import { searchEngine } from '~/search/engine.server'
import { createNotifications, notifyOrganization } from '~/models/notifications.server'
import { OPEN_NEED_STATUSES } from '~/models/need-states'
import { PUBLIC_VERIFICATION } from '~/models/verification-states'
import { enqueueIndexing } from '~/search/enqueue.server'
import { enqueueJobs } from '~/jobs/queue.server'
import { deadlineJob } from './deadline-job'
import { recordAudit } from '~/utils/audit.server'
import { platformNow } from '~/utils/clock.server'
import { prisma } from '~/utils/db.server'
import { OFFICE_ROLES, isBureau, isEnterpriseUser, runsCall, type Viewer } from '~/utils/permissions.server'
import { NOT_FOUND, type Outcome } from '~/utils/outcome'
import { beijingInstant, CALL_KINDS, type CallFormInput, type Criterion } from '~/validation/calls'

export interface CallActor {
  userId: string
  organizationId: string
  viewer: Viewer
}

/** A call must close at least this long after it is published. */
export const MIN_OPEN_MS = 60 * 60 * 1000

export const criteriaOf = (call: { criteria: Prisma.JsonValue }) => call.criteria as unknown as Criterion[]

/**
 * Publishes (or saves as a draft) a call from a need: by the need's enterprise, or by bureau staff
 * for a need collected by a campaign (then with optional district funding). One live call per need.
 */
export async function createCall(actor: CallActor, input: CallFormInput): Promise<Outcome<{ id: string }>> {
  const need = await prisma.need.findUnique({
    where: { id: input.needId },
    select: { id: true, organizationId: true, campaignId: true, status: true, title: true },
  })
  const byEnterprise = need !== null && isEnterpriseUser(actor.viewer, need.organizationId)
  const byBureau = need !== null && need.campaignId !== null && isBureau(actor.viewer)
  if (!need || (!byEnterprise && !byBureau)) return NOT_FOUND
  if (!OPEN_NEED_STATUSES.includes(need.status)) return { ok: false, error: 'errors.call.needNotOpen', field: 'needId' }
  if (input.districtFundingYuan !== undefined && !byBureau) {
    return { ok: false, error: 'errors.call.fundingBureauOnly', field: 'districtFundingYuan' }
  }
  const deadline = beijingInstant(input.deadlineDate, input.deadlineTime)
  const now = await platformNow()
  if (deadline.getTime() < now.getTime() + MIN_OPEN_MS) {
    return { ok: false, error: 'errors.call.deadlinePast', field: 'deadlineDate' }
  }
  const publish = input.intent === 'publish'
  const audience = publish ? await callAudience(need.id) : null
  try {
    const id = await prisma.$transaction(async (tx) => {
      const call = await tx.call.create({
        data: {
          needId: need.id,
          organizationId: need.organizationId,
          createdById: actor.userId,
          campaignId: byEnterprise ? null : need.campaignId,
          ...termsData(input, deadline, publish ? now : null),
          title: input.title,
          statement: input.statement,
          confidentialDetail: input.confidentialDetail ?? null,
        },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: actor.userId,
        actorOrgId: actor.organizationId,
        action: publish ? 'call.publish' : 'call.create',
        entityType: 'Call',
        entityId: call.id,
        data: { needId: need.id, rewardMaxFen: String(input.rewardMaxYuan) },
      })
      if (audience) await announceCall(tx, call.id, audience)
      return call.id
    })
    return { ok: true, id }
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, error: 'errors.call.exists', field: 'needId' }
    }
    throw error
  }
}

/** The columns a call's shared terms fill, for a single call and a bundle's items alike. */
export function termsData(
  input: Omit<CallFormInput, 'needId' | 'confidentialDetail' | 'title' | 'statement' | 'intent'>,
  deadline: Date,
  publishedAt: Date | null,
) {
  return {
    rewardMinFen: input.rewardMinYuan ?? null,
    rewardMaxFen: input.rewardMaxYuan,
    districtFundingFen: input.districtFundingYuan ?? null,
    deadline,
    eligibleKinds: input.eligibleKinds,
    eligibleRegionGroups: input.eligibleRegionGroups,
    criteria: input.criteria as unknown as Prisma.InputJsonValue,
    requirements: input.requirements,
    status: publishedAt ? ('PUBLISHED' as const) : ('DRAFT' as const),
    publishedAt,
  }
}

/** Publishes a draft (deadline still ahead). One conditional update: a double click publishes once. */
export async function publishCall(actor: CallActor, callId: string): Promise<Outcome> {
  const call = await prisma.call.findUnique({ where: { id: callId } })
  if (!call || !runsCall(actor.viewer, call)) return NOT_FOUND
  const now = await platformNow()
  if (call.deadline.getTime() < now.getTime() + MIN_OPEN_MS) return { ok: false, error: 'errors.call.deadlinePast' }
  const audience = await callAudience(call.needId)
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.call.updateMany({
      where: { id: callId, status: 'DRAFT' },
      data: { status: 'PUBLISHED', publishedAt: now },
    })
    if (count === 0) return { ok: false, error: 'errors.call.notDraft' } as const
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'call.publish',
      entityType: 'Call',
      entityId: callId,
    })
    await announceCall(tx, callId, audience)
    return { ok: true } as const
  })
}

/** Cancels a call that has not been decided; applicants are told why. */
export async function cancelCall(actor: CallActor, callId: string, reason: string): Promise<Outcome> {
  const call = await prisma.call.findUnique({ where: { id: callId } })
  if (!call || !runsCall(actor.viewer, call)) return NOT_FOUND
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.call.updateMany({
      where: { id: callId, status: { in: ['DRAFT', 'PUBLISHED'] } },
      data: { status: 'CANCELLED', decidedAt: new Date(), decisionNote: reason },
    })
    if (count === 0) return { ok: false, error: 'errors.call.decided' } as const
    const applicants = await tx.proposal.findMany({
      where: { callId, status: { not: 'DRAFT' } },
      select: { organizationId: true },
    })
    for (const a of applicants) {
      await notifyOrganization(
        tx,
        a.organizationId,
        'callCancelled',
        { title: call.title, reason },
        `/calls/${callId}`,
        {
          roles: OFFICE_ROLES,
        },
      )
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'call.cancel',
      entityType: 'Call',
      entityId: callId,
      data: { reason },
    })
    await enqueueIndexing(tx, 'needs', [call.needId])
    return { ok: true } as const
  })
}

/** Whether an institution may answer a call: its kind and region are eligible and it is approved. */
export function isEligible(
  call: { eligibleKinds: OrgKind[]; eligibleRegionGroups: string[] },
  org: { kind: OrgKind; regionCode: string; verification: string },
): boolean {
  const kinds: readonly OrgKind[] = call.eligibleKinds.length ? call.eligibleKinds : CALL_KINDS
  return (
    org.verification === PUBLIC_VERIFICATION &&
    kinds.includes(org.kind) &&
    (call.eligibleRegionGroups.length === 0 || call.eligibleRegionGroups.includes(regionGroup(org.regionCode)))
  )
}

/** Who hears of a call on this need: the institutions and experts the matcher finds for it. */
export interface CallAudience {
  organizationIds: string[]
  expertIds: string[]
}

/**
 * The institutions whose results or experts match the need at the confidence an enterprise is
 * shown (the matcher run now, on the current index), and those experts. Asked before the
 * publishing transaction: matching reads the search engine, not rows the transaction writes.
 */
export async function callAudience(needId: string): Promise<CallAudience> {
  const options = { limit: AUDIENCE_SIZE, minConfidence: SHOWN_CONFIDENCE }
  const [results, experts] = await Promise.all([
    matchNeed(prisma, searchEngine(), needId, 'results', options),
    matchNeed(prisma, searchEngine(), needId, 'experts', options),
  ])
  const items = [...(results?.items ?? []), ...(experts?.items ?? [])]
  return {
    organizationIds: [...new Set(items.map((i) => i.organizationId))],
    expertIds: (experts?.items ?? []).map((i) => i.id),
  }
}

const AUDIENCE_SIZE = 20

/**
 * Pushes a published call to the eligible institutions of its audience (their offices), to the
 * matched experts who have an account and to the experts subscribed to calls in the need's field
 * (each once), and makes the need findable as a call.
 */
export async function announceCall(tx: Prisma.TransactionClient, callId: string, audience: CallAudience) {
  const call = await tx.call.findUniqueOrThrow({
    where: { id: callId },
    include: { need: { select: { fieldCode: true } } },
  })
  const field = call.need.fieldCode
  const [orgs, experts] = await Promise.all([
    tx.organization.findMany({ where: { id: { in: audience.organizationIds } } }),
    tx.expert.findMany({
      where: {
        userId: { not: null },
        OR: [
          { id: { in: audience.expertIds } },
          {
            callAlerts: true,
            status: 'PUBLISHED',
            OR: [{ fieldCodes: { isEmpty: true } }, ...(field ? [{ fieldCodes: { has: field } }] : [])],
          },
        ],
      },
      select: { userId: true, organization: true },
    }),
  ])
  const params = { title: call.title }
  const link = `/calls/${callId}`
  for (const org of orgs.filter((o) => isEligible(call, o))) {
    await notifyOrganization(tx, org.id, 'callPublished', params, link, { roles: OFFICE_ROLES })
  }
  await createNotifications(
    tx,
    experts
      .filter((e) => isEligible(call, e.organization))
      .map((e) => ({ userId: e.userId!, kind: 'callPublishedExpert', params, link })),
  )
  await enqueueIndexing(tx, 'needs', [call.needId])
  await enqueueJobs(tx, [deadlineJob(call)])
}

/** The live call of a need, if any (shown on the need page). */
export function liveCallOfNeed(needId: string) {
  return prisma.call.findFirst({
    where: { needId, status: { in: ['DRAFT', 'PUBLISHED', 'AWARDED'] } },
    select: { id: true, status: true, deadline: true, title: true },
  })
}

/** What the "publish a call" form starts from: the need, when the viewer may publish one for it. */
export async function getCallDraftSource(viewer: Viewer, needId: string) {
  const need = await prisma.need.findUnique({
    where: { id: needId },
    select: {
      id: true,
      title: true,
      summary: true,
      confidentialDetail: true,
      budgetMinFen: true,
      budgetMaxFen: true,
      organizationId: true,
      campaignId: true,
      status: true,
    },
  })
  if (!need) return null
  const byEnterprise = isEnterpriseUser(viewer, need.organizationId)
  const byBureau = need.campaignId !== null && isBureau(viewer)
  if (!byEnterprise && !byBureau) return null
  return { need, byBureau: !byEnterprise }
}
