import type Stripe from 'stripe'
import { settleConsultation } from './consultations.server'
import { notifyOrganization } from './notifications.server'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'
import type { PaymentStatus } from '~/generated/prisma/enums'
import { stripe, stripeEnabled } from '~/payments/stripe.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'
import { partyOrgIds } from '~/utils/permissions.server'

/**
 * Milestone payments. The seller asks for a milestone's payment; the buyer pays through Stripe
 * Checkout (or, offline, by bank transfer that the seller confirms). A payment's state is derived
 * from facts that only ever move forward (paid, refunded amount, dispute), so webhooks replayed
 * or arriving out of order end in the same place; a milestone's state is recomputed from its
 * payments the same way.
 */
type Tx = Prisma.TransactionClient

/**
 * Row locks for read-modify-write on money: a payment or a milestone is locked, then read again,
 * so two webhooks or two clicks at once apply one after the other to fresh figures.
 */
async function lockPayment(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Payment" WHERE id = ${id} FOR UPDATE`
}
export async function lockMilestone(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Milestone" WHERE id = ${id} FOR UPDATE`
}
const orgIds = partyOrgIds
const isAdmin = (user: SessionUser) => user.memberships.some((m) => m.role === 'PLATFORM_ADMIN')
const PAYABLE = ['SIGNED', 'SUBMITTED', 'REGISTERED', 'AMENDED']

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

export async function recomputeMilestone(tx: Tx, milestoneId: string) {
  await lockMilestone(tx, milestoneId)
  const milestone = await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId }, include: { payments: true } })
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
}

export async function milestoneFor(user: SessionUser, milestoneId: string) {
  const milestone = await prisma.milestone.findUnique({
    where: { id: milestoneId },
    include: { contract: true, payments: true },
  })
  if (!milestone) return null
  const mine = orgIds(user)
  return {
    milestone,
    seller: milestone.contract.sellerOrgId !== null && mine.includes(milestone.contract.sellerOrgId),
    buyer: milestone.contract.buyerOrgId !== null && mine.includes(milestone.contract.buyerOrgId),
    admin: isAdmin(user),
  }
}

export type Outcome = { ok: true; url?: string } | { ok: false; error: string; notFound?: boolean }

/** The seller asks for a milestone of a signed contract to be paid; the buyer is told. */
export async function requestMilestonePayment(user: SessionUser, milestoneId: string): Promise<Outcome> {
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

/**
 * The buyer pays a requested milestone through Stripe Checkout: a payment row first, then the
 * session (our IDs in its metadata, the payment's ID as idempotency key). Nothing is marked paid
 * here; only Stripe's webhook does that.
 */
/** Checkout sessions live 24 hours at Stripe; within 23 an open one is handed out again. */
const CHECKOUT_REUSE_MS = 23 * 3600_000

export async function startMilestoneCheckout(
  user: SessionUser,
  milestoneId: string,
  baseUrl: string,
): Promise<Outcome> {
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
export async function refundPayment(user: SessionUser, paymentId: string, amountFen: bigint): Promise<Outcome> {
  const payment = await prisma.payment.findUnique({ where: { id: paymentId }, include: { contract: true } })
  if (!payment?.contract) return { ok: false, error: 'notFound', notFound: true }
  const seller = payment.contract.sellerOrgId !== null && orgIds(user).includes(payment.contract.sellerOrgId)
  if (!seller && !isAdmin(user)) return { ok: false, error: 'notFound', notFound: true }
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
  return prisma.$transaction(async (tx): Promise<Outcome> => {
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

// ---------- webhooks ----------

type Applied = 'applied' | 'ignored' | 'unmatched'

const intentIdOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null)

/** The payment an event is about, locked for the rest of the transaction and read after the lock. */
async function paymentFor(
  tx: Tx,
  ids: { paymentId?: string | null; intentId?: string | null; sessionId?: string | null },
) {
  const select = { id: true } as const
  const found =
    (ids.paymentId ? await tx.payment.findUnique({ where: { id: ids.paymentId }, select }) : null) ??
    (ids.intentId ? await tx.payment.findUnique({ where: { stripePaymentIntentId: ids.intentId }, select }) : null) ??
    (ids.sessionId ? await tx.payment.findUnique({ where: { stripeCheckoutSessionId: ids.sessionId }, select }) : null)
  if (!found) return null
  await lockPayment(tx, found.id)
  return tx.payment.findUnique({ where: { id: found.id } })
}

/** Marks a payment paid (once), after checking Stripe's amount and currency against ours. */
async function markPaid(
  tx: Tx,
  payment: { id: string; amountFen: bigint; paidAt: Date | null },
  amount: number,
  currency: string,
  intentId: string | null,
  at: Date,
) {
  if (BigInt(amount) !== payment.amountFen || currency.toLowerCase() !== 'cny') return 'unmatched' as const
  await tx.payment.update({
    where: { id: payment.id },
    data: { paidAt: payment.paidAt ?? at, ...(intentId ? { stripePaymentIntentId: intentId } : {}) },
  })
  return 'applied' as const
}

async function applyEvent(tx: Tx, event: Stripe.Event): Promise<{ result: Applied; paymentId?: string }> {
  const at = new Date(event.created * 1000)
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object
      const payment = await paymentFor(tx, { paymentId: session.metadata?.paymentId, sessionId: session.id })
      if (!payment) return { result: 'unmatched' }
      const intentId = intentIdOf(session.payment_intent)
      if (session.payment_status !== 'paid') {
        if (intentId) await tx.payment.update({ where: { id: payment.id }, data: { stripePaymentIntentId: intentId } })
        return { result: 'applied', paymentId: payment.id }
      }
      return {
        result: await markPaid(tx, payment, session.amount_total ?? 0, session.currency ?? '', intentId, at),
        paymentId: payment.id,
      }
    }
    case 'checkout.session.expired': {
      const session = event.data.object
      const payment = await paymentFor(tx, { paymentId: session.metadata?.paymentId, sessionId: session.id })
      if (!payment) return { result: 'unmatched' }
      if (!payment.paidAt)
        await tx.payment.update({ where: { id: payment.id }, data: { canceledAt: payment.canceledAt ?? at } })
      return { result: 'applied', paymentId: payment.id }
    }
    case 'payment_intent.succeeded': {
      const intent = event.data.object
      const payment = await paymentFor(tx, { paymentId: intent.metadata?.paymentId, intentId: intent.id })
      if (!payment) return { result: 'unmatched' }
      return {
        result: await markPaid(tx, payment, intent.amount_received, intent.currency, intent.id, at),
        paymentId: payment.id,
      }
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object
      const payment = await paymentFor(tx, { paymentId: intent.metadata?.paymentId, intentId: intent.id })
      if (!payment) return { result: 'unmatched' }
      await tx.payment.update({
        where: { id: payment.id },
        data: {
          failedAt: payment.failedAt ?? at,
          failureMessage: intent.last_payment_error?.message?.slice(0, 500) ?? payment.failureMessage,
          stripePaymentIntentId: intent.id,
        },
      })
      return { result: 'applied', paymentId: payment.id }
    }
    case 'charge.refunded': {
      const charge = event.data.object
      const payment = await paymentFor(tx, {
        intentId: intentIdOf(charge.payment_intent),
        paymentId: charge.metadata?.paymentId,
      })
      if (!payment) return { result: 'unmatched' }
      // amount_refunded is cumulative: the largest seen wins, whatever the order.
      const refunded = BigInt(charge.amount_refunded)
      if (refunded > payment.refundedFen)
        await tx.payment.update({ where: { id: payment.id }, data: { refundedFen: refunded } })
      return { result: 'applied', paymentId: payment.id }
    }
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed': {
      const dispute = event.data.object
      const payment = await paymentFor(tx, { intentId: intentIdOf(dispute.payment_intent) })
      if (!payment) return { result: 'unmatched' }
      // A closed dispute is final; later updates of an open one do not reopen it.
      if (payment.disputeStatus === 'won' || payment.disputeStatus === 'lost')
        return { result: 'applied', paymentId: payment.id }
      await tx.payment.update({
        where: { id: payment.id },
        data: {
          disputeStatus: dispute.status,
          ...(dispute.status === 'lost' ? { refundedFen: payment.amountFen } : {}),
        },
      })
      return { result: 'applied', paymentId: payment.id }
    }
    default:
      return { result: 'ignored' }
  }
}

/**
 * One verified event: stored once by its ID, processed once, under a row lock so concurrent
 * deliveries of the same event wait for each other. An event for a payment we cannot find yet
 * (it arrived before the one that tells us the payment intent) stays unmatched and is retried
 * when that payment learns its intent.
 */
export async function processStripeEvent(db: PrismaClient, event: Stripe.Event): Promise<Applied | 'duplicate'> {
  await db.stripeEvent.createMany({
    data: [{ id: event.id, type: event.type, payload: event as unknown as Prisma.InputJsonValue }],
    skipDuplicates: true,
  })
  const outcome = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ processedAt: Date | null }>>`
      SELECT "processedAt" FROM "StripeEvent" WHERE "id" = ${event.id} FOR UPDATE`
    if (row?.processedAt) return { result: 'duplicate' as const }
    const applied = await applyEvent(tx, event)
    if (applied.result === 'applied' && applied.paymentId) await settle(tx, applied.paymentId)
    await tx.stripeEvent.update({
      where: { id: event.id },
      data: applied.result === 'unmatched' ? { error: 'unmatched' } : { processedAt: new Date(), error: null },
    })
    return applied
  })
  if (outcome.result === 'applied' && outcome.paymentId) await retryUnmatched(db, outcome.paymentId)
  return outcome.result
}

/** Events that found no payment earlier, tried again once the payment is known by its intent. */
async function retryUnmatched(db: PrismaClient, paymentId: string) {
  const payment = await db.payment.findUnique({ where: { id: paymentId }, select: { stripePaymentIntentId: true } })
  if (!payment?.stripePaymentIntentId) return
  const waiting = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "StripeEvent"
    WHERE "processedAt" IS NULL AND "error" = 'unmatched'
      AND "payload"->'data'->'object'->>'payment_intent' = ${payment.stripePaymentIntentId}
    ORDER BY "receivedAt"`
  for (const { id } of waiting) {
    const row = await db.stripeEvent.findUniqueOrThrow({ where: { id } })
    await processStripeEvent(db, row.payload as unknown as Stripe.Event)
  }
}

// ---------- reconciliation ----------

/**
 * Payments by state, received against contracted per contract, and (for bureau staff) whatever
 * Stripe reported that matches no record. Sellers see the contracts they sell; bureau all.
 */
export async function reconciliation(user: SessionUser) {
  const bureau = user.memberships.some((m) => m.role === 'BUREAU_STAFF' || m.role === 'PLATFORM_ADMIN')
  const mine = orgIds(user)
  const contractWhere: Prisma.ContractWhereInput = bureau
    ? { payments: { some: {} } }
    : { payments: { some: {} }, OR: [{ sellerOrgId: { in: mine } }, { buyerOrgId: { in: mine } }] }
  const [byStatus, contracts, unmatched] = await Promise.all([
    prisma.payment.groupBy({
      by: ['status'],
      where: { contract: contractWhere },
      _count: { _all: true },
      _sum: { amountFen: true, refundedFen: true },
    }),
    prisma.contract.findMany({
      where: contractWhere,
      select: {
        id: true,
        projectName: true,
        sellerName: true,
        buyerName: true,
        amountFen: true,
        payments: { select: { amountFen: true, refundedFen: true, paidAt: true, status: true } },
      },
      orderBy: { updatedAt: 'desc' },
      take: 200,
    }),
    bureau
      ? prisma.stripeEvent.findMany({
          where: { error: 'unmatched', processedAt: null },
          orderBy: { receivedAt: 'desc' },
          take: 100,
          select: { id: true, type: true, receivedAt: true },
        })
      : Promise.resolve([]),
  ])
  return {
    bureau,
    byStatus: byStatus.map((r) => ({
      status: r.status,
      count: r._count._all,
      amountFen: r._sum.amountFen ?? 0n,
      refundedFen: r._sum.refundedFen ?? 0n,
    })),
    contracts: contracts.map((c) => {
      const received = c.payments
        .filter((p) => p.paidAt)
        .reduce((s, p) => s + p.amountFen - (p.refundedFen > p.amountFen ? p.amountFen : p.refundedFen), 0n)
      return {
        id: c.id,
        projectName: c.projectName,
        parties: `${c.sellerName} → ${c.buyerName}`,
        contractedFen: c.amountFen,
        receivedFen: received,
        outstandingFen: c.amountFen - received,
      }
    }),
    unmatched,
  }
}
