import { describe, expect, it } from 'vitest'
import { loader as contractLoader } from '~/routes/contracts_.$id'
import { loader as reconciliationLoader } from '~/routes/payments'
import { prisma } from '~/utils/db.server'
import { getRequest } from '../support/factories'
import { act, checkout, deliver, intent, milestone, session, useStripeStandIn } from '../support/payments'
import { dataOf } from '../support/route-calls'

useStripeStandIn()

const overpaidNotices = (sellerOrgId: string) =>
  prisma.notification.count({
    where: { kind: 'paymentOverpaid', user: { memberships: { some: { organizationId: sellerOrgId } } } },
  })

describe('money that arrives for a milestone already paid', () => {
  it('is recorded as an overpayment for the seller to refund, not refused; the refund clears it', async () => {
    const { c, first, payment, seller, buyer } = await checkout()
    // The buyer also paid by bank transfer, and the seller confirmed it while Checkout was open.
    await act(c.id, seller, { intent: 'bankTransfer', milestoneId: first.id, reference: 'ICBC-1' })
    expect(await milestone(first.id)).toMatchObject({ status: 'PAID', paidFen: 3000001n })

    const late = await deliver('checkout.session.completed', session(payment.id, 3000001, 'pi_over'))
    expect(late.response.status).toBe(200)
    expect(await milestone(first.id)).toMatchObject({ status: 'PAID', paidFen: 6000002n, refundedFen: 0n })
    expect(await overpaidNotices(c.sellerOrgId!)).toBe(1)

    // Both parties see it on the contract and in reconciliation.
    for (const cookie of [seller, buyer]) {
      const page = await dataOf<{ contract: { milestones: Array<{ overpaidFen: string }> } }>(
        await contractLoader({ request: getRequest(`/contracts/${c.id}`, cookie), params: { id: c.id }, context: {} }),
      )
      expect(page.contract.milestones[0].overpaidFen).toBe('3000001')
      const reconciliation = await dataOf<{ overpaid: Array<{ id: string; excessFen: string }> }>(
        await reconciliationLoader({ request: getRequest('/payments', cookie), params: {}, context: {} }),
      )
      expect(reconciliation.overpaid).toEqual([expect.objectContaining({ id: first.id, excessFen: '3000001' })])
    }

    // The seller refunds the Checkout payment; Stripe reports it.
    await deliver('charge.refunded', {
      id: 'ch_over',
      object: 'charge',
      payment_intent: 'pi_over',
      amount_refunded: 3000001,
      metadata: { paymentId: payment.id },
    })
    expect(await milestone(first.id)).toMatchObject({ status: 'PAID', paidFen: 6000002n, refundedFen: 3000001n })
    const after = await dataOf<{ overpaid: unknown[] }>(
      await reconciliationLoader({ request: getRequest('/payments', seller), params: {}, context: {} }),
    )
    expect(after.overpaid).toEqual([])
  })

  it('a bank confirmation and a Checkout completion at once: every fen counted once, the seller told once, ten times over', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const { c, first, payment, seller } = await checkout()
      const answers = await Promise.all([
        act(c.id, seller, { intent: 'bankTransfer', milestoneId: first.id, reference: `ICBC-${trial}` }),
        deliver(
          'checkout.session.completed',
          session(payment.id, 3000001, `pi_both_${trial}`, { id: `cs_both_${trial}` }),
        ),
      ])
      expect(answers[1].response.status).toBe(200)
      const paid = await prisma.payment.findMany({ where: { milestoneId: first.id, paidAt: { not: null } } })
      const received = paid.reduce((sum, p) => sum + p.amountFen, 0n)
      // Either the transfer came first and both count, or Checkout did and the transfer was refused.
      expect([3000001n, 6000002n]).toContain(received)
      expect(await milestone(first.id)).toMatchObject({ status: 'PAID', paidFen: received, refundedFen: 0n })
      expect(await overpaidNotices(c.sellerOrgId!)).toBe(received > 3000001n ? 1 : 0)
    }
  })

  it('an intent’s event that arrived before its payment was known is applied once the session names it', async () => {
    const { payment, first } = await checkout()
    // Without our metadata the intent's success matches nothing yet.
    const early = await deliver('payment_intent.succeeded', { ...intent(payment.id, 3000001, 'pi_anon'), metadata: {} })
    expect(((await early.response.json()) as { result: string }).result).toBe('unmatched')
    // The session completes with the payment still processing, and names the intent.
    await deliver('checkout.session.completed', session(payment.id, 3000001, 'pi_anon', { payment_status: 'unpaid' }))
    expect(await prisma.stripeEvent.count({ where: { processedAt: null } })).toBe(0)
    expect(await milestone(first.id)).toMatchObject({ status: 'PAID', paidFen: 3000001n })
  })
})
