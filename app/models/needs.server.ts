import { openCampaignsFor } from './curation.server'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'
import { SHOWN_CONFIDENCE } from '~/matching/coverage.server'
import { enqueueIndexing } from '~/search/enqueue.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { NeedFormInput } from '~/validation/needs'
import { isVerified, NOT_VERIFIED_ERRORS, type StatusChange } from './verification.server'
import { PUBLIC_OWNER } from './verification-states'
import { EDITABLE_NEED_STATUSES, ENDED_NEED_STATUSES, isEditableNeed, OPEN_NEED_STATUSES } from './need-states'
import type { NeedStatus } from '~/generated/prisma/enums'
import { optionalCalendarDate, optionalYuanText } from '~/utils/format'

/** The enterprise's own needs, drafts included; scoped to its organization. */
export function listNeedsForOrganization(organizationId: string) {
  return prisma.need.findMany({
    where: { organizationId },
    select: {
      id: true,
      title: true,
      status: true,
      deadline: true,
      updatedAt: true,
      field: { select: { nameZh: true, nameEn: true } },
      _count: { select: { introductions: true } },
    },
    orderBy: { updatedAt: 'desc' },
    take: 50,
  })
}

/**
 * Per need of the organization: stored matches shown by default (confidence 3 or more, not
 * declined), and how many of them appeared since the owner last opened the need.
 */
export async function matchCounts(organizationId: string): Promise<Map<string, { shown: number; fresh: number }>> {
  const rows = await prisma.$queryRaw<Array<{ needId: string; shown: bigint; fresh: bigint }>>`
    SELECT m."needId", count(*) AS shown,
           count(*) FILTER (WHERE m."status" = 'PROPOSED'
                              AND m."createdAt" > coalesce(n."matchesSeenAt", 'epoch'::timestamp)) AS fresh
    FROM "Match" m JOIN "Need" n ON n."id" = m."needId"
    WHERE n."organizationId" = ${organizationId} AND m."confidence" >= ${SHOWN_CONFIDENCE} AND m."status" <> 'DECLINED'
    GROUP BY m."needId"`
  return new Map(rows.map((r) => [r.needId, { shown: Number(r.shown), fresh: Number(r.fresh) }]))
}

/**
 * The owner opened the need's matches: returns the targets (expert or result IDs) that are new
 * since the last visit, then moves the mark and reads the "new matches" notifications of it.
 */
export async function takeNewMatches(needId: string, userId: string): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const need = await tx.need.findUniqueOrThrow({ where: { id: needId }, select: { matchesSeenAt: true } })
    const fresh = await tx.match.findMany({
      where: {
        needId,
        status: 'PROPOSED',
        confidence: { gte: SHOWN_CONFIDENCE },
        ...(need.matchesSeenAt ? { createdAt: { gt: need.matchesSeenAt } } : {}),
      },
      select: { expertId: true, resultId: true },
    })
    // Raw SQL, so updatedAt stays: a visit is not an edit of the need.
    await tx.$executeRaw`UPDATE "Need" SET "matchesSeenAt" = now() WHERE "id" = ${needId}`
    await tx.notification.updateMany({
      where: { userId, kind: 'newMatches', link: `/needs/${needId}`, readAt: null },
      data: { readAt: new Date() },
    })
    return fresh.map((m) => m.expertId ?? m.resultId ?? '').filter(Boolean)
  })
}

/** Public teasers only: never the confidential detail. */
export function listPublicNeedTeasers(limit = 8) {
  return prisma.need.findMany({
    where: { status: 'PUBLISHED', ...PUBLIC_OWNER },
    select: {
      id: true,
      title: true,
      summary: true,
      publishedAt: true,
      field: { select: { nameZh: true, nameEn: true } },
      organization: { select: { area: { select: { nameZh: true, nameEn: true } } } },
    },
    orderBy: { publishedAt: 'desc' },
    take: limit,
  })
}

/** The need form's stored values, for the enterprise that owns the need; null for anyone else. */
export async function getNeedFormValues(organizationId: string, needId: string) {
  const need = await prisma.need.findFirst({ where: { id: needId, organizationId } })
  if (!need) return null
  return {
    id: need.id,
    isDraft: need.status === 'DRAFT',
    campaignId: need.campaignId,
    defaults: {
      title: need.title,
      summary: need.summary,
      confidentialDetail: need.confidentialDetail,
      triedApproaches: need.triedApproaches,
      fieldCode: need.fieldCode,
      keywords: need.keywords,
      budgetMinYuan: optionalYuanText(need.budgetMinFen),
      budgetMaxYuan: optionalYuanText(need.budgetMaxFen),
      deadline: optionalCalendarDate(need.deadline),
      cooperationModes: need.cooperationModes,
      wantedStage: need.wantedStage,
      campaignId: need.campaignId,
    },
  }
}

export type NeedOutcome =
  { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]>; notFound?: boolean }

interface Actor {
  userId: string
  organizationId: string
}

/**
 * Creates or edits a need of the actor's enterprise, in one transaction with its search outbox
 * row and audit entry. A draft is published when asked; a published need stays published.
 */
export async function saveNeed(actor: Actor, input: NeedFormInput, needId?: string): Promise<NeedOutcome> {
  const field = await prisma.techField.findUnique({ where: { code: input.fieldCode }, select: { code: true } })
  if (!field) return { ok: false, fieldErrors: { fieldCode: ['errors.need.fieldUnknown'] } }
  const existing = needId
    ? await prisma.need.findFirst({ where: { id: needId, organizationId: actor.organizationId } })
    : null
  if (needId && !existing) return { ok: false, fieldErrors: {}, notFound: true }
  if (existing && !isEditableNeed(existing.status)) {
    return { ok: false, fieldErrors: { '': ['errors.need.notEditable'] } }
  }
  // A need joins a campaign (征集) only while it runs and if it concerns the enterprise's area.
  if (input.campaignId && input.campaignId !== existing?.campaignId) {
    const open = await openCampaignsFor(actor.organizationId)
    if (!open.some((c) => c.id === input.campaignId)) {
      return { ok: false, fieldErrors: { campaignId: ['errors.need.campaignClosed'] } }
    }
  }
  const publish = input.intent === 'publish' || (existing !== null && existing.status !== 'DRAFT')
  if (
    publish &&
    (existing === null || existing.status === 'DRAFT') &&
    !(await isVerified(prisma, actor.organizationId))
  )
    return { ok: false, fieldErrors: NOT_VERIFIED_ERRORS }
  const deadline = input.deadline ? new Date(`${input.deadline}T00:00:00Z`) : null
  const now = new Date()
  const data = {
    title: input.title,
    summary: input.summary,
    confidentialDetail: input.confidentialDetail ?? null,
    triedApproaches: input.triedApproaches ?? null,
    fieldCode: input.fieldCode,
    keywords: input.keywords,
    budgetMinFen: input.budgetMinYuan ?? null,
    budgetMaxFen: input.budgetMaxYuan ?? null,
    deadline,
    cooperationModes: input.cooperationModes,
    wantedStage: input.wantedStage ?? null,
    campaignId: input.campaignId ?? null,
    // A moved deadline earns a new reminder.
    ...(existing && existing.deadline?.getTime() !== deadline?.getTime() ? { deadlineRemindedAt: null } : {}),
    status: publish ? (existing?.status === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'PUBLISHED') : 'DRAFT',
    publishedAt: publish ? (existing?.publishedAt ?? now) : null,
    lastActivityAt: now,
    staleRemindedAt: null,
  } as const
  const id = await prisma.$transaction(async (tx) => {
    const need = existing
      ? await tx.need.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.need.create({ data: { ...data, organizationId: actor.organizationId }, select: { id: true } })
    await enqueueIndexing(tx, 'needs', [need.id])
    if (data.status !== 'DRAFT' && (existing === null || existing.status === 'DRAFT')) {
      await emitWebhookEvent(tx, [actor.organizationId], 'need.published', { needId: need.id, status: data.status })
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: existing ? 'need.update' : 'need.create',
      entityType: 'Need',
      entityId: need.id,
      data: { status: data.status },
    })
    return need.id
  })
  return { ok: true, id }
}

const TRANSITIONS: Record<'publish' | 'close' | 'reopen', { from: readonly NeedStatus[]; to: 'PUBLISHED' | 'CLOSED' }> =
  {
    publish: { from: ['DRAFT'], to: 'PUBLISHED' },
    close: { from: EDITABLE_NEED_STATUSES, to: 'CLOSED' },
    reopen: { from: ENDED_NEED_STATUSES, to: 'PUBLISHED' },
  }

/** Publish, close or reopen; refuses a transition the need's state does not allow. */
export async function changeNeedStatus(
  actor: Actor,
  needId: string,
  intent: keyof typeof TRANSITIONS,
): Promise<StatusChange> {
  const rule = TRANSITIONS[intent]
  return prisma.$transaction(async (tx) => {
    const need = await tx.need.findFirst({
      where: { id: needId, organizationId: actor.organizationId },
      select: { id: true, status: true, publishedAt: true },
    })
    if (!need || !rule.from.includes(need.status)) return 'refused'
    if (rule.to === 'PUBLISHED' && !(await isVerified(tx, actor.organizationId))) return 'notVerified'
    const now = new Date()
    await tx.need.update({
      where: { id: need.id },
      data: {
        status: rule.to,
        publishedAt: rule.to === 'PUBLISHED' ? (need.publishedAt ?? now) : need.publishedAt,
        closedAt: rule.to === 'CLOSED' ? now : null,
        lastActivityAt: now,
        staleRemindedAt: null,
      },
    })
    await enqueueIndexing(tx, 'needs', [need.id])
    await emitWebhookEvent(tx, [actor.organizationId], rule.to === 'PUBLISHED' ? 'need.published' : 'need.closed', {
      needId: need.id,
      status: rule.to,
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: `need.${intent}`,
      entityType: 'Need',
      entityId: need.id,
      data: { from: need.status, to: rule.to },
    })
    return 'changed'
  })
}

/** The organization's needs an introduction can be about (published or in progress), newest first. */
export function listOpenNeedTitles(organizationId: string) {
  return prisma.need.findMany({
    where: { organizationId, status: { in: [...OPEN_NEED_STATUSES] } },
    select: { id: true, title: true },
    orderBy: { updatedAt: 'desc' },
    take: 50,
  })
}
