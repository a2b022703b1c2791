import { afterAll, beforeAll, beforeEach } from 'vitest'
import { action as webhook } from '~/routes/api.stripe.webhook'
import { action as contractAction } from '~/routes/contracts_.$id'
import { prisma } from '~/utils/db.server'
import { reloadEnv } from '~/utils/env.server'
import { cookieHeader, createUser, postForm, validCreditCode } from './factories'
import { WEBHOOK_SECRET, signedEvent, startStripeStandIn } from './stripe-stand-in'

/**
 * Payments switched on against the local Stripe stand-in for the test file: its recorded
 * requests are emptied before each test.
 */
export function useStripeStandIn() {
  let standIn: Awaited<ReturnType<typeof startStripeStandIn>> | undefined
  beforeAll(async () => {
    standIn = await startStripeStandIn()
    process.env.STRIPE_SECRET_KEY = 'sk_test_baodi'
    process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    process.env.STRIPE_API_BASE = standIn.base
    reloadEnv()
  })
  beforeEach(() => {
    standIn!.requests.length = 0
  })
  afterAll(async () => {
    delete process.env.STRIPE_SECRET_KEY
    delete process.env.STRIPE_WEBHOOK_SECRET
    delete process.env.STRIPE_API_BASE
    reloadEnv()
    await standIn?.close()
  })
  return {
    get requests() {
      return standIn!.requests
    },
  }
}

/** A signed contract between a Baodi enterprise (buyer) and a Beijing university (seller), two milestones. */
export async function signedContract() {
  const area = await prisma.area.findFirstOrThrow()
  const buyerOrg = await prisma.organization.create({
    data: {
      kind: 'ENTERPRISE',
      name: '宝坻买方',
      creditCode: validCreditCode(),
      regionCode: '120115',
      areaId: area.id,
    },
  })
  const sellerOrg = await prisma.organization.create({
    data: { kind: 'UNIVERSITY', name: '北京卖方大学', creditCode: validCreditCode('110108'), regionCode: '110108' },
  })
  const c = await prisma.contract.create({
    data: {
      type: 'DEVELOPMENT_COMMISSIONED',
      projectName: '焊缝检测开发',
      status: 'SIGNED',
      buyerOrgId: buyerOrg.id,
      buyerName: buyerOrg.name,
      buyerRegionCode: '120115',
      buyerEntityType: 'ENTERPRISE',
      sellerOrgId: sellerOrg.id,
      sellerName: sellerOrg.name,
      sellerRegionCode: '110108',
      sellerEntityType: 'UNIVERSITY',
      amountFen: 100_000_01n,
      techAmountFen: 100_000_01n,
      signedOn: new Date('2026-03-01'),
      areaId: area.id,
      createdByOrgId: buyerOrg.id,
      milestones: {
        create: [
          { seq: 1, title: '首付款', amountFen: 30_000_01n },
          { seq: 2, title: '验收款', amountFen: 70_000_00n },
        ],
      },
    },
    include: { milestones: { orderBy: { seq: 'asc' } } },
  })
  return {
    c,
    first: c.milestones[0],
    buyer: await cookieHeader((await createUser(buyerOrg.id, 'ENTERPRISE_ADMIN')).id),
    seller: await cookieHeader((await createUser(sellerOrg.id, 'TTO_ADMIN')).id),
  }
}

export const act = (id: string, cookie: string, fields: Record<string, string>) =>
  postForm(contractAction, `/contracts/${id}`, { ...fields }, cookie, id)

export async function deliver(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; secret?: string } = {},
) {
  const { payload, signature, event } = signedEvent(type, object, options)
  const response = (await webhook({
    request: new Request('http://test.local/api/stripe/webhook', {
      method: 'POST',
      body: payload,
      headers: { 'stripe-signature': signature, 'Content-Type': 'application/json' },
    }),
    params: {},
    context: {},
  })) as Response
  return { response, event }
}

/** Requests the first milestone and starts Checkout: the payment row and what Stripe was sent. */
export async function checkout() {
  const p = await signedContract()
  await act(p.c.id, p.seller, { intent: 'request', milestoneId: p.first.id })
  const redirect = (await act(p.c.id, p.buyer, { intent: 'checkout', milestoneId: p.first.id })) as Response
  const payment = await prisma.payment.findFirstOrThrow({ where: { milestoneId: p.first.id } })
  return { ...p, redirect, payment }
}

export const session = (
  paymentId: string,
  amount: number,
  intent = 'pi_test_1',
  extra: Record<string, unknown> = {},
) => ({
  id: 'cs_test_x',
  object: 'checkout.session',
  payment_status: 'paid',
  amount_total: amount,
  currency: 'cny',
  payment_intent: intent,
  metadata: { paymentId },
  ...extra,
})
export const intent = (paymentId: string, amount: number, id = 'pi_test_1') => ({
  id,
  object: 'payment_intent',
  amount_received: amount,
  currency: 'cny',
  metadata: { paymentId },
})
export const milestone = (id: string) => prisma.milestone.findUniqueOrThrow({ where: { id } })
