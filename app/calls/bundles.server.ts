import { Prisma } from '~/generated/prisma/client'
import { OPEN_NEED_STATUSES } from '~/models/need-states'
import { recordAudit } from '~/utils/audit.server'
import { platformNow } from '~/utils/clock.server'
import { prisma } from '~/utils/db.server'
import { NOT_FOUND, type Outcome } from '~/utils/outcome'
import { isBureau, type Viewer } from '~/utils/permissions.server'
import { beijingInstant, type BundleFormInput } from '~/validation/calls'
import { announceCall, callAudience, MIN_OPEN_MS, termsData, type CallActor, type CallAudience } from './calls.server'
import { LIVE_CALL_STATUSES, callPhase } from './states'

/**
 * 联合榜单: bureau staff publish several needs of one 征集 campaign as one call. Each need becomes an
 * item, an ordinary call with the bundle's shared terms, its need's title and public statement,
 * and its enterprise as the owner who evaluates and awards; institutions answer items one by one.
 * The bundle is created (and published) with all its items, or not at all.
 */

/** Who should hear of each need's item: the matcher's audience, asked for every need at once. */
async function audiencesOf(needIds: string[]) {
  const audiences = await Promise.all(needIds.map((id) => callAudience(id)))
  return new Map(needIds.map((id, i) => [id, audiences[i]]))
}

/** The campaign's open needs that have no live call yet: what a bundle may hold. */
export async function getBundleDraftSource(viewer: Viewer, campaignId: string) {
  if (!isBureau(viewer)) return null
  const campaign = await prisma.campaign.findUnique({ where: { id: campaignId }, select: { id: true, name: true } })
  if (!campaign) return null
  const needs = await prisma.need.findMany({
    where: {
      campaignId,
      status: { in: [...OPEN_NEED_STATUSES] },
      calls: { none: { status: { in: [...LIVE_CALL_STATUSES] } } },
    },
    select: { id: true, title: true, budgetMaxFen: true, organization: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  })
  return { campaign, needs }
}

export async function createBundle(
  actor: CallActor,
  campaignId: string,
  input: BundleFormInput,
): Promise<Outcome<{ id: string }>> {
  if (!isBureau(actor.viewer)) return NOT_FOUND
  const campaign = await prisma.campaign.findUnique({ where: { id: campaignId }, select: { id: true } })
  if (!campaign) return NOT_FOUND
  const needIds = [...new Set(input.needIds)]
  const needs = await prisma.need.findMany({
    where: { id: { in: needIds }, campaignId: campaign.id },
    select: {
      id: true,
      title: true,
      summary: true,
      confidentialDetail: true,
      organizationId: true,
      status: true,
    },
  })
  if (needs.length !== needIds.length || needs.length < 2) {
    return { ok: false, error: 'errors.call.bundleNeeds', field: 'needIds' }
  }
  if (needs.some((n) => !OPEN_NEED_STATUSES.includes(n.status))) {
    return { ok: false, error: 'errors.call.needNotOpen', field: 'needIds' }
  }
  const deadline = beijingInstant(input.deadlineDate, input.deadlineTime)
  const now = await platformNow()
  if (deadline.getTime() < now.getTime() + MIN_OPEN_MS) {
    return { ok: false, error: 'errors.call.deadlinePast', field: 'deadlineDate' }
  }
  const publish = input.intent === 'publish'
  // Matching reads the search engine, not what the transaction writes: asked before it opens.
  const audiences = publish ? await audiencesOf(needs.map((n) => n.id)) : new Map<string, CallAudience>()
  const ordered = needIds.map((id) => needs.find((n) => n.id === id)!)
  try {
    const id = await prisma.$transaction(async (tx) => {
      const bundle = await tx.callBundle.create({
        data: {
          campaignId: campaign.id,
          createdById: actor.userId,
          title: input.title,
          statement: input.statement,
          publishedAt: publish ? now : null,
        },
        select: { id: true },
      })
      for (const need of ordered) {
        const call = await tx.call.create({
          data: {
            ...termsData(input, deadline, publish ? now : null),
            needId: need.id,
            organizationId: need.organizationId,
            createdById: actor.userId,
            campaignId: campaign.id,
            bundleId: bundle.id,
            title: need.title.slice(0, 100),
            statement: need.summary,
            confidentialDetail: need.confidentialDetail,
          },
          select: { id: true },
        })
        const audience = audiences.get(need.id)
        if (audience) await announceCall(tx, call.id, audience)
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        actorOrgId: actor.organizationId,
        action: publish ? 'callBundle.publish' : 'callBundle.create',
        entityType: 'CallBundle',
        entityId: bundle.id,
        data: { campaignId: campaign.id, needIds, rewardMaxFen: String(input.rewardMaxYuan) },
      })
      return bundle.id
    })
    return { ok: true, id }
  } catch (error) {
    // Another call was published for one of the needs meanwhile: nothing of the bundle is kept.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, error: 'errors.call.exists', field: 'needIds' }
    }
    throw error
  }
}

/** Publishes every draft item of a bundle at once (one conditional update; a double click publishes once). */
export async function publishBundle(actor: CallActor, bundleId: string): Promise<Outcome> {
  if (!isBureau(actor.viewer)) return NOT_FOUND
  const bundle = await prisma.callBundle.findUnique({
    where: { id: bundleId },
    include: { calls: { where: { status: 'DRAFT' }, select: { id: true, needId: true, deadline: true } } },
  })
  if (!bundle) return NOT_FOUND
  if (bundle.publishedAt || bundle.calls.length === 0) return { ok: false, error: 'errors.call.notDraft' }
  const now = await platformNow()
  if (bundle.calls.some((c) => c.deadline.getTime() < now.getTime() + MIN_OPEN_MS)) {
    return { ok: false, error: 'errors.call.deadlinePast' }
  }
  const audiences = await audiencesOf(bundle.calls.map((c) => c.needId))
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.callBundle.updateMany({
      where: { id: bundleId, publishedAt: null },
      data: { publishedAt: now },
    })
    if (count === 0) return { ok: false, error: 'errors.call.notDraft' } as const
    for (const call of bundle.calls) {
      await tx.call.update({ where: { id: call.id }, data: { status: 'PUBLISHED', publishedAt: now } })
      await announceCall(tx, call.id, audiences.get(call.needId)!)
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'callBundle.publish',
      entityType: 'CallBundle',
      entityId: bundleId,
    })
    return { ok: true } as const
  })
}

/** A bundle and its items as anyone may see them; a draft bundle only to bureau staff. */
export async function getBundlePage(viewer: Viewer | null, bundleId: string) {
  const bundle = await prisma.callBundle.findUnique({
    where: { id: bundleId },
    include: {
      campaign: { select: { id: true, name: true } },
      calls: {
        orderBy: { createdAt: 'asc' },
        include: {
          organization: { select: { name: true } },
          need: { select: { field: { select: { nameZh: true, nameEn: true } } } },
          _count: { select: { proposals: { where: { status: { not: 'DRAFT' } } } } },
        },
      },
    },
  })
  const bureau = isBureau(viewer)
  if (!bundle || (!bundle.publishedAt && !bureau)) return null
  const now = await platformNow()
  const [first] = bundle.calls
  return {
    id: bundle.id,
    title: bundle.title,
    statement: bundle.statement,
    campaign: bundle.campaign,
    publishedAt: bundle.publishedAt,
    canPublish: bureau && !bundle.publishedAt,
    // The shared terms, as every item carries them.
    terms: first
      ? {
          deadline: first.deadline,
          rewardMinFen: first.rewardMinFen,
          rewardMaxFen: first.rewardMaxFen,
          districtFundingFen: first.districtFundingFen,
          eligibleKinds: first.eligibleKinds,
          eligibleRegionGroups: first.eligibleRegionGroups,
          criteria: first.criteria as unknown as Array<{ name: string; weight: number }>,
          requirements: first.requirements,
        }
      : null,
    items: bundle.calls.map((c) => ({
      id: c.id,
      title: c.title,
      enterprise: c.organization.name,
      field: c.need.field,
      phase: callPhase(c, now),
      proposals: c._count.proposals,
    })),
  }
}
