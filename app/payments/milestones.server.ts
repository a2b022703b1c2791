import { lockMilestone, lockPayment, recomputeMilestone, settle } from './ledger.server'
import { stripe, stripeEnabled } from './stripe.server'
import { notifyOrganization } from '~/models/notifications.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { isPlatformAdmin, partyOrgIds } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'
import type { Outcome } from '~/utils/outcome'

/** Milestone payment commands: a seller's request, a buyer's Checkout, a seller's refund. */
const PAYABLE = ['SIGNED', 'SUBMITTED', 'REGISTERED', 'AMENDED']

export async function milestoneFor(user: SessionUser, milestoneId: string) {
  const milestone = await prisma.milestone.findUnique({
    where: { id: milestoneId },
    include: { contract: true, payments: true },
  })
  if (!milestone) return null
  const mine = partyOrgIds(user)
  return {
    milestone,
    seller: milestone.contract.sellerOrgId !== null && mine.includes(milestone.contract.sellerOrgId),
    buyer: milestone.contract.buyerOrgId !== null && mine.includes(milestone.contract.buyerOrgId),
    admin: isPlatformAdmin(user),
  }
}

export type PaymentOutcome = Outcome<{ url?: string }>

/** The seller asks for a milestone of a signed contract to be paid; the buyer is told. */
export async function requestMilestonePayment(user: SessionUser, milestoneId: string): Promise<PaymentOutcome> {
  const found = await milestoneFor(user, milestoneId)
  if (!found || !(found.seller || found.buyer)) return { ok: false, error: 'notFound', notFound: true }
  const { milestone } = found
  if (!found.seller) return { ok: false, error: 'errors.payment.sellerOnly' }
  if (!PAYABLE.includes(milestone.contract.status)) return { ok: false, error: 'errors.payment.notSigned' }
  if (milestone.status !== 'PENDING') return { ok: false, error: 'errors.payment.alreadyRequested' }
  await prisma.$transaction(async (tx) => {
    await tx.milestone.update({ where: { id: milestone.id }, data: { requestedAt: new Date() } })
    await recomputeMilestone(tx, milestone.id)
    await recordAudit(tx, {
      actorId: user.id,
      actorOrgId: milestone.contract.sellerOrgId,
      action: 'milestone.request',
      entityType: 'Milestone',
      entityId: milestone.id,
    })
    if (milestone.contract.buyerOrgId) {
      await notifyOrganization(
        tx,
        milestone.contract.buyerOrgId,
        'paymentRequested',
        { project: milestone.contract.projectName, milestone: milestone.title },
        `/contracts/${milestone.contractId}`,
      )
    }
  })
  return { ok: true }
}

/** Checkout sessions live 24 hours at Stripe; within 23 an open one is handed out again. */
const CHECKOUT_REUSE_MS = 23 * 3600_000

/**
 * The buyer pays a requested milestone through Stripe Checkout: a payment row first, then the
 * session (our IDs in its metadata, the payment's ID as idempotency key). Nothing is marked paid
 * here; only Stripe's webhook does that.
 */
export async function startMilestoneCheckout(
  user: SessionUser,
  milestoneId: string,
  baseUrl: string,
): Promise<PaymentOutcome> {
  if (!stripeEnabled()) return { ok: false, error: 'errors.payment.offline' }
  const found = await milestoneFor(user, milestoneId)
  if (!found || !(found.seller || found.buyer)) return { ok: false, error: 'notFound', notFound: true }
  const { milestone } = found
  if (!found.buyer) return { ok: false, error: 'errors.payment.buyerOnly' }
  if (milestone.status !== 'PAYMENT_REQUESTED') return { ok: false, error: 'errors.payment.notRequested' }
  // One open Checkout a milestone: a second click (or a second tab) gets the same payment, and
  // Stripe's idempotency key below gives it the same session, so the buyer cannot pay twice.
  const payment = await prisma.$transaction(async (tx) => {
    await lockMilestone(tx, milestone.id)
    const open = await tx.payment.findFirst({
      where: {
        milestoneId: milestone.id,
        method: 'STRIPE',
        status: 'PENDING',
        failedAt: null,
        createdAt: { gt: new Date(Date.now() - CHECKOUT_REUSE_MS) },
      },
      orderBy: { createdAt: 'desc' },
    })
    if (open) return open
    const current = await tx.milestone.findUniqueOrThrow({ where: { id: milestone.id } })
    return tx.payment.create({
      data: {
        contractId: milestone.contractId,
        milestoneId: milestone.id,
        method: 'STRIPE',
        amountFen: current.amountFen - (current.paidFen - current.refundedFen),
        currency: 'cny',
        requestedById: user.id,
      },
    })
  })
  const due = payment.amountFen
  const metadata = { paymentId: payment.id, milestoneId: milestone.id, contractId: milestone.contractId }
  try {
    const session = await stripe().checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: payment.id,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'cny',
              unit_amount: Number(due),
              product_data: { name: `${milestone.contract.projectName} · ${milestone.title}` },
            },
          },
        ],
        metadata,
        payment_intent_data: { metadata },
        success_url: `${baseUrl}/contracts/${milestone.contractId}?payment=returned`,
        cancel_url: `${baseUrl}/contracts/${milestone.contractId}?payment=canceled`,
      },
      { idempotencyKey: `checkout:${payment.id}` },
    )
    await prisma.payment.update({ where: { id: payment.id }, data: { stripeCheckoutSessionId: session.id } })
    return { ok: true, url: session.url ?? undefined }
  } catch (error) {
    await prisma.$transaction(async (tx) => {
      await tx.payment.update({
        where: { id: payment.id },
        data: { failedAt: new Date(), failureMessage: error instanceof Error ? error.message.slice(0, 500) : 'error' },
      })
      await settle(tx, payment.id)
    })
    return { ok: false, error: 'errors.payment.stripeUnavailable' }
  }
}

/**
 * A refund by the seller or a platform admin. Through Stripe the refund is asked for and the
 * figures move when Stripe's charge.refunded arrives; a bank transfer's refund is recorded at once.
 */
export async function refundPayment(user: SessionUser, paymentId: string, amountFen: bigint): Promise<PaymentOutcome> {
  const payment = await prisma.payment.findUnique({ where: { id: paymentId }, include: { contract: true } })
  if (!payment?.contract) return { ok: false, error: 'notFound', notFound: true }
  const seller = payment.contract.sellerOrgId !== null && partyOrgIds(user).includes(payment.contract.sellerOrgId)
  if (!seller && !isPlatformAdmin(user)) return { ok: false, error: 'notFound', notFound: true }
  if (!payment.paidAt) return { ok: false, error: 'errors.payment.notPaid' }
  if (amountFen <= 0n || payment.refundedFen + amountFen > payment.amountFen) {
    return { ok: false, error: 'errors.payment.refundTooLarge' }
  }
  if (payment.method === 'STRIPE') {
    if (!payment.stripePaymentIntentId) return { ok: false, error: 'errors.payment.notPaid' }
    try {
      await stripe().refunds.create(
        { payment_intent: payment.stripePaymentIntentId, amount: Number(amountFen), metadata: { paymentId } },
        { idempotencyKey: `refund:${paymentId}:${payment.refundedFen + amountFen}` },
      )
    } catch {
      return { ok: false, error: 'errors.payment.stripeUnavailable' }
    }
  }
  return prisma.$transaction(async (tx): Promise<PaymentOutcome> => {
    if (payment.method === 'BANK_TRANSFER') {
      // Checked again under the lock: two refunds at once must not pass the limit together.
      await lockPayment(tx, paymentId)
      const { refundedFen } = await tx.payment.findUniqueOrThrow({
        where: { id: paymentId },
        select: { refundedFen: true },
      })
      if (refundedFen + amountFen > payment.amountFen) return { ok: false, error: 'errors.payment.refundTooLarge' }
      await tx.payment.update({ where: { id: paymentId }, data: { refundedFen: refundedFen + amountFen } })
      await settle(tx, paymentId)
    }
    await recordAudit(tx, {
      actorId: user.id,
      actorOrgId: payment.contract!.sellerOrgId,
      action: 'payment.refund',
      entityType: 'Payment',
      entityId: paymentId,
      data: { amountFen: amountFen.toString(), method: payment.method },
    })
    return { ok: true }
  })
}
