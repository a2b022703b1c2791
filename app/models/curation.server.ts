import { LIVE_CALL_STATUSES } from '~/calls/states'
import { createNotifications, notifyOrganization } from './notifications.server'
import { enqueueJobs } from '~/jobs/queue.server'
import { needRefreshJob } from '~/matching/refresh.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { OFFICE_ROLES } from '~/utils/permissions.server'
import type { Prisma } from '~/generated/prisma/client'
import type { CampaignFormInput, ExpertGroupFormInput } from '~/validation/curation'
import { beijingToday } from '~/utils/time'
import { PUBLIC_OWNER } from './verification-states'
import { isOpenNeed, OPEN_NEED_STATUSES } from './need-states'
import { connectedNeed, needCoverage, reliableMatch, type NeedCoverage } from '~/matching/coverage.server'
import { calendarDate } from '~/utils/format'

/**
 * Bureau curation: need-collection campaigns (征集), needs the matcher has no good answer for,
 * and expert groups the bureau assembles by hand for them.
 */
interface Actor {
  userId: string
  organizationId: string
}

const EMPTY_COVERAGE: NeedCoverage = { reliable: 0, best: null, connected: false }
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const today = () => day(beijingToday())

export async function listCampaigns() {
  const campaigns = await prisma.campaign.findMany({
    orderBy: [{ endsOn: 'desc' }, { createdAt: 'desc' }],
    take: 100,
    include: { area: { select: { nameZh: true, nameEn: true } } },
  })
  const counts = await prisma.need.groupBy({
    by: ['campaignId', 'status'],
    where: { campaignId: { in: campaigns.map((c) => c.id) } },
    _count: { _all: true },
  })
  return campaigns.map((c) => {
    const mine = counts.filter((r) => r.campaignId === c.id)
    return {
      ...c,
      needs: mine.reduce((s, r) => s + r._count._all, 0),
      open: mine.filter((r) => isOpenNeed(r.status)).reduce((s, r) => s + r._count._all, 0),
    }
  })
}

/**
 * Opens a campaign and invites the enterprises it concerns (those of its town/street, or all
 * enterprises for a district-wide one) with an in-app notification linking to the need form.
 */
export async function createCampaign(actor: Actor, input: CampaignFormInput) {
  if (input.areaId && !(await prisma.area.findUnique({ where: { id: input.areaId }, select: { id: true } }))) {
    return { ok: false as const, fieldErrors: { areaId: ['errors.campaign.area'] } }
  }
  const campaign = await prisma.$transaction(async (tx) => {
    const created = await tx.campaign.create({
      data: {
        name: input.name,
        description: input.description ?? null,
        areaId: input.areaId ?? null,
        startsOn: day(input.startsOn),
        endsOn: day(input.endsOn),
        createdById: actor.userId,
      },
    })
    const enterprises = await tx.organization.findMany({
      where: { kind: 'ENTERPRISE', ...(input.areaId ? { areaId: input.areaId } : {}) },
      select: { id: true },
    })
    for (const e of enterprises) {
      await notifyOrganization(
        tx,
        e.id,
        'campaignOpened',
        { name: input.name, endsOn: input.endsOn },
        `/needs/new?campaign=${created.id}`,
      )
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'campaign.create',
      entityType: 'Campaign',
      entityId: created.id,
      data: { areaId: input.areaId ?? null, invited: enterprises.length },
    })
    return created
  })
  return { ok: true as const, id: campaign.id }
}

/** Campaigns an enterprise may file a need under today: running, district-wide or of its area. */
export async function openCampaignsFor(organizationId: string) {
  const org = await prisma.organization.findUnique({ where: { id: organizationId }, select: { areaId: true } })
  return prisma.campaign.findMany({
    where: {
      startsOn: { lte: today() },
      endsOn: { gte: today() },
      OR: [{ areaId: null }, ...(org?.areaId ? [{ areaId: org.areaId }] : [])],
    },
    select: { id: true, name: true, endsOn: true },
    orderBy: { endsOn: 'asc' },
  })
}

export async function getCampaign(id: string) {
  const campaign = await prisma.campaign.findUnique({
    where: { id },
    include: { area: { select: { nameZh: true, nameEn: true } }, createdBy: { select: { name: true } } },
  })
  if (!campaign) return null
  const needs = await prisma.need.findMany({
    where: { campaignId: id, status: { not: 'DRAFT' } },
    select: {
      id: true,
      title: true,
      status: true,
      publishedAt: true,
      organization: { select: { name: true } },
      _count: { select: { introductions: true } },
      calls: { where: { status: { in: [...LIVE_CALL_STATUSES] } }, select: { id: true }, take: 1 },
    },
    orderBy: { publishedAt: 'desc' },
  })
  const coverage = await needCoverage(
    prisma,
    needs.map((n) => n.id),
  )
  return { campaign, needs: needs.map((n) => ({ ...n, coverage: coverage.get(n.id) ?? EMPTY_COVERAGE })) }
}

export interface UnmatchedFilter {
  campaignId?: string
  areaId?: string
}

/**
 * Open needs without a good answer: no reliable match and not connected (coverage.server.ts).
 * The longest-waiting first, each with its best match.
 */
export async function listUnmatchedNeeds(filter: UnmatchedFilter = {}, take = 100) {
  const where: Prisma.NeedWhereInput = {
    status: { in: [...OPEN_NEED_STATUSES] },
    matches: { none: reliableMatch },
    NOT: connectedNeed,
    ...(filter.campaignId ? { campaignId: filter.campaignId } : {}),
    ...(filter.areaId ? { organization: { areaId: filter.areaId } } : {}),
  }
  const needs = await prisma.need.findMany({
    where,
    select: {
      id: true,
      title: true,
      publishedAt: true,
      organization: { select: { name: true, area: { select: { nameZh: true, nameEn: true } } } },
      field: { select: { nameZh: true, nameEn: true } },
      expertGroups: { where: { curated: true }, select: { id: true } },
    },
    orderBy: { publishedAt: 'asc' },
    take,
  })
  const coverage = await needCoverage(
    prisma,
    needs.map((n) => n.id),
  )
  return needs.map((n) => ({
    ...n,
    best: coverage.get(n.id)?.best ?? null,
    curated: n.expertGroups.length > 0,
  }))
}

/**
 * A need as bureau staff curate it, confidential detail included, with its coverage. Opening it
 * also asks for the need's stored matches to be brought up to date (a deduplicated job), so the
 * list of needs without a good answer follows what the curation page ranks live.
 */
export async function getNeedForCuration(needId: string) {
  const need = await prisma.need.findUnique({
    where: { id: needId },
    select: {
      id: true,
      title: true,
      summary: true,
      confidentialDetail: true,
      keywords: true,
      status: true,
      organization: { select: { name: true } },
    },
  })
  if (!need) return null
  if (isOpenNeed(need.status)) await enqueueJobs(prisma, [needRefreshJob(need.id)])
  const coverage = await needCoverage(prisma, [need.id])
  return { ...need, coverage: coverage.get(need.id) ?? EMPTY_COVERAGE }
}

export function getCuratedGroup(needId: string) {
  return prisma.expertGroup.findFirst({
    where: { needId, curated: true },
    include: {
      members: {
        include: { expert: { select: { id: true, name: true, organization: { select: { name: true } } } } },
      },
      createdBy: { select: { name: true } },
    },
  })
}

/**
 * Saves the need's curated group (one per need; adjusting replaces its members), audited. With
 * `notify`, every member not yet told hears about the need: the expert's own account when the
 * expert has one, otherwise the expert's institution; and the enterprise hears about the group.
 */
export async function saveCuratedGroup(actor: Actor, needId: string, input: ExpertGroupFormInput) {
  const need = await prisma.need.findUnique({
    where: { id: needId },
    select: { id: true, title: true, status: true, organizationId: true },
  })
  if (!need || !isOpenNeed(need.status)) return { ok: false as const, notFound: true }
  const experts = await prisma.expert.findMany({
    where: { id: { in: input.members }, status: 'PUBLISHED', ...PUBLIC_OWNER },
    select: { id: true, userId: true, organizationId: true },
  })
  if (experts.length !== input.members.length) {
    return { ok: false as const, fieldErrors: { members: ['errors.group.expertUnknown'] } }
  }
  const notified = await prisma.$transaction(async (tx) => {
    const existing = await tx.expertGroup.findFirst({
      where: { needId, curated: true },
      include: { members: true },
    })
    const group = existing
      ? await tx.expertGroup.update({ where: { id: existing.id }, data: { note: input.note ?? null } })
      : await tx.expertGroup.create({
          data: { needId, curated: true, createdById: actor.userId, note: input.note ?? null },
        })
    const before = new Map(existing?.members.map((m) => [m.expertId, m.notifiedAt]) ?? [])
    await tx.expertGroupMember.deleteMany({ where: { groupId: group.id } })
    const aspects = (id: string) =>
      (input.aspects[id] ?? '')
        .split(/[、，,;；]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    await tx.expertGroupMember.createMany({
      data: input.members.map((expertId) => ({
        groupId: group.id,
        expertId,
        aspects: aspects(expertId),
        notifiedAt: before.get(expertId) ?? null,
      })),
    })
    let told = 0
    if (input.notify) {
      const now = new Date()
      for (const expert of experts) {
        if (before.get(expert.id)) continue
        const params = { need: need.title }
        if (expert.userId) {
          await createNotifications(tx, [
            { userId: expert.userId, kind: 'groupInvite', params, link: `/needs/${need.id}` },
          ])
        } else {
          // No account of their own: the institution's tech-transfer office passes it on.
          await notifyOrganization(tx, expert.organizationId, 'groupInvite', params, `/needs/${need.id}`, {
            roles: OFFICE_ROLES,
          })
        }
        await tx.expertGroupMember.update({
          where: { groupId_expertId: { groupId: group.id, expertId: expert.id } },
          data: { notifiedAt: now },
        })
        told++
      }
      if (told) {
        await notifyOrganization(tx, need.organizationId, 'groupCurated', { need: need.title }, `/needs/${need.id}`)
      }
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: existing ? 'expertGroup.update' : 'expertGroup.create',
      entityType: 'ExpertGroup',
      entityId: group.id,
      data: { needId, members: input.members, notified: told },
    })
    return told
  })
  return { ok: true as const, notified }
}

/** The need form's campaign choices: the running ones, and the need's own even once it ended. */
export async function campaignChoices(organizationId: string, currentId: string | null) {
  const open = await openCampaignsFor(organizationId)
  const current =
    currentId && !open.some((c) => c.id === currentId)
      ? await prisma.campaign.findUnique({ where: { id: currentId }, select: { id: true, name: true, endsOn: true } })
      : null
  return [...open, ...(current ? [current] : [])].map((c) => ({ ...c, endsOn: calendarDate(c.endsOn) }))
}
