import { enqueueIndexing } from '~/search/enqueue.server'
import { recordAudit } from '~/utils/audit.server'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'
import { prisma } from '~/utils/db.server'
import type { ResultFormInput } from '~/validation/results'
import { isVerified, NOT_VERIFIED_ERRORS, type StatusChange } from './verification.server'
import { PUBLIC_OWNER } from './verification-states'
import { optionalYuanText } from '~/utils/format'

export function listResultsForOrganization(organizationId: string, take = 20) {
  return prisma.researchResult.findMany({
    where: { organizationId },
    select: {
      id: true,
      title: true,
      status: true,
      trl: true,
      stage: true,
      updatedAt: true,
      staleRemindedAt: true,
      field: { select: { nameZh: true, nameEn: true } },
    },
    // Listings waiting for the owner's confirmation first, then the most recently changed.
    orderBy: [{ staleRemindedAt: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'desc' }, { id: 'asc' }],
    take,
  })
}

export async function countResultsByStatus(organizationId: string) {
  const rows = await prisma.researchResult.groupBy({
    by: ['status'],
    where: { organizationId },
    _count: { _all: true },
  })
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>
}

export function listRecentPublishedResults(limit = 8) {
  return prisma.researchResult.findMany({
    where: { status: 'PUBLISHED', ...PUBLIC_OWNER },
    select: {
      id: true,
      title: true,
      trl: true,
      stage: true,
      field: { select: { nameZh: true, nameEn: true } },
      organization: { select: { name: true } },
    },
    orderBy: { publishedAt: 'desc' },
    take: limit,
  })
}

/** The result form's stored values, for the office that owns the result; null for anyone else. */
export async function getResultFormValues(organizationId: string, resultId: string) {
  const result = await prisma.researchResult.findFirst({
    where: { id: resultId, organizationId },
    include: { team: { select: { expertId: true, isLead: true } } },
  })
  if (!result) return null
  return {
    id: result.id,
    status: result.status,
    defaults: {
      title: result.title,
      abstract: result.abstract,
      fieldCode: result.fieldCode,
      keywords: result.keywords.join('、'),
      stage: result.stage,
      trl: result.trl?.toString() ?? null,
      ipType: result.ipType,
      patentNumbers: result.patentNumbers.join('、'),
      transferModes: result.transferModes,
      priceMinYuan: optionalYuanText(result.priceMinFen),
      priceMaxYuan: optionalYuanText(result.priceMaxFen),
      expertIds: [...result.team].sort((a, b) => Number(b.isLead) - Number(a.isLead)).map((m) => m.expertId),
    },
  }
}

interface Actor {
  userId: string
  organizationId: string
}

export type ResultOutcome =
  { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]>; notFound?: boolean }

/**
 * Creates or edits a result of the actor's office with its team, in one transaction with the
 * search outbox row and the audit entry. A draft is published when asked; a published result
 * stays published.
 */
export async function saveResult(actor: Actor, input: ResultFormInput, resultId?: string): Promise<ResultOutcome> {
  // Another office's result is not found, whatever the form says.
  const existing = resultId
    ? await prisma.researchResult.findFirst({ where: { id: resultId, organizationId: actor.organizationId } })
    : null
  if (resultId && !existing) return { ok: false, fieldErrors: {}, notFound: true }
  const field = await prisma.techField.findUnique({ where: { code: input.fieldCode }, select: { code: true } })
  if (!field) return { ok: false, fieldErrors: { fieldCode: ['errors.need.fieldUnknown'] } }
  const experts = await prisma.expert.findMany({
    where: { id: { in: input.expertIds }, organizationId: actor.organizationId },
    select: { id: true },
  })
  if (experts.length !== new Set(input.expertIds).size)
    return { ok: false, fieldErrors: { expertIds: ['errors.result.expertUnknown'] } }
  const publish = input.intent === 'publish' || existing?.status === 'PUBLISHED'
  if (publish && existing?.status !== 'PUBLISHED' && !(await isVerified(prisma, actor.organizationId)))
    return { ok: false, fieldErrors: NOT_VERIFIED_ERRORS }
  const now = new Date()
  const data = {
    title: input.title,
    abstract: input.abstract,
    fieldCode: input.fieldCode,
    keywords: input.keywords,
    stage: input.stage ?? null,
    trl: input.trl ?? null,
    ipType: input.ipType,
    patentNumbers: input.patentNumbers.map((n) => n.toUpperCase().replace(/\s/g, '')),
    transferModes: input.transferModes,
    priceMinFen: input.priceMinYuan ?? null,
    priceMaxFen: input.priceMaxYuan ?? null,
    status: publish ? ('PUBLISHED' as const) : (existing?.status ?? 'DRAFT'),
    publishedAt: publish ? (existing?.publishedAt ?? now) : (existing?.publishedAt ?? null),
    lastActivityAt: now,
    staleRemindedAt: null,
  }
  const id = await prisma.$transaction(async (tx) => {
    const result = existing
      ? await tx.researchResult.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.researchResult.create({
          data: { ...data, organizationId: actor.organizationId },
          select: { id: true },
        })
    await tx.resultExpert.deleteMany({ where: { resultId: result.id } })
    if (input.expertIds.length) {
      await tx.resultExpert.createMany({
        data: input.expertIds.map((expertId, i) => ({ resultId: result.id, expertId, isLead: i === 0 })),
      })
    }
    await enqueueIndexing(tx, 'results', [result.id])
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: existing ? 'result.update' : 'result.create',
      entityType: 'ResearchResult',
      entityId: result.id,
      data: { status: data.status },
    })
    await emitWebhookEvent(tx, [actor.organizationId], 'result.changed', {
      resultId: result.id,
      change: existing ? 'updated' : 'created',
      status: data.status,
    })
    return result.id
  })
  return { ok: true, id }
}

const RESULT_TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED' },
  archive: { from: ['DRAFT', 'PUBLISHED'], to: 'ARCHIVED' },
  republish: { from: ['ARCHIVED'], to: 'PUBLISHED' },
} as const

/** Publish, archive or republish; refuses what the result's state does not allow. */
export async function changeResultStatus(
  actor: Actor,
  resultId: string,
  intent: keyof typeof RESULT_TRANSITIONS,
): Promise<StatusChange> {
  const rule = RESULT_TRANSITIONS[intent]
  return prisma.$transaction(async (tx) => {
    const result = await tx.researchResult.findFirst({
      where: { id: resultId, organizationId: actor.organizationId },
      select: { id: true, status: true, publishedAt: true },
    })
    if (!result || !(rule.from as readonly string[]).includes(result.status)) return 'refused'
    if (rule.to === 'PUBLISHED' && !(await isVerified(tx, actor.organizationId))) return 'notVerified'
    const now = new Date()
    await tx.researchResult.update({
      where: { id: result.id },
      data: {
        status: rule.to,
        publishedAt: rule.to === 'PUBLISHED' ? (result.publishedAt ?? now) : result.publishedAt,
        lastActivityAt: now,
        staleRemindedAt: null,
      },
    })
    await enqueueIndexing(tx, 'results', [result.id])
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: `result.${intent}`,
      entityType: 'ResearchResult',
      entityId: result.id,
      data: { from: result.status, to: rule.to },
    })
    await emitWebhookEvent(tx, [actor.organizationId], 'result.changed', {
      resultId: result.id,
      change: intent,
      status: rule.to,
    })
    return 'changed'
  })
}
