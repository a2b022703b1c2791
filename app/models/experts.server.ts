import type { Prisma } from '~/generated/prisma/client'
import { enqueueIndexing } from '~/search/enqueue.server'
import { recordAudit } from '~/utils/audit.server'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'
import { prisma } from '~/utils/db.server'
import type { ExpertFormInput } from '~/validation/experts'
import { isVerified, NOT_VERIFIED_ERRORS, type StatusChange } from './verification.server'

export function getExpertForUser(userId: string) {
  return prisma.expert.findUnique({
    where: { userId },
    select: {
      id: true,
      name: true,
      title: true,
      directions: true,
      keywords: true,
      bio: true,
      available: true,
      contactVisibility: true,
      callAlerts: true,
      fieldCodes: true,
      organization: { select: { name: true } },
      results: {
        select: { result: { select: { id: true, title: true, status: true } } },
        take: 20,
      },
    },
  })
}

/** The expert's own choice to hear of every call published in their fields; false when they have no profile. */
export async function setCallAlerts(userId: string, on: boolean) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.expert.updateMany({ where: { userId }, data: { callAlerts: on } })
    if (count === 0) return false
    const expert = await tx.expert.findUniqueOrThrow({ where: { userId }, select: { id: true, organizationId: true } })
    await recordAudit(tx, {
      actorId: userId,
      actorOrgId: expert.organizationId,
      action: on ? 'expert.callAlertsOn' : 'expert.callAlertsOff',
      entityType: 'Expert',
      entityId: expert.id,
    })
    return true
  })
}

export function listExpertsForOrganization(organizationId: string, take = 20) {
  return prisma.expert.findMany({
    where: { organizationId },
    select: { id: true, name: true, title: true, directions: true, available: true, status: true },
    orderBy: { name: 'asc' },
    take,
  })
}

interface Actor {
  userId: string
  organizationId: string
}

/**
 * Whose profile: an office manages its institution's experts; an expert edits only their own.
 * Anything else is not found.
 */
export type ExpertScope = { kind: 'office'; organizationId: string } | { kind: 'self'; userId: string }

function scopeWhere(scope: ExpertScope, expertId?: string): Prisma.ExpertWhereInput {
  return scope.kind === 'office'
    ? { id: expertId ?? '', organizationId: scope.organizationId }
    : { userId: scope.userId }
}

export function findExpertInScope(scope: ExpertScope, expertId?: string) {
  return prisma.expert.findFirst({ where: scopeWhere(scope, expertId) })
}

export type ExpertOutcome =
  { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]>; notFound?: boolean }

/**
 * Creates (office only) or edits an expert profile, in one transaction with the search outbox
 * row and the audit entry. A published profile stays published; the change reaches search and,
 * through it, the stored matches of open needs.
 */
export async function saveExpert(
  actor: Actor,
  scope: ExpertScope,
  input: ExpertFormInput,
  expertId?: string,
): Promise<ExpertOutcome> {
  const existing = scope.kind === 'self' || expertId ? await findExpertInScope(scope, expertId) : null
  if ((scope.kind === 'self' || expertId) && !existing) return { ok: false, fieldErrors: {}, notFound: true }
  const fields = await prisma.techField.findMany({ where: { code: { in: input.fieldCodes } }, select: { code: true } })
  if (fields.length !== new Set(input.fieldCodes).size)
    return { ok: false, fieldErrors: { fieldCodes: ['errors.need.fieldUnknown'] } }
  const publish = input.intent === 'publish' || existing?.status === 'PUBLISHED'
  const owner = existing?.organizationId ?? actor.organizationId
  if (publish && existing?.status !== 'PUBLISHED' && !(await isVerified(prisma, owner)))
    return { ok: false, fieldErrors: NOT_VERIFIED_ERRORS }
  const data = {
    name: input.name,
    title: input.title ?? null,
    directions: input.directions,
    keywords: input.keywords,
    fieldCodes: input.fieldCodes,
    bio: input.bio ?? null,
    achievements: input.achievements ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    contactVisibility: input.contactVisibility,
    available: input.available,
    consultationFeeFen: input.consultationFeeYuan ?? null,
    consultationMinutes: input.consultationMinutes ?? null,
    status: publish ? ('PUBLISHED' as const) : (existing?.status ?? ('DRAFT' as const)),
    lastActivityAt: new Date(),
  }
  const id = await prisma.$transaction(async (tx) => {
    const expert = existing
      ? await tx.expert.update({ where: { id: existing.id }, data, select: { id: true, organizationId: true } })
      : await tx.expert.create({
          data: { ...data, organizationId: actor.organizationId },
          select: { id: true, organizationId: true },
        })
    await enqueueIndexing(tx, 'experts', [expert.id])
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: existing ? 'expert.update' : 'expert.create',
      entityType: 'Expert',
      entityId: expert.id,
      data: { status: data.status, by: scope.kind },
    })
    await emitWebhookEvent(tx, [expert.organizationId], 'expert.changed', {
      expertId: expert.id,
      change: existing ? 'updated' : 'created',
      status: data.status,
    })
    return expert.id
  })
  return { ok: true, id }
}

const EXPERT_TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED' },
  archive: { from: ['DRAFT', 'PUBLISHED'], to: 'ARCHIVED' },
  republish: { from: ['ARCHIVED'], to: 'PUBLISHED' },
} as const

/** Publish, archive or republish a profile; refuses what its state does not allow. */
export async function changeExpertStatus(
  actor: Actor,
  scope: ExpertScope,
  expertId: string | undefined,
  intent: keyof typeof EXPERT_TRANSITIONS,
): Promise<StatusChange> {
  const rule = EXPERT_TRANSITIONS[intent]
  return prisma.$transaction(async (tx) => {
    const expert = await tx.expert.findFirst({
      where: scopeWhere(scope, expertId),
      select: { id: true, status: true, organizationId: true },
    })
    if (!expert || !(rule.from as readonly string[]).includes(expert.status)) return 'refused'
    if (rule.to === 'PUBLISHED' && !(await isVerified(tx, expert.organizationId))) return 'notVerified'
    await tx.expert.update({ where: { id: expert.id }, data: { status: rule.to, lastActivityAt: new Date() } })
    await enqueueIndexing(tx, 'experts', [expert.id])
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: `expert.${intent}`,
      entityType: 'Expert',
      entityId: expert.id,
      data: { from: expert.status, to: rule.to },
    })
    await emitWebhookEvent(tx, [expert.organizationId], 'expert.changed', {
      expertId: expert.id,
      change: intent,
      status: rule.to,
    })
    return 'changed'
  })
}
