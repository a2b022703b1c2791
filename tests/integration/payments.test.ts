import { describe, expect, it } from 'vitest'
import { loader as contractLoader } from '~/routes/contracts_.$id'
import { loader as reconciliationLoader } from '~/routes/payments'
import { action as bookAction } from '~/routes/experts_.$id_.book'
import { action as consultationsAction, loader as consultationsLoader } from '~/routes/consultations'
import { getDashboard } from '~/contracts/turnover.server'
import { prisma } from '~/utils/db.server'
import { reloadEnv } from '~/utils/env.server'
import {
  act,
  checkout,
  signedContract as contract,
  deliver,
  intent,
  milestone,
  session,
  useStripeStandIn,
} from '../support/payments'
import {
  cookieHeader,
  createOrganization,
  createUser,
  getRequest,
  postForm,
  validCreditCode,
} from '../support/factories'

const standIn = useStripeStandIn()

describe('milestone payments through Stripe', () => {
  it('sends Checkout the exact amount in CNY with our IDs, and marks nothing paid on the way out', async () => {
    const { redirect, payment, first } = await checkout()
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('Location')).toMatch(/\/pay\/cs_test_/)
    const sent = standIn.requests.find((r) => r.path === '/v1/checkout/sessions')!
    expect(sent.body.get('line_items[0][price_data][currency]')).toBe('cny')
    expect(sent.body.get('line_items[0][price_data][unit_amount]')).toBe('3000001')
    expect(sent.body.get('metadata[paymentId]')).toBe(payment.id)
    expect(sent.body.get('payment_intent_data[metadata][milestoneId]')).toBe(first.id)
    expect(sent.idempotencyKey).toBe(`checkout:${payment.id}`)
    expect(payment).toMatchObject({
      status: 'PENDING',
      amountFen: 3000001n,
      stripeCheckoutSessionId: expect.stringMatching(/^cs_test_/),
    })
    expect((await milestone(first.id)).status).toBe('PAYMENT_REQUESTED')
  })

  it('rejects a bad signature with 400 and writes nothing', async () => {
    const { payment } = await checkout()
    const { response } = await deliver('checkout.session.completed', session(payment.id, 3000001), {
      secret: 'whsec_wrong',
    })
    expect(response.status).toBe(400)
    expect(await prisma.stripeEvent.count()).toBe(0)
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).paidAt).toBeNull()
  })

  it('the same event delivered ten times at once has one effect, ten times over', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const { payment, first, c } = await checkout()
      const completed = session(payment.id, 3000001, `pi_same_${trial}`, { id: `cs_same_${trial}` })
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => deliver('checkout.session.completed', completed, { id: `evt_same_${trial}` })),
      )
      const results = await Promise.all(
        answers.map(async (a) => ((await a.response.json()) as { result: string }).result),
      )
      expect(results.sort()).toEqual(['applied', ...Array(9).fill('duplicate')])
      expect(await prisma.stripeEvent.count({ where: { id: `evt_same_${trial}` } })).toBe(1)
      expect(await milestone(first.id)).toMatchObject({ status: 'PAID', paidFen: 3000001n })
      const told = await prisma.notification.count({ where: { kind: 'paymentReceived', link: `/contracts/${c.id}` } })
      expect(told).toBe(2)
    }
    const dashboard = await getDashboard({ year: 2026, basis: 'INFLOW', scope: { kind: 'district' } })
    expect(dashboard.receivedFen).toBe(10n * 3000001n)
  })

  it('ends in the right state when events arrive out of order (refund before payment, intent before session)', async () => {
    const { payment, first } = await checkout()
    await deliver('charge.refunded', {
      id: 'ch_1',
      object: 'charge',
      payment_intent: 'pi_late',
      amount_refunded: 1000000,
    })
    await deliver('payment_intent.succeeded', intent(payment.id, 3000001, 'pi_late'))
    await deliver('checkout.session.completed', session(payment.id, 3000001, 'pi_late'))
    const after = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })
    expect(after).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refundedFen: 1000000n,
      stripePaymentIntentId: 'pi_late',
    })
    expect(await milestone(first.id)).toMatchObject({
      status: 'PAYMENT_REQUESTED',
      paidFen: 3000001n,
      refundedFen: 1000000n,
    })
    expect(await prisma.stripeEvent.count({ where: { processedAt: null } })).toBe(0)
  })

  it('completed before created: the session completing before its intent is created still pays once', async () => {
    const { payment, first } = await checkout()
    await deliver('checkout.session.completed', session(payment.id, 3000001, 'pi_early'))
    const created = await deliver('payment_intent.created', {
      id: 'pi_early',
      object: 'payment_intent',
      amount: 3000001,
      currency: 'cny',
      metadata: { paymentId: payment.id },
    })
    expect((await created.response.json()).result).toBe('ignored')
    await deliver('payment_intent.succeeded', intent(payment.id, 3000001, 'pi_early'))
    expect(await milestone(first.id)).toMatchObject({ status: 'PAID', paidFen: 3000001n })
    expect(await prisma.payment.count({ where: { milestoneId: first.id, paidAt: { not: null } } })).toBe(1)
  })

  it('a partial refund, then a full one, exact to the fen', async () => {
    const { payment, first, c, seller } = await checkout()
    await deliver('checkout.session.completed', session(payment.id, 3000001))
    await act(c.id, seller, { intent: 'refund', paymentId: payment.id, amountYuan: '10000.01' })
    const asked = standIn.requests.find((r) => r.path === '/v1/refunds')!
    expect(asked.body.get('amount')).toBe('1000001')
    expect(asked.body.get('payment_intent')).toBe('pi_test_1')
    // Nothing moves until Stripe confirms.
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).refundedFen).toBe(0n)
    await deliver('charge.refunded', {
      id: 'ch_1',
      object: 'charge',
      payment_intent: 'pi_test_1',
      amount_refunded: 1000001,
    })
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refundedFen: 1000001n,
    })
    const tooMuch = (await act(c.id, seller, { intent: 'refund', paymentId: payment.id, amountYuan: '20000.01' })) as {
      data: { errors: Record<string, string[]> }
    }
    expect(tooMuch.data.errors.payment).toEqual(['errors.payment.refundTooLarge'])
    await deliver('charge.refunded', {
      id: 'ch_1',
      object: 'charge',
      payment_intent: 'pi_test_1',
      amount_refunded: 3000001,
    })
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe('REFUNDED')
    expect(await milestone(first.id)).toMatchObject({ status: 'REFUNDED', refundedFen: 3000001n })
    expect((await getDashboard({ year: 2026, basis: 'INFLOW', scope: { kind: 'district' } })).receivedFen).toBe(0n)
  })

  it('a failed payment leaves the milestone unpaid; a wrong amount is not taken as payment', async () => {
    const { payment, first } = await checkout()
    await deliver('payment_intent.payment_failed', {
      ...intent(payment.id, 0),
      last_payment_error: { message: 'Your card was declined.' },
    })
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: 'FAILED',
      failureMessage: 'Your card was declined.',
    })
    expect((await milestone(first.id)).status).toBe('PAYMENT_REQUESTED')
    const { response } = await deliver('checkout.session.completed', session(payment.id, 3000000))
    expect((await response.json()).result).toBe('unmatched')
    expect((await milestone(first.id)).status).toBe('PAYMENT_REQUESTED')
  })

  it('stores unknown events and ignores them; the page shows both parties the payment', async () => {
    const { payment, c, buyer, seller } = await checkout()
    const { response } = await deliver('customer.created', { id: 'cus_1', object: 'customer' })
    expect((await response.json()).result).toBe('ignored')
    await deliver('checkout.session.completed', session(payment.id, 3000001))
    for (const cookie of [buyer, seller]) {
      const page = await contractLoader({
        request: getRequest(`/contracts/${c.id}`, cookie),
        params: { id: c.id },
        context: {},
      })
      expect(page.contract.milestones[0]).toMatchObject({ status: 'PAID', paidFen: '3000001' })
      expect(page.contract.milestones[0].payments[0]).toMatchObject({ method: 'STRIPE', status: 'SUCCEEDED' })
    }
  })
})

describe('reconciliation', () => {
  it('shows received against contracted, and the bureau what Stripe sent that matches nothing', async () => {
    const { payment, seller } = await checkout()
    await deliver('checkout.session.completed', session(payment.id, 3000001))
    await deliver('payment_intent.succeeded', intent('pay_unknown', 500, 'pi_nobody'))
    const sellerView = await reconciliationLoader({ request: getRequest('/payments', seller), params: {}, context: {} })
    expect(sellerView.contracts[0]).toMatchObject({
      contractedFen: '10000001',
      receivedFen: '3000001',
      outstandingFen: '7000000',
    })
    expect(sellerView.unmatched).toEqual([])
    const bureau = await cookieHeader(
      (await createUser((await createOrganization('BUREAU', '宝坻区科技局')).id, 'BUREAU_STAFF')).id,
    )
    const bureauView = await reconciliationLoader({ request: getRequest('/payments', bureau), params: {}, context: {} })
    expect(bureauView.byStatus).toEqual([{ status: 'SUCCEEDED', count: 1, amountFen: '3000001', refundedFen: '0' }])
    expect(bureauView.unmatched.map((e) => e.type)).toEqual(['payment_intent.succeeded'])
    const stranger = await cookieHeader((await createUser((await createOrganization()).id, 'ENTERPRISE_ADMIN')).id)
    expect(
      (await reconciliationLoader({ request: getRequest('/payments', stranger), params: {}, context: {} })).contracts,
    ).toEqual([])
  })
})

describe('offline mode (no Stripe keys)', () => {
  it('one open Checkout a milestone: two clicks at once get the same session, ten times over', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const p = await contract()
      await act(p.c.id, p.seller, { intent: 'request', milestoneId: p.first.id })
      const start = () => act(p.c.id, p.buyer, { intent: 'checkout', milestoneId: p.first.id }) as Promise<Response>
      const [a, b] = await Promise.all([start(), start()])
      expect(a.headers.get('Location')).toMatch(/\/pay\/cs_test_/)
      expect(a.headers.get('Location')).toBe(b.headers.get('Location'))
      const payments = await prisma.payment.findMany({ where: { milestoneId: p.first.id } })
      expect(payments).toHaveLength(1)
      expect(payments[0].amountFen).toBe(3000001n)
    }
  })

  it('two refund webhooks at once (a third, then all) end fully refunded, ten times over', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const { payment, first } = await checkout()
      const intentId = `pi_race_${trial}`
      await deliver('checkout.session.completed', session(payment.id, 3000001, intentId, { id: `cs_race_${trial}` }))
      const refund = (amount: number) => ({
        id: `ch_race_${trial}`,
        object: 'charge',
        payment_intent: intentId,
        amount_refunded: amount,
        metadata: { paymentId: payment.id },
      })
      const answers = await Promise.all([
        deliver('charge.refunded', refund(1000000)),
        deliver('charge.refunded', refund(3000001)),
      ])
      expect(answers.map((a) => a.response.status)).toEqual([200, 200])
      expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
        refundedFen: 3000001n,
        status: 'REFUNDED',
      })
      expect(await milestone(first.id)).toMatchObject({ paidFen: 3000001n, refundedFen: 3000001n, status: 'REFUNDED' })
    }
  })

  it('a bank transfer confirmed twice at once is received once, ten times over', async () => {
    delete process.env.STRIPE_SECRET_KEY
    reloadEnv()
    try {
      for (let trial = 0; trial < 10; trial++) {
        const p = await contract()
        await act(p.c.id, p.seller, { intent: 'request', milestoneId: p.first.id })
        const confirm = () =>
          act(p.c.id, p.seller, { intent: 'bankTransfer', milestoneId: p.first.id, reference: `ICBC-${trial}` })
        await Promise.all([confirm(), confirm()])
        const paid = await prisma.payment.findMany({ where: { milestoneId: p.first.id, paidAt: { not: null } } })
        expect(paid.map((x) => x.amountFen)).toEqual([3000001n])
        expect(await milestone(p.first.id)).toMatchObject({ status: 'PAID', paidFen: 3000001n })
      }
    } finally {
      process.env.STRIPE_SECRET_KEY = 'sk_test_baodi'
      reloadEnv()
    }
  })

  it('settles a requested milestone by a bank transfer the seller confirms', async () => {
    delete process.env.STRIPE_SECRET_KEY
    reloadEnv()
    try {
      const p = await contract()
      await act(p.c.id, p.seller, { intent: 'request', milestoneId: p.first.id })
      const online = (await act(p.c.id, p.buyer, { intent: 'checkout', milestoneId: p.first.id })) as {
        data: { errors: Record<string, string[]> }
      }
      expect(online.data.errors.payment).toEqual(['errors.payment.offline'])
      const notBuyer = (await act(p.c.id, p.buyer, {
        intent: 'bankTransfer',
        milestoneId: p.first.id,
        reference: 'ICBC-20260301-001',
      })) as {
        data: { errors: Record<string, string[]> }
      }
      expect(notBuyer.data.errors.payment).toEqual(['errors.payment.sellerOnly'])
      await act(p.c.id, p.seller, { intent: 'bankTransfer', milestoneId: p.first.id, reference: 'ICBC-20260301-001' })
      expect(await milestone(p.first.id)).toMatchObject({ status: 'PAID', paidFen: 3000001n })
      expect(standIn.requests).toEqual([])
    } finally {
      process.env.STRIPE_SECRET_KEY = 'sk_test_baodi'
      reloadEnv()
    }
  })
})

/** Next week's Monday at `hour`:00 Beijing time, as datetime-local text. */
function nextMonday(hour: number) {
  const d = new Date(Date.now() + 7 * 86_400_000)
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1)
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`
}

async function consultingExpert() {
  const institution = await prisma.organization.create({
    data: {
      kind: 'UNIVERSITY',
      name: '天津大学',
      creditCode: validCreditCode('120104'),
      regionCode: '120104',
      verification: 'APPROVED',
    },
  })
  const office = await cookieHeader((await createUser(institution.id, 'TTO_ADMIN')).id)
  const expert = await prisma.expert.create({
    data: {
      organizationId: institution.id,
      name: '周建国',
      directions: ['焊接'],
      consultationFeeFen: 80_000n,
      consultationMinutes: 60,
    },
  })
  const area = await prisma.area.findFirstOrThrow()
  const enterprise = await prisma.organization.create({
    data: {
      kind: 'ENTERPRISE',
      name: '宝坻焊接厂',
      creditCode: validCreditCode(),
      regionCode: '120115',
      areaId: area.id,
    },
  })
  const buyer = await cookieHeader((await createUser(enterprise.id, 'ENTERPRISE_ADMIN')).id)
  return { institution, expert, enterprise, buyer, office }
}

describe('paid consultations', () => {
  it('books a slot, pays through Checkout, and the paid booking records a 技术咨询 contract', async () => {
    const { expert, enterprise, institution, buyer } = await consultingExpert()
    const startsAt = nextMonday(10)
    const redirect = (await postForm(
      bookAction,
      `/experts/${expert.id}/book`,
      { startsAt, topic: '激光焊气孔问题诊断' },
      buyer,
      expert.id,
    )) as Response
    expect(redirect.headers.get('Location')).toMatch(/\/pay\/cs_test_/)
    const consultation = await prisma.consultation.findFirstOrThrow({ include: { payments: true } })
    expect(consultation).toMatchObject({ status: 'PENDING_PAYMENT', priceFen: 80_000n, minutes: 60 })
    const sent = standIn.requests.find((r) => r.path === '/v1/checkout/sessions')!
    expect(sent.body.get('metadata[consultationId]')).toBe(consultation.id)
    expect(sent.body.get('line_items[0][price_data][unit_amount]')).toBe('80000')

    // The same hour is held for the first enterprise.
    const other = await cookieHeader((await createUser((await createOrganization()).id, 'ENTERPRISE_ADMIN')).id)
    const taken = (await postForm(
      bookAction,
      `/experts/${expert.id}/book`,
      { startsAt, topic: '另一个问题' },
      other,
      expert.id,
    )) as {
      data: { errors: Record<string, string[]> }
    }
    expect(taken.data.errors['']).toEqual(['errors.consultation.taken'])
    const evening = (await postForm(
      bookAction,
      `/experts/${expert.id}/book`,
      { startsAt: nextMonday(19), topic: '晚上的问题' },
      other,
      expert.id,
    )) as { data: { errors: Record<string, string[]> } }
    expect(evening.data.errors['']).toEqual(['errors.consultation.hours'])

    const payment = consultation.payments[0]
    await deliver('checkout.session.completed', session(payment.id, 80000, 'pi_consult'))
    await deliver('checkout.session.completed', session(payment.id, 80000, 'pi_consult'), { id: 'evt_again' })
    const paid = await prisma.consultation.findUniqueOrThrow({
      where: { id: consultation.id },
      include: { contract: true },
    })
    expect(paid.status).toBe('CONFIRMED')
    expect(paid.contract).toMatchObject({
      type: 'CONSULTING',
      status: 'SUBMITTED',
      amountFen: 80_000n,
      buyerOrgId: enterprise.id,
      sellerOrgId: institution.id,
    })
    expect(await prisma.contract.count({ where: { type: 'CONSULTING' } })).toBe(1)
  })

  it('offline, the institution confirms the bank transfer', async () => {
    delete process.env.STRIPE_SECRET_KEY
    reloadEnv()
    try {
      const { expert, buyer, office } = await consultingExpert()
      const booked = (await postForm(
        bookAction,
        `/experts/${expert.id}/book`,
        { startsAt: nextMonday(14), topic: '焊缝检测方案咨询' },
        buyer,
        expert.id,
      )) as Response
      expect(booked.headers.get('Location')).toBe('/consultations?booked=1')
      const consultation = await prisma.consultation.findFirstOrThrow()
      const list = await consultationsLoader({ request: getRequest('/consultations', office), params: {}, context: {} })
      expect(list.consultations[0]).toMatchObject({ canConfirm: true, status: 'PENDING_PAYMENT' })
      await postForm(
        consultationsAction,
        '/consultations',
        { consultationId: consultation.id, reference: 'BOC-889900' },
        office,
      )
      expect((await prisma.consultation.findUniqueOrThrow({ where: { id: consultation.id } })).status).toBe('CONFIRMED')
      expect(await prisma.contract.count({ where: { type: 'CONSULTING' } })).toBe(1)
    } finally {
      process.env.STRIPE_SECRET_KEY = 'sk_test_baodi'
      reloadEnv()
    }
  })
})
