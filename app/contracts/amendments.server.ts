import { confirmationState, lockContract, sideOf } from './confirmations.server'
import type { Prisma } from '~/generated/prisma/client'
import type { ContractSide } from '~/generated/prisma/enums'
import { notifyBureau, notifyOrganization } from '~/models/notifications.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'
import { EXPERT_REVIEW_FEN } from '~/validation/contracts'
import type { Outcome, Refusal } from '~/utils/outcome'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'

/**
 * Amendments after registration, two-sided like the contract itself. When both parties are on
 * the platform, a change of 成交额 or 技术交易额 is proposed by one party (its side confirmed by
 * proposing), confirmed by the other, and only then registered by the bureau; either party may
 * withdraw it while it is open, and at most one is open at a time. When a party is not on the
 * platform, the bureau registers the change from the registry's paperwork directly (`amend`).
 * Registering keeps the version it replaces as a revision; the rollup trigger sees the update.
 */

type Tx = Prisma.TransactionClient

export interface AmendedFigures {
  amountYuan: bigint
  techAmountYuan: bigint
  reason: string
}

export type AmendmentOutcome = Outcome<object, Refusal & { field: string }>

const COUNTED = ['REGISTERED', 'AMENDED']

const refuse = (error: string, field = 'statusChange'): AmendmentOutcome => ({ ok: false, field, error })

/** The open amendment of a contract, if any, and which sides confirmed it. */
export function openAmendment(contractId: string) {
  return prisma.contractAmendment.findFirst({ where: { contractId, status: 'PROPOSED' } })
}

/** Whether an open amendment waits for this side, is complete, or is this side's to withdraw. */
export function amendmentState(amendment: { buyerConfirmedAt: Date | null; sellerConfirmedAt: Date | null }) {
  return {
    buyer: amendment.buyerConfirmedAt !== null,
    seller: amendment.sellerConfirmedAt !== null,
    complete: amendment.buyerConfirmedAt !== null && amendment.sellerConfirmedAt !== null,
  }
}

/** Writes new figures to the contract, keeping the version they replace (inside the lock). */
export async function applyAmendedFigures(
  tx: Tx,
  contract: { id: string; version: number; status: string; amountFen: bigint; techAmountFen: bigint },
  figures: AmendedFigures,
) {
  await tx.contractRevision.create({
    data: {
      contractId: contract.id,
      version: contract.version,
      reason: figures.reason,
      snapshot: {
        amountFen: contract.amountFen.toString(),
        techAmountFen: contract.techAmountFen.toString(),
        status: contract.status,
      },
    },
  })
  await tx.contract.update({
    where: { id: contract.id },
    data: {
      status: 'AMENDED',
      version: contract.version + 1,
      amountFen: figures.amountYuan,
      techAmountFen: figures.techAmountYuan,
      needsExpertReview: figures.amountYuan >= EXPERT_REVIEW_FEN,
    },
  })
}

type Contract = NonNullable<Awaited<ReturnType<Tx['contract']['findUnique']>>>

/**
 * Runs a party's step in one transaction under the contract's row lock; anyone but a party of
 * the contract finds nothing.
 */
function asParty(
  user: SessionUser,
  contractId: string,
  step: (tx: Tx, contract: Contract, side: ContractSide) => Promise<AmendmentOutcome>,
): Promise<AmendmentOutcome> {
  return prisma.$transaction(async (tx) => {
    await lockContract(tx, contractId)
    const contract = await tx.contract.findUnique({ where: { id: contractId } })
    const side = contract && sideOf(user, contract)
    if (!contract || !side)
      return { ok: false, notFound: true, field: 'statusChange', error: 'errors.contract.stepNotAllowed' }
    return step(tx, contract, side)
  })
}

/** Audits a party's step and tells the other party. */
async function recordPartyStep(
  tx: Tx,
  user: SessionUser,
  contract: Contract,
  side: ContractSide,
  step: { action: string; data: Prisma.InputJsonObject; notify?: string },
) {
  await recordAudit(tx, {
    actorId: user.id,
    actorOrgId: side === 'BUYER' ? contract.buyerOrgId : contract.sellerOrgId,
    action: step.action,
    entityType: 'Contract',
    entityId: contract.id,
    data: step.data,
  })
  const other = side === 'BUYER' ? contract.sellerOrgId : contract.buyerOrgId
  if (other && step.notify) {
    await notifyOrganization(tx, other, step.notify, { project: contract.projectName }, `/contracts/${contract.id}`)
  }
}

const confirmedBy = (side: ContractSide, userId: string, at: Date) =>
  side === 'BUYER'
    ? { buyerConfirmedById: userId, buyerConfirmedAt: at }
    : { sellerConfirmedById: userId, sellerConfirmedAt: at }

/** A party proposes new figures for its registered contract. */
export async function proposeAmendment(
  user: SessionUser,
  contractId: string,
  figures: AmendedFigures,
): Promise<AmendmentOutcome> {
  if (figures.techAmountYuan > figures.amountYuan) return refuse('errors.contract.techAboveAmount', 'techAmountYuan')
  return asParty(user, contractId, async (tx, contract, side) => {
    if (!COUNTED.includes(contract.status) || !confirmationState(contract).bothOnPlatform) {
      return refuse('errors.contract.stepNotAllowed')
    }
    if (await tx.contractAmendment.findFirst({ where: { contractId, status: 'PROPOSED' }, select: { id: true } })) {
      return refuse('errors.contract.amendmentOpen')
    }
    const amendment = await tx.contractAmendment.create({
      data: {
        contractId,
        baseVersion: contract.version,
        amountFen: figures.amountYuan,
        techAmountFen: figures.techAmountYuan,
        reason: figures.reason,
        proposedSide: side,
        proposedById: user.id,
        ...confirmedBy(side, user.id, new Date()),
      },
    })
    await recordPartyStep(tx, user, contract, side, {
      action: 'contract.amendment.propose',
      data: {
        amendmentId: amendment.id,
        amountFen: String(figures.amountYuan),
        techAmountFen: String(figures.techAmountYuan),
      },
      notify: 'amendmentProposed',
    })
    return { ok: true }
  })
}

/** The other party confirms the open amendment; once both did, the bureau is asked to register it. */
export async function confirmAmendment(
  user: SessionUser,
  contractId: string,
  amendmentId: string,
): Promise<AmendmentOutcome> {
  return asParty(user, contractId, async (tx, contract, side) => {
    const amendment = await tx.contractAmendment.findFirst({
      where: { id: amendmentId, contractId, status: 'PROPOSED' },
    })
    if (!amendment || amendment.baseVersion !== contract.version) return refuse('errors.contract.amendmentGone')
    if (amendmentState(amendment)[side === 'BUYER' ? 'buyer' : 'seller']) return { ok: true }
    await tx.contractAmendment.update({ where: { id: amendment.id }, data: confirmedBy(side, user.id, new Date()) })
    await recordPartyStep(tx, user, contract, side, {
      action: 'contract.amendment.confirm',
      data: { amendmentId: amendment.id, side },
    })
    await notifyBureau(
      tx,
      'amendmentAwaitingRegistration',
      { project: contract.projectName },
      `/contracts/${contractId}`,
    )
    return { ok: true }
  })
}

/** Either party withdraws the open amendment (the proposer takes it back, the other declines it). */
export async function withdrawAmendment(
  user: SessionUser,
  contractId: string,
  amendmentId: string,
): Promise<AmendmentOutcome> {
  return asParty(user, contractId, async (tx, contract, side) => {
    const closed = await tx.contractAmendment.updateMany({
      where: { id: amendmentId, contractId, status: 'PROPOSED' },
      data: { status: 'WITHDRAWN', closedById: user.id, closedAt: new Date() },
    })
    if (closed.count === 0) return refuse('errors.contract.amendmentGone')
    await recordPartyStep(tx, user, contract, side, {
      action: 'contract.amendment.withdraw',
      data: { amendmentId, side },
      notify: 'amendmentWithdrawn',
    })
    return { ok: true }
  })
}

/**
 * Bureau staff register an amendment both parties confirmed, on the version it was proposed
 * against. The caller has checked the user is bureau staff.
 */
export async function registerAmendment(
  user: SessionUser,
  actorOrgId: string | null,
  contractId: string,
  amendmentId: string,
): Promise<AmendmentOutcome> {
  return prisma.$transaction(async (tx) => {
    await lockContract(tx, contractId)
    const contract = await tx.contract.findUnique({ where: { id: contractId } })
    if (!contract) return { ok: false, notFound: true, field: 'statusChange', error: 'errors.contract.stepNotAllowed' }
    const amendment = await tx.contractAmendment.findFirst({
      where: { id: amendmentId, contractId, status: 'PROPOSED' },
    })
    if (!amendment || amendment.baseVersion !== contract.version || !COUNTED.includes(contract.status)) {
      return refuse('errors.contract.amendmentGone')
    }
    if (!amendmentState(amendment).complete) return refuse('errors.contract.amendmentUnconfirmed')
    await applyAmendedFigures(tx, contract, {
      amountYuan: amendment.amountFen,
      techAmountYuan: amendment.techAmountFen,
      reason: amendment.reason,
    })
    await tx.contractAmendment.update({
      where: { id: amendment.id },
      data: { status: 'REGISTERED', closedById: user.id, closedAt: new Date() },
    })
    await recordAudit(tx, {
      actorId: user.id,
      actorOrgId,
      action: 'contract.amend',
      entityType: 'Contract',
      entityId: contractId,
      data: { from: contract.status, to: 'AMENDED', amendmentId: amendment.id, reason: amendment.reason },
    })
    for (const org of new Set([contract.buyerOrgId, contract.sellerOrgId])) {
      if (org) {
        await notifyOrganization(
          tx,
          org,
          'contractAmended',
          { project: contract.projectName },
          `/contracts/${contractId}`,
        )
      }
    }
    await emitWebhookEvent(tx, [contract.buyerOrgId, contract.sellerOrgId], 'contract.status_changed', {
      contractId,
      from: contract.status,
      to: 'AMENDED',
      registrationNumber: contract.registrationNumber,
    })
    return { ok: true }
  })
}
