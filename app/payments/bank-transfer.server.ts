import { lockMilestone, settle } from './ledger.server'
import { milestoneFor, type PaymentOutcome } from './milestones.server'
import { notifyOrganization } from '~/models/notifications.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'

/**
 * Offline payment of a milestone (对公转账): the buyer reads the seller's account on the contract
 * page and says it has sent the money (已汇款, with the bank reference and the date on the slip);
 * the seller confirms the money arrived (已到账). Both times are kept on the payment. Each step is
 * idempotent under the milestone's lock: a double submit records nothing twice.
 */

/** The buyer's 已汇款: one open remittance per milestone, the amount still due. */
export async function recordRemittance(
  user: SessionUser,
  milestoneId: string,
  input: { reference: string; remittedOn: Date },
): Promise<PaymentOutcome> {
  const found = await milestoneFor(user, milestoneId)
  if (!found || !(found.seller || found.buyer)) return { ok: false, error: 'notFound', notFound: true }
  const { milestone } = found
  if (!found.buyer) return { ok: false, error: 'errors.payment.buyerOnly' }
  return prisma.$transaction(async (tx): Promise<PaymentOutcome> => {
    await lockMilestone(tx, milestone.id)
    const current = await tx.milestone.findUniqueOrThrow({
      where: { id: milestone.id },
      select: { status: true, amountFen: true, paidFen: true, refundedFen: true },
    })
    if (current.status !== 'PAYMENT_REQUESTED') return { ok: false, error: 'errors.payment.notRequested' }
    const open = await tx.payment.findFirst({
      where: { milestoneId: milestone.id, method: 'BANK_TRANSFER', paidAt: null, status: 'PENDING' },
      select: { id: true },
    })
    if (open) return { ok: true }
    const due = current.amountFen - (current.paidFen - current.refundedFen)
    const payment = await tx.payment.create({
      data: {
        contractId: milestone.contractId,
        milestoneId: milestone.id,
        method: 'BANK_TRANSFER',
        amountFen: due,
        bankReference: input.reference,
        remittedAt: new Date(),
        remittedOn: input.remittedOn,
        remittedById: user.id,
      },
    })
    await recordAudit(tx, {
      actorId: user.id,
      actorOrgId: milestone.contract.buyerOrgId,
      action: 'payment.remitted',
      entityType: 'Payment',
      entityId: payment.id,
      data: { reference: input.reference, amountFen: due.toString() },
    })
    if (milestone.contract.sellerOrgId) {
      await notifyOrganization(
        tx,
        milestone.contract.sellerOrgId,
        'paymentRemitted',
        { project: milestone.contract.projectName, milestone: milestone.title },
        `/contracts/${milestone.contractId}`,
      )
    }
    return { ok: true }
  })
}

/**
 * The seller's 已到账: settles the buyer's open remittance, or records a transfer the buyer did not
 * announce (with the reference the seller reads on its statement).
 */
export async function confirmBankTransfer(
  user: SessionUser,
  milestoneId: string,
  reference: string,
): Promise<PaymentOutcome> {
  const found = await milestoneFor(user, milestoneId)
  if (!found || !(found.seller || found.buyer)) return { ok: false, error: 'notFound', notFound: true }
  const { milestone } = found
  if (!found.seller) return { ok: false, error: 'errors.payment.sellerOnly' }
  return prisma.$transaction(async (tx): Promise<PaymentOutcome> => {
    // A double click or two staff at once: the second finds the milestone paid and changes nothing.
    await lockMilestone(tx, milestone.id)
    const current = await tx.milestone.findUniqueOrThrow({
      where: { id: milestone.id },
      select: { status: true, amountFen: true, paidFen: true, refundedFen: true },
    })
    if (current.status !== 'PAYMENT_REQUESTED') {
      const confirmed = await tx.payment.count({
        where: { milestoneId: milestone.id, method: 'BANK_TRANSFER', paidAt: { not: null } },
      })
      return confirmed ? { ok: true } : { ok: false, error: 'errors.payment.notRequested' }
    }
    const remitted = await tx.payment.findFirst({
      where: { milestoneId: milestone.id, method: 'BANK_TRANSFER', paidAt: null, status: 'PENDING' },
      select: { id: true, bankReference: true },
    })
    const due = current.amountFen - (current.paidFen - current.refundedFen)
    const payment = remitted
      ? await tx.payment.update({
          where: { id: remitted.id },
          data: { paidAt: new Date(), bankReference: reference || remitted.bankReference, requestedById: user.id },
        })
      : await tx.payment.create({
          data: {
            contractId: milestone.contractId,
            milestoneId: milestone.id,
            method: 'BANK_TRANSFER',
            amountFen: due,
            bankReference: reference,
            paidAt: new Date(),
            requestedById: user.id,
          },
        })
    await settle(tx, payment.id)
    await recordAudit(tx, {
      actorId: user.id,
      actorOrgId: milestone.contract.sellerOrgId,
      action: 'payment.bankTransfer',
      entityType: 'Payment',
      entityId: payment.id,
      data: { reference: payment.bankReference, amountFen: payment.amountFen.toString(), remitted: Boolean(remitted) },
    })
    // settle() tells both parties the money arrived.
    return { ok: true }
  })
}
