import type Stripe from 'stripe'
import { lockPayment, settle, type Tx } from './ledger.server'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'

/** Stripe's webhook events applied to our payments: once per event, under a row lock. */
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

/** The webhook route's entry: a verified event, processed against the app's database. */
export const receiveStripeEvent = (event: Stripe.Event) => processStripeEvent(prisma, event)

/** Events that found no payment earlier, tried again once the payment is known by its intent. */
async function retryUnmatched(db: PrismaClient, paymentId: string) {
  const payment = await db.payment.findUnique({ where: { id: paymentId }, select: { stripePaymentIntentId: true } })
  if (!payment?.stripePaymentIntentId) return
  const waiting = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "StripeEvent"
    WHERE "processedAt" IS NULL AND "error" = 'unmatched'
      AND (
        "payload"->'data'->'object'->>'payment_intent' = ${payment.stripePaymentIntentId}
        -- A payment intent's own events name it by their object's id.
        OR ("payload"->'data'->'object'->>'object' = 'payment_intent'
            AND "payload"->'data'->'object'->>'id' = ${payment.stripePaymentIntentId})
      )
    ORDER BY "receivedAt"`
  for (const { id } of waiting) {
    const row = await db.stripeEvent.findUniqueOrThrow({ where: { id } })
    await processStripeEvent(db, row.payload as unknown as Stripe.Event)
  }
}
