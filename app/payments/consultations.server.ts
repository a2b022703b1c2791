import { notifyExpert, notifyOrganization } from '~/models/notifications.server'
import { businessOrganizationIds } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'
import { buyerColumns, sellerColumns } from '~/data/contract-parties'
import type { Prisma } from '~/generated/prisma/client'
import { stripe, stripeEnabled } from './stripe.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { beijingTodayAsDate, BEIJING_OFFSET_MS } from '~/utils/time'
import { PUBLIC_OWNER } from '~/models/verification-states'
import type { Outcome } from '~/utils/outcome'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'

/**
 * Paid consultations: an enterprise books an hour of an expert who offers them (price and length
 * on the expert's profile; slots are the expert's working hours, 09:00–18:00 Beijing time, not
 * overlapping other bookings). Paying confirms it and records a 技术咨询 contract between the
 * enterprise and the expert's institution, submitted for registration: it is in the dashboard's
 * pipeline at once and in 成交额 once the bureau registers it.
 */
type Tx = Prisma.TransactionClient
/** An unpaid booking holds its slot this long. */
const HOLD_MS = 30 * 60_000

export function consultableExpert(id: string) {
  return prisma.expert.findFirst({
    where: {
      id,
      status: 'PUBLISHED',
      ...PUBLIC_OWNER,
      available: true,
      consultationFeeFen: { not: null },
      consultationMinutes: { not: null },
    },
    include: { organization: true },
  })
}

/** Whether [start, start + minutes) lies in the expert's working hours, on a weekday. */
export function withinWorkingHours(start: Date, minutes: number) {
  const local = new Date(start.getTime() + BEIJING_OFFSET_MS)
  const day = local.getUTCDay()
  const from = local.getUTCHours() * 60 + local.getUTCMinutes()
  return day >= 1 && day <= 5 && from >= 9 * 60 && from + minutes <= 18 * 60
}

type BookingOutcome = Outcome<{ id: string; url?: string }>

export async function bookConsultation(
  actor: { userId: string; organizationId: string },
  expertId: string,
  input: { startsAt: Date; topic: string },
  baseUrl: string,
  now = new Date(),
): Promise<BookingOutcome> {
  const expert = await consultableExpert(expertId)
  if (!expert) return { ok: false, error: 'notFound', notFound: true }
  const minutes = expert.consultationMinutes!
  if (input.startsAt.getTime() < now.getTime() + 3600_000) return { ok: false, error: 'errors.consultation.tooSoon' }
  if (input.startsAt.getTime() > now.getTime() + 90 * 86_400_000)
    return { ok: false, error: 'errors.consultation.tooFar' }
  if (!withinWorkingHours(input.startsAt, minutes)) return { ok: false, error: 'errors.consultation.hours' }
  const end = new Date(input.startsAt.getTime() + minutes * 60_000)
  const booked = await prisma.$transaction(async (tx) => {
    // One booking at a time per expert, so two enterprises cannot take the same slot.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`consultation:${expert.id}`}))`
    const clash = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Consultation"
      WHERE "expertId" = ${expert.id}
        AND ("status" = 'CONFIRMED' OR ("status" = 'PENDING_PAYMENT' AND "createdAt" > ${new Date(now.getTime() - HOLD_MS)}))
        AND "startsAt" < ${end} AND "startsAt" + make_interval(mins => "minutes") > ${input.startsAt}
      LIMIT 1`
    if (clash.length) return null
    const consultation = await tx.consultation.create({
      data: {
        expertId: expert.id,
        enterpriseId: actor.organizationId,
        priceFen: expert.consultationFeeFen!,
        minutes,
        startsAt: input.startsAt,
        topic: input.topic,
      },
    })
    const payment = await tx.payment.create({
      data: {
        consultationId: consultation.id,
        method: stripeEnabled() ? 'STRIPE' : 'BANK_TRANSFER',
        amountFen: consultation.priceFen,
        requestedById: actor.userId,
      },
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'consultation.book',
      entityType: 'Consultation',
      entityId: consultation.id,
    })
    const booked = { expert: expert.name, topic: input.topic }
    await notifyOrganization(tx, expert.organizationId, 'consultationBooked', booked, '/consultations')
    await notifyExpert(tx, expert.id, 'consultationBooked', booked, '/consultations')
    return { consultation, payment }
  })
  if (!booked) return { ok: false, error: 'errors.consultation.taken' }
  if (!stripeEnabled()) return { ok: true, id: booked.consultation.id }
  const metadata = { paymentId: booked.payment.id, consultationId: booked.consultation.id }
  try {
    const session = await stripe().checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: booked.payment.id,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'cny',
              unit_amount: Number(booked.payment.amountFen),
              product_data: { name: `技术咨询 · ${expert.name} · ${minutes} 分钟` },
            },
          },
        ],
        metadata,
        payment_intent_data: { metadata },
        success_url: `${baseUrl}/consultations?payment=returned`,
        cancel_url: `${baseUrl}/consultations?payment=canceled`,
      },
      { idempotencyKey: `checkout:${booked.payment.id}` },
    )
    await prisma.payment.update({ where: { id: booked.payment.id }, data: { stripeCheckoutSessionId: session.id } })
    return { ok: true, id: booked.consultation.id, url: session.url ?? undefined }
  } catch {
    await prisma.$transaction([
      prisma.payment.update({ where: { id: booked.payment.id }, data: { failedAt: new Date(), status: 'FAILED' } }),
      prisma.consultation.update({ where: { id: booked.consultation.id }, data: { status: 'CANCELED' } }),
    ])
    return { ok: false, error: 'errors.payment.stripeUnavailable' }
  }
}

/**
 * Called when a consultation's payment arrives (or is refunded): a paid booking is confirmed and
 * gets its 技术咨询 contract once; a fully refunded one is canceled and its contract terminated.
 */
export async function settleConsultation(tx: Tx, consultationId: string, paid: boolean, refundedInFull: boolean) {
  const c = await tx.consultation.findUniqueOrThrow({
    where: { id: consultationId },
    include: { expert: { include: { organization: true } }, enterprise: true },
  })
  if (refundedInFull) {
    if (c.status !== 'CANCELED') await tx.consultation.update({ where: { id: c.id }, data: { status: 'CANCELED' } })
    if (c.contractId) {
      const before = await tx.contract.findUniqueOrThrow({ where: { id: c.contractId } })
      const { count } = await tx.contract.updateMany({
        where: { id: c.contractId, status: { not: 'TERMINATED' } },
        data: { status: 'TERMINATED', terminatedAt: new Date() },
      })
      if (count) {
        await emitWebhookEvent(tx, [before.buyerOrgId, before.sellerOrgId], 'contract.status_changed', {
          contractId: before.id,
          from: before.status,
          to: 'TERMINATED',
          registrationNumber: before.registrationNumber,
        })
      }
    }
    return
  }
  if (!paid || c.contractId) return
  const seller = c.expert.organization
  const buyer = c.enterprise
  const contract = await tx.contract.create({
    data: {
      type: 'CONSULTING',
      projectName: `技术咨询：${c.topic}`.slice(0, 300),
      // Paid and signed by the booking itself, it goes straight to the bureau's registration queue.
      status: 'SUBMITTED',
      ...buyerColumns(buyer),
      ...sellerColumns(seller),
      amountFen: c.priceFen,
      techAmountFen: c.priceFen,
      signedOn: beijingTodayAsDate(),
      // Its town/street and zone: the contract_attribution trigger, from the parties.
      createdByOrgId: buyer.id,
    },
  })
  await tx.consultation.update({ where: { id: c.id }, data: { status: 'CONFIRMED', contractId: contract.id } })
  // A contract that starts life submitted: the parties' systems hear of it like any other change.
  await emitWebhookEvent(tx, [buyer.id, seller.id], 'contract.status_changed', {
    contractId: contract.id,
    from: null,
    to: contract.status,
    registrationNumber: null,
  })
  await tx.payment.updateMany({ where: { consultationId: c.id }, data: { contractId: contract.id } })
  await notifyOrganization(
    tx,
    seller.id,
    'consultationPaid',
    { expert: c.expert.name, topic: c.topic },
    '/consultations',
  )
  await notifyExpert(tx, c.expertId, 'consultationPaid', { expert: c.expert.name, topic: c.topic }, '/consultations')
}

/** Offline mode: the expert's institution confirms the enterprise's bank transfer. */
export async function confirmConsultationTransfer(
  actor: { userId: string; organizationId: string },
  consultationId: string,
  reference: string,
) {
  const c = await prisma.consultation.findFirst({
    where: { id: consultationId, expert: { organizationId: actor.organizationId }, status: 'PENDING_PAYMENT' },
    include: { payments: true },
  })
  if (!c) return false
  await prisma.$transaction(async (tx) => {
    const payment = c.payments.find((p) => p.method === 'BANK_TRANSFER' && !p.paidAt)
    if (payment) {
      await tx.payment.update({
        where: { id: payment.id },
        data: { paidAt: new Date(), bankReference: reference, status: 'SUCCEEDED' },
      })
    } else {
      await tx.payment.create({
        data: {
          consultationId: c.id,
          method: 'BANK_TRANSFER',
          amountFen: c.priceFen,
          paidAt: new Date(),
          bankReference: reference,
          status: 'SUCCEEDED',
        },
      })
    }
    await settleConsultation(tx, c.id, true, false)
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'consultation.bankTransfer',
      entityType: 'Consultation',
      entityId: c.id,
      data: { reference },
    })
  })
  return true
}

/** An enterprise's bookings, an institution's experts' (for its office), an expert's own. */
export function listConsultations(user: Pick<SessionUser, 'id' | 'memberships'>) {
  const orgs = businessOrganizationIds(user)
  return prisma.consultation.findMany({
    where: {
      OR: [
        { enterpriseId: { in: orgs } },
        { expert: { organizationId: { in: orgs } } },
        { expert: { userId: user.id } },
      ],
    },
    include: { expert: { select: { name: true, organizationId: true } }, enterprise: { select: { name: true } } },
    orderBy: { startsAt: 'desc' },
    take: 100,
  })
}
