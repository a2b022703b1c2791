import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { action as contractAction, loader as contractLoader } from '~/routes/contracts_.$id'
import { action as settingsAction } from '~/routes/settings.organization'
import { prisma } from '~/utils/db.server'
import { reloadEnv } from '~/utils/env.server'
import { cookieHeader, createUser, getRequest, postForm } from '../support/factories'
import { signedContract } from '../support/payments'

// Offline mode: no Stripe key, buyers pay by bank transfer.
beforeAll(() => {
  delete process.env.STRIPE_SECRET_KEY
  reloadEnv()
})
afterAll(() => reloadEnv())

const act = (id: string, cookie: string, fields: Record<string, string>) =>
  postForm(contractAction, `/contracts/${id}`, fields, cookie, id)
const milestone = (id: string) => prisma.milestone.findUniqueOrThrow({ where: { id } })
const errorsOf = (r: unknown) => (r as { data: { errors: Record<string, string[]> } }).data.errors

describe('offline payments: 已汇款 → 已到账', () => {
  it('shows the seller’s account, lets the buyer mark it remitted and the seller confirm receipt', async () => {
    const p = await signedContract()
    const sellerOrgId = p.c.sellerOrgId!
    const sellerAdmin = await cookieHeader((await createUser(sellerOrgId, 'TTO_ADMIN')).id)
    const bank = (fields: Record<string, string>) =>
      postForm(settingsAction, '/settings/organization', { intent: 'bank', ...fields }, sellerAdmin)
    const bad = (await bank({ bankAccountName: '北京卖方大学', bankName: '工行', bankAccountNumber: '12ab' })) as {
      data: { bank: { error: Record<string, string[]> } }
    }
    expect(bad.data.bank.error).toEqual({
      bankName: ['errors.bank.bankName'],
      bankAccountNumber: ['errors.bank.accountNumber'],
    })
    await bank({
      bankAccountName: '北京卖方大学',
      bankName: '中国工商银行北京海淀支行',
      bankAccountNumber: '0200 0045 0908 8123 456',
    })

    await act(p.c.id, p.seller, { intent: 'request', milestoneId: p.first.id })
    const page = await contractLoader({
      request: getRequest(`/contracts/${p.c.id}`, p.buyer),
      params: { id: p.c.id },
      context: {},
    })
    expect(page.contract.sellerAccount).toMatchObject({ bankAccountNumber: '0200004509088123456' })

    const remit = {
      intent: 'remit',
      milestoneId: p.first.id,
      reference: 'ICBC-20261130-7788',
      remittedOn: '2026-11-30',
    }
    expect(errorsOf(await act(p.c.id, p.seller, remit)).payment).toEqual(['errors.payment.buyerOnly'])
    expect(errorsOf(await act(p.c.id, p.buyer, { ...remit, remittedOn: '2999-01-01' })).payment).toEqual([
      'errors.payment.remittedOn',
    ])
    await act(p.c.id, p.buyer, remit)
    const remitted = await prisma.payment.findFirstOrThrow({ where: { milestoneId: p.first.id } })
    expect(remitted).toMatchObject({
      status: 'PENDING',
      paidAt: null,
      amountFen: 3000001n,
      bankReference: 'ICBC-20261130-7788',
    })
    expect(remitted.remittedAt).not.toBeNull()
    expect(await milestone(p.first.id)).toMatchObject({ status: 'PAYMENT_REQUESTED', paidFen: 0n })
    expect(await prisma.notification.count({ where: { kind: 'paymentRemitted' } })).toBeGreaterThan(0)

    await act(p.c.id, p.seller, { intent: 'bankTransfer', milestoneId: p.first.id, reference: 'ICBC-20261130-7788' })
    const received = await prisma.payment.findMany({ where: { milestoneId: p.first.id } })
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ status: 'SUCCEEDED', amountFen: 3000001n })
    expect(received[0].paidAt!.getTime()).toBeGreaterThanOrEqual(received[0].remittedAt!.getTime())
    expect(await milestone(p.first.id)).toMatchObject({ status: 'PAID', paidFen: 3000001n })
  })

  it('a remittance submitted twice, and a remittance against a receipt, each count once, ten times over', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const p = await signedContract()
      await act(p.c.id, p.seller, { intent: 'request', milestoneId: p.first.id })
      const remit = () =>
        act(p.c.id, p.buyer, {
          intent: 'remit',
          milestoneId: p.first.id,
          reference: `BOC-${trial}`,
          remittedOn: '2026-11-30',
        })
      await Promise.all([remit(), remit()])
      expect(await prisma.payment.count({ where: { milestoneId: p.first.id } })).toBe(1)
      await Promise.all([
        remit(),
        act(p.c.id, p.seller, { intent: 'bankTransfer', milestoneId: p.first.id, reference: `BOC-${trial}` }),
      ])
      const payments = await prisma.payment.findMany({ where: { milestoneId: p.first.id } })
      expect(payments.map((x) => [x.amountFen, x.status])).toEqual([[3000001n, 'SUCCEEDED']])
      expect(await milestone(p.first.id)).toMatchObject({ status: 'PAID', paidFen: 3000001n })
    }
  })
})
