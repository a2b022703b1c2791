import { afterEach, describe, expect, it } from 'vitest'
import { drain } from '~/jobs/worker.server'
import { matchesQueueHandler } from '~/matching/refresh.server'
import { action as contractAction } from '~/routes/contracts_.$id'
import { searchEngine } from '~/search/engine.server'
import { searchQueueHandler } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import { reloadEnv } from '~/utils/env.server'
import { webhookJobsHandler } from '~/webhooks/deliveries.server'
import { postForm } from '../support/factories'
import { loadMarket } from '../support/market'
import { signedContract } from '../support/payments'
import { closeReceivers, subscribe } from '../support/webhook-receiver'

const stripeKey = process.env.STRIPE_SECRET_KEY
afterEach(async () => {
  await closeReceivers()
  if (stripeKey === undefined) delete process.env.STRIPE_SECRET_KEY
  else process.env.STRIPE_SECRET_KEY = stripeKey
  reloadEnv()
})

describe('webhook events', () => {
  it('payment.received: both parties hear once when a bank transfer is confirmed twice at once, ten times over', async () => {
    delete process.env.STRIPE_SECRET_KEY
    reloadEnv()
    let announcedFen = 0n
    for (let trial = 0; trial < 10; trial++) {
      const p = await signedContract()
      const seller = await subscribe(p.c.sellerOrgId!, 'payment.received')
      const buyer = await subscribe(p.c.buyerOrgId!, 'payment.received')
      const act = (cookie: string, fields: Record<string, string>) =>
        postForm(contractAction, `/contracts/${p.c.id}`, fields, cookie, p.c.id)
      await act(p.seller, { intent: 'request', milestoneId: p.first.id })
      const confirm = () =>
        act(p.seller, { intent: 'bankTransfer', milestoneId: p.first.id, reference: `ICBC-${trial}` })
      await Promise.all([confirm(), confirm()])
      await drain(prisma, webhookJobsHandler())
      for (const side of [seller, buyer]) {
        expect(side.events()).toEqual([
          expect.objectContaining({
            type: 'payment.received',
            data: expect.objectContaining({
              contractId: p.c.id,
              milestoneId: p.first.id,
              method: 'BANK_TRANSFER',
              amountYuan: '30000.01',
            }),
          }),
        ])
      }
      const [event] = seller.events()
      announcedFen += BigInt(Math.round(Number(event.data.amountYuan) * 100))
    }
    // Exactly what was received, once per trial: ten first milestones of 30,000.01 yuan.
    expect(announcedFen).toBe(10n * 3_000_001n)
  })

  it('match.created: the enterprise hears of its need’s new matches, an institution of its own', async () => {
    const { need } = await loadMarket()
    const enterprise = await subscribe(need.organizationId, 'match.created')
    const weld = await prisma.researchResult.findFirstOrThrow({ where: { title: { contains: '焊' } } })
    const institution = await subscribe(weld.organizationId, 'match.created')
    await drain(prisma, searchQueueHandler(prisma, searchEngine()))
    await drain(prisma, matchesQueueHandler(prisma, searchEngine()))
    await drain(prisma, webhookJobsHandler())
    const forNeed = enterprise.events().filter((e) => e.data.needId === need.id)
    expect(forNeed).toHaveLength(1)
    const matches = forNeed[0].data.matches as Array<{ type: string; id: string; confidence: number }>
    expect(matches.length).toBeGreaterThan(0)
    expect(matches.every((m) => m.confidence >= 3)).toBe(true)
    const own = institution.events().flatMap((e) => e.data.matches as Array<{ id: string }>)
    const ownIds = new Set(
      (await prisma.researchResult.findMany({ where: { organizationId: weld.organizationId } })).map((r) => r.id),
    )
    const ownExperts = await prisma.expert.findMany({ where: { organizationId: weld.organizationId } })
    for (const e of ownExperts) ownIds.add(e.id)
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((m) => ownIds.has(m.id))).toBe(true)
  })
})
