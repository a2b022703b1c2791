import { settleConsultation } from './consultations.server'
import { notifyOrganization } from '~/models/notifications.server'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'
import { yuanText } from '~/utils/format'
import type { Prisma } from '~/generated/prisma/client'
import type { PaymentStatus } from '~/generated/prisma/enums'

/**
 * Milestone payments. The seller asks for a milestone's payment; the buyer pays through Stripe
 * Checkout (or, offline, by bank transfer that the seller confirms). A payment's state is derived
 * from facts that only ever move forward (paid, refunded amount, dispute), so webhooks replayed
 * or arriving out of order end in the same place; a milestone's state is recomputed from its
 * payments the same way.
 */
export type Tx = Prisma.TransactionClient

/**
 * Row locks for read-modify-write on money: a payment or a milestone is locked, then read again,
 * so two webhooks or two clicks at once apply one after the other to fresh figures.
 */
export async function lockPayment(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Payment" WHERE id = ${id} FOR UPDATE`
}
export async function lockMilestone(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Milestone" WHERE id = ${id} FOR UPDATE`
}

export function derivePaymentStatus(p: {
  amountFen: bigint
  refundedFen: bigint
  paidAt: Date | null
  failedAt: Date | null
  canceledAt: Date | null
  disputeStatus: string | null
}): PaymentStatus {
  if (p.disputeStatus && p.disputeStatus !== 'won' && p.disputeStatus !== 'lost') return 'DISPUTED'
  if (p.paidAt) {
    if (p.refundedFen >= p.amountFen) return 'REFUNDED'
    return p.refundedFen > 0n ? 'PARTIALLY_REFUNDED' : 'SUCCEEDED'
  }
  if (p.canceledAt) return 'CANCELED'
  return p.failedAt ? 'FAILED' : 'PENDING'
}

/** Brings a payment's status and its milestone in line with the facts stored. */
export async function settle(tx: Tx, paymentId: string) {
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { contract: true } })
  const status = derivePaymentStatus(payment)
  await tx.payment.update({ where: { id: paymentId }, data: { status } })
  if (payment.milestoneId) await recomputeMilestone(tx, payment.milestoneId)
  if (payment.consultationId) {
    await settleConsultation(tx, payment.consultationId, Boolean(payment.paidAt), status === 'REFUNDED')
  }
  if (status === 'SUCCEEDED' && payment.status !== 'SUCCEEDED' && payment.contract) {
    await emitWebhookEvent(tx, [payment.contract.buyerOrgId, payment.contract.sellerOrgId], 'payment.received', {
      paymentId: payment.id,
      contractId: payment.contract.id,
      milestoneId: payment.milestoneId,
      method: payment.method,
      amountYuan: yuanText(payment.amountFen),
    })
  }
  // Both parties hear once when money arrives or leaves.
  if (
    status !== payment.status &&
    payment.contract &&
    ['SUCCEEDED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'DISPUTED'].includes(status)
  ) {
    for (const org of new Set([payment.contract.sellerOrgId, payment.contract.buyerOrgId])) {
      if (!org) continue
      await notifyOrganization(
        tx,
        org,
        `payment${status === 'SUCCEEDED' ? 'Received' : status === 'DISPUTED' ? 'Disputed' : 'Refunded'}`,
        { project: payment.contract.projectName },
        `/contracts/${payment.contract.id}`,
      )
    }
  }
}

/** What a milestone received beyond its amount, net of refunds: an overpayment to refund. */
export const overpaidFen = (m: { amountFen: bigint; paidFen: bigint; refundedFen: bigint }) => {
  const excess = m.paidFen - m.refundedFen - m.amountFen
  return excess > 0n ? excess : 0n
}

/**
 * A milestone's figures and state from its payments. Money that arrives for a milestone already
 * paid (a Checkout completed after the seller confirmed a bank transfer) is counted as received,
 * never refused: the milestone shows the overpayment and the seller is asked to refund it.
 */
export async function recomputeMilestone(tx: Tx, milestoneId: string) {
  await lockMilestone(tx, milestoneId)
  const milestone = await tx.milestone.findUniqueOrThrow({
    where: { id: milestoneId },
    include: { payments: true, contract: { select: { id: true, projectName: true, sellerOrgId: true } } },
  })
  const paid = milestone.payments.filter((p) => p.paidAt)
  const paidFen = paid.reduce((s, p) => s + p.amountFen, 0n)
  const refundedFen = paid.reduce((s, p) => s + (p.refundedFen > p.amountFen ? p.amountFen : p.refundedFen), 0n)
  const net = paidFen - refundedFen
  const status =
    net >= milestone.amountFen
      ? ('PAID' as const)
      : paidFen > 0n && net === 0n
        ? ('REFUNDED' as const)
        : milestone.requestedAt
          ? ('PAYMENT_REQUESTED' as const)
          : ('PENDING' as const)
  const paidAt = status === 'PAID' ? (milestone.paidAt ?? new Date()) : null
  await tx.milestone.update({ where: { id: milestoneId }, data: { paidFen, refundedFen, status, paidAt } })
  const excess = overpaidFen({ amountFen: milestone.amountFen, paidFen, refundedFen })
  if (excess > overpaidFen(milestone) && milestone.contract.sellerOrgId) {
    await notifyOrganization(
      tx,
      milestone.contract.sellerOrgId,
      'paymentOverpaid',
      { project: milestone.contract.projectName, milestone: milestone.title, amount: yuanText(excess) },
      `/contracts/${milestone.contract.id}`,
    )
  }
}
