import { createHash } from 'node:crypto'
import { createNotifications, notifyOrganization } from './notifications.server'
import type { Prisma } from '~/generated/prisma/client'
import type { OrgVerification } from '~/generated/prisma/enums'
import { PUBLIC_VERIFICATION, VERIFICATION_DECISIONS, type VerificationDecision } from './verification-states'
import { enqueueIndexing } from '~/search/enqueue.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { Outcome, Refusal } from '~/utils/outcome'

/**
 * Organization verification. A registered (or imported) organization starts PENDING: its members
 * can prepare drafts, but nothing of it is public and nothing can be published until platform
 * admin or bureau staff approve it. A suspended organization's listings leave search at once.
 */

/** Whether the organization may publish: only an approved one (inside the caller's transaction). */
export async function isVerified(
  db: Pick<Prisma.TransactionClient, 'organization'>,
  organizationId: string,
): Promise<boolean> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { verification: true } })
  return org?.verification === PUBLIC_VERIFICATION
}

/** What a listing's publish / archive / republish came to. */
export type StatusChange = 'changed' | 'refused' | 'notVerified'

/** Form-level error a publishing model returns for an organization not (or no longer) approved. */
export const NOT_VERIFIED_ERRORS = { '': ['errors.organization.notVerified'] }

/** The same as a conform submission result, for status buttons that post outside a form's fields. */
export const notVerifiedReply = () => ({ status: 'error' as const, error: NOT_VERIFIED_ERRORS })

type Tx = Prisma.TransactionClient

/** Every listing of the organization is re-indexed, so search follows its verification at once. */
export async function reindexListings(tx: Tx, organizationId: string) {
  const where = { organizationId }
  const [needs, results, experts] = await Promise.all([
    tx.need.findMany({ where, select: { id: true } }),
    tx.researchResult.findMany({ where, select: { id: true } }),
    tx.expert.findMany({ where, select: { id: true } }),
  ])
  await enqueueIndexing(
    tx,
    'needs',
    needs.map((n) => n.id),
  )
  await enqueueIndexing(
    tx,
    'results',
    results.map((r) => r.id),
  )
  await enqueueIndexing(
    tx,
    'experts',
    experts.map((e) => e.id),
  )
}

const NOTIFICATION_KIND: Record<OrgVerification, string> = {
  PENDING: 'verificationPending',
  APPROVED: 'verificationApproved',
  REJECTED: 'verificationRejected',
  SUSPENDED: 'verificationSuspended',
  MERGED: 'organizationMerged',
}

/** Platform admins and bureau staff hear of each organization that joins the queue. */
export async function notifyReviewers(tx: Tx, organization: { id: string; name: string }) {
  const reviewers = await tx.membership.findMany({
    where: { role: { in: ['PLATFORM_ADMIN', 'BUREAU_STAFF'] } },
    select: { userId: true },
    distinct: ['userId'],
  })
  await createNotifications(
    tx,
    reviewers.map((r) => ({
      userId: r.userId,
      kind: NOTIFICATION_KIND.PENDING,
      params: { organization: organization.name },
      link: `/admin/organizations?state=PENDING#org-${organization.id}`,
    })),
  )
}

export type DecisionOutcome = Outcome<{ to: OrgVerification }, Refusal<'notFound' | 'state' | 'note'>>

/**
 * Applies a reviewer's decision as one conditional statement on the state the reviewer saw
 * (`seen`): two reviewers deciding at once, the second finds the state moved and is refused
 * rather than overturning a decision they never saw. The audit entry, the members' notification
 * and the re-indexing of the organization's listings commit in the same transaction.
 */
export async function decideVerification(
  reviewer: { userId: string; organizationId: string | null },
  organizationId: string,
  decision: VerificationDecision,
  note: string | null,
  seen?: OrgVerification,
): Promise<DecisionOutcome> {
  const rule = VERIFICATION_DECISIONS[decision]
  const from = rule.from.filter((state) => seen === undefined || state === seen)
  const reason = note?.trim() || null
  if (rule.noteRequired && !reason) return { ok: false, error: 'note' }
  return prisma.$transaction(async (tx) => {
    const changed = await tx.organization.updateMany({
      where: { id: organizationId, verification: { in: from } },
      data: {
        verification: rule.to,
        verificationNote: rule.to === 'APPROVED' ? null : reason,
        verifiedAt: rule.to === 'APPROVED' ? new Date() : undefined,
      },
    })
    if (changed.count === 0) {
      const exists = await tx.organization.count({ where: { id: organizationId } })
      return { ok: false, error: exists ? 'state' : 'notFound' }
    }
    await reindexListings(tx, organizationId)
    await recordAudit(tx, {
      actorId: reviewer.userId,
      actorOrgId: reviewer.organizationId,
      action: `organization.${decision}`,
      entityType: 'Organization',
      entityId: organizationId,
      data: { to: rule.to, note: reason },
    })
    await notifyOrganization(
      tx,
      organizationId,
      NOTIFICATION_KIND[rule.to],
      { note: reason ?? '' },
      '/settings/organization',
      { roles: ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'TTO_ADMIN', 'TTO_MEMBER'] },
    )
    return { ok: true, to: rule.to }
  })
}

/** The review queue: organizations waiting first, then the most recent; filterable by state. */
export function listForReview(verification?: OrgVerification, take = 50) {
  return prisma.organization.findMany({
    where: verification ? { verification } : { kind: { not: 'BUREAU' } },
    select: {
      id: true,
      name: true,
      kind: true,
      creditCode: true,
      regionCode: true,
      verification: true,
      verificationNote: true,
      mergedInto: { select: { name: true, creditCode: true } },
      createdAt: true,
      documents: {
        select: { id: true, fileName: true, size: true, createdAt: true },
        orderBy: { createdAt: 'desc' },
        take: 3,
      },
      _count: { select: { memberships: true, needs: true, results: true, experts: true } },
    },
    orderBy: [{ verification: 'asc' }, { createdAt: 'desc' }],
    take,
  })
}

export function countPendingOrganizations() {
  return prisma.organization.count({ where: { verification: 'PENDING' } })
}

/** Documents accepted for verification: PDF and images, at most 5 MB. */
export const DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
}
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024

/** Stores an uploaded verification document with its hash, audited. */
export async function storeVerificationDocument(
  actor: { userId: string; organizationId: string },
  file: { name: string; type: string; bytes: Uint8Array },
) {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  return prisma.$transaction(async (tx) => {
    const document = await tx.organizationDocument.create({
      data: {
        organizationId: actor.organizationId,
        fileName: file.name.slice(0, 200),
        contentType: file.type,
        size: file.bytes.byteLength,
        sha256,
        data: Buffer.from(file.bytes),
        uploadedById: actor.userId,
      },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'organization.document',
      entityType: 'OrganizationDocument',
      entityId: document.id,
      data: { sha256, size: file.bytes.byteLength },
    })
    return document
  })
}

/** A document, for its organization's members and for reviewers (the caller checks which). */
export function getVerificationDocument(id: string) {
  return prisma.organizationDocument.findUnique({ where: { id } })
}

/** The organization's own view: its state, the reviewer's note and its documents. */
export function getOwnVerification(organizationId: string) {
  return prisma.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      kind: true,
      creditCode: true,
      verification: true,
      verificationNote: true,
      verifiedAt: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      bankAccountName: true,
      bankName: true,
      bankAccountNumber: true,
      documents: {
        select: { id: true, fileName: true, size: true, sha256: true, createdAt: true },
        orderBy: { createdAt: 'desc' },
      },
    },
  })
}
