import { createHash } from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client'
import { notifyOrganization } from '~/models/notifications.server'
import { recordAudit } from '~/utils/audit.server'
import { platformNow } from '~/utils/clock.server'
import { prisma } from '~/utils/db.server'
import { beijingDateTime } from '~/utils/format'
import { NOT_FOUND, type Outcome, type Refusal } from '~/utils/outcome'
import { ENTERPRISE_ROLES, OFFICE_ROLES } from '~/utils/permissions.server'
import { MAX_ATTACHMENTS, type ProposalFormInput } from '~/validation/calls'
import { isEligible } from './calls.server'
import { EDITABLE_PROPOSAL_STATUSES } from './states'

/** An institution's office acting on its proposal. */
export interface ApplicantActor {
  userId: string
  organizationId: string
}

type Tx = Prisma.TransactionClient

/** A refusal that may carry message parameters (a late one names the deadline in Beijing time). */
export type LateRefusal = Refusal & { params?: Record<string, string> }

/**
 * The call, locked for the rest of the transaction, if it still takes proposals at `now` (read
 * before the transaction: on the embedded database a query outside it would wait for it).
 */
async function lockOpenCall(tx: Tx, callId: string, now: Date) {
  await tx.$queryRaw`SELECT 1 FROM "Call" WHERE "id" = ${callId} FOR UPDATE`
  const call = await tx.call.findUnique({ where: { id: callId } })
  if (!call || call.status === 'DRAFT') return { ok: false, error: 'notFound', notFound: true } as const
  if (call.status !== 'PUBLISHED' || now >= call.deadline) {
    return {
      ok: false,
      error: 'errors.proposal.late',
      params: { deadline: beijingDateTime(call.deadline) },
    } as const
  }
  return { ok: true, call } as const
}

/**
 * Saves an institution's proposal (one per institution and call) or submits it. Only before the
 * deadline (the server's clock, in Beijing time), under the call's lock, so a submission racing the
 * deadline is either in before it or refused.
 */
export async function saveProposal(
  actor: ApplicantActor,
  callId: string,
  input: ProposalFormInput,
): Promise<Outcome<{ id: string }, LateRefusal>> {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: actor.organizationId } })
  const [experts, results] = await Promise.all([
    prisma.expert.count({ where: { id: { in: input.teamExpertIds }, organizationId: org.id } }),
    prisma.researchResult.count({
      where: { id: { in: input.resultIds }, organizationId: org.id, status: 'PUBLISHED' },
    }),
  ])
  if (experts !== input.teamExpertIds.length)
    return { ok: false, error: 'errors.proposal.team', field: 'teamExpertIds' }
  if (results !== input.resultIds.length) return { ok: false, error: 'errors.proposal.results', field: 'resultIds' }
  const now = await platformNow()
  return prisma.$transaction(async (tx) => {
    const open = await lockOpenCall(tx, callId, now)
    if (!open.ok) return open
    const { call } = open
    if (!isEligible(call, org)) return { ok: false, error: 'errors.proposal.ineligible' } as const
    const existing = await tx.proposal.findUnique({
      where: { callId_organizationId: { callId, organizationId: org.id } },
      select: { id: true, status: true, submittedAt: true },
    })
    if (existing && !EDITABLE_PROPOSAL_STATUSES.includes(existing.status)) {
      return { ok: false, error: 'errors.proposal.locked' } as const
    }
    const submit = input.intent === 'submit' || existing?.status === 'SUBMITTED'
    const content = {
      approach: input.approach,
      teamExpertIds: input.teamExpertIds,
      resultIds: input.resultIds,
      patents: input.patents ?? null,
      priceFen: input.priceYuan,
      durationMonths: input.durationMonths,
      milestones: input.milestones.map((m) => ({
        title: m.title,
        amountFen: String(m.amountYuan),
        month: m.month,
      })),
      status: submit ? ('SUBMITTED' as const) : ('DRAFT' as const),
      submittedAt: submit ? (existing?.submittedAt ?? now) : null,
    }
    const proposal = existing
      ? await tx.proposal.update({ where: { id: existing.id }, data: content, select: { id: true } })
      : await tx.proposal.create({
          data: { ...content, callId, organizationId: org.id, createdById: actor.userId },
          select: { id: true },
        })
    const firstSubmission = submit && existing?.status !== 'SUBMITTED'
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: org.id,
      action: firstSubmission ? 'proposal.submit' : 'proposal.save',
      entityType: 'Proposal',
      entityId: proposal.id,
      data: { callId, priceFen: String(input.priceYuan) },
    })
    if (firstSubmission) {
      // The enterprise hears that a proposal came in; its contents stay sealed until the deadline.
      await notifyOrganization(tx, call.organizationId, 'proposalReceived', { title: call.title }, `/calls/${callId}`, {
        roles: ENTERPRISE_ROLES,
      })
    }
    return { ok: true, id: proposal.id } as const
  })
}

/** Withdraws the institution's proposal before the deadline (it may submit again until then). */
export async function withdrawProposal(actor: ApplicantActor, callId: string): Promise<Outcome> {
  const now = await platformNow()
  return prisma.$transaction(async (tx) => {
    const open = await lockOpenCall(tx, callId, now)
    if (!open.ok) return open
    const { count } = await tx.proposal.updateMany({
      where: { callId, organizationId: actor.organizationId, status: { in: ['DRAFT', 'SUBMITTED'] } },
      data: { status: 'WITHDRAWN', submittedAt: null },
    })
    if (count === 0) return NOT_FOUND
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'proposal.withdraw',
      entityType: 'Call',
      entityId: callId,
    })
    return { ok: true } as const
  })
}

/** File types a proposal may carry, known by their first bytes as well as their name. */
const ATTACHMENT_TYPES: Record<string, { contentType: string; magic: number[] }> = {
  pdf: { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
}

/** Attaches a PDF, DOCX or XLSX file to the institution's proposal, stored with its SHA-256. */
export async function attachToProposal(
  actor: ApplicantActor,
  callId: string,
  file: { name: string; bytes: Uint8Array<ArrayBuffer> },
): Promise<Outcome<{ id: string }, LateRefusal>> {
  const extension = file.name.toLowerCase().split('.').pop() ?? ''
  const type = ATTACHMENT_TYPES[extension]
  if (!type || !type.magic.every((byte, i) => file.bytes[i] === byte)) {
    return { ok: false, error: 'errors.proposal.attachmentType' }
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  const now = await platformNow()
  return prisma.$transaction(async (tx) => {
    const open = await lockOpenCall(tx, callId, now)
    if (!open.ok) return open
    const proposal = await tx.proposal.findUnique({
      where: { callId_organizationId: { callId, organizationId: actor.organizationId } },
      select: { id: true, status: true, _count: { select: { attachments: true } } },
    })
    if (!proposal) return { ok: false, error: 'errors.proposal.saveFirst' } as const
    if (!EDITABLE_PROPOSAL_STATUSES.includes(proposal.status))
      return { ok: false, error: 'errors.proposal.locked' } as const
    if (proposal._count.attachments >= MAX_ATTACHMENTS)
      return { ok: false, error: 'errors.proposal.attachmentCount' } as const
    const attachment = await tx.proposalAttachment.create({
      data: {
        proposalId: proposal.id,
        fileName: file.name.slice(0, 200),
        contentType: type.contentType,
        size: file.bytes.byteLength,
        sha256,
        data: file.bytes,
        uploadedById: actor.userId,
      },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'proposal.attach',
      entityType: 'Proposal',
      entityId: proposal.id,
      data: { fileName: file.name, size: file.bytes.byteLength, sha256 },
    })
    return { ok: true, id: attachment.id } as const
  })
}

/** Removes an attachment from the institution's proposal while the call is open. */
export async function removeAttachment(actor: ApplicantActor, callId: string, attachmentId: string): Promise<Outcome> {
  const now = await platformNow()
  return prisma.$transaction(async (tx) => {
    const open = await lockOpenCall(tx, callId, now)
    if (!open.ok) return open
    const { count } = await tx.proposalAttachment.deleteMany({
      where: { id: attachmentId, proposal: { callId, organizationId: actor.organizationId } },
    })
    return count ? ({ ok: true } as const) : NOT_FOUND
  })
}

/**
 * An expert proposes that their institution answer the call: the institution's office is told
 * (it alone submits proposals). Once per expert and call.
 */
export async function askOfficeToApply(
  actor: ApplicantActor,
  callId: string,
  note: string | undefined,
): Promise<Outcome<object, LateRefusal>> {
  const now = await platformNow()
  const expert = await prisma.expert.findUnique({ where: { userId: actor.userId }, select: { name: true } })
  if (!expert) return NOT_FOUND
  return prisma.$transaction(async (tx) => {
    const open = await lockOpenCall(tx, callId, now)
    if (!open.ok) return open
    const asked = await tx.auditLog.count({
      where: { action: 'call.expertInterest', entityType: 'Call', entityId: callId, actorId: actor.userId },
    })
    if (asked > 0) return { ok: false, error: 'errors.call.alreadyAsked' } as const
    await notifyOrganization(
      tx,
      actor.organizationId,
      'callExpertInterest',
      { title: open.call.title, expert: expert.name, note: note ?? '' },
      `/calls/${callId}`,
      { roles: OFFICE_ROLES },
    )
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'call.expertInterest',
      entityType: 'Call',
      entityId: callId,
      data: { note: note ?? null },
    })
    return { ok: true } as const
  })
}
