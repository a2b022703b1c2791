import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import type { ApiScope } from '~/validation/api-tokens'
import { testClient } from '../support/api-client'
import { parties } from '../support/contract-parties'
import { createOrganization, createUser, issueToken } from '../support/factories'

const PARTY: ApiScope[] = ['contracts:read', 'contracts:write', 'payments:read']

async function adminOf(organizationId: string) {
  const m = await prisma.membership.findFirstOrThrow({ where: { organizationId }, orderBy: { createdAt: 'asc' } })
  return m.userId
}

/** The enterprise, the university, the bureau and an outsider, each with a typed API client. */
async function setup() {
  const p = await parties()
  const bureauOrg = await prisma.organization.findFirstOrThrow({ where: { kind: 'BUREAU' } })
  const outsider = await createOrganization('ENTERPRISE', '无关企业')
  return {
    ...p,
    buyer: testClient(await issueToken(p.enterprise.id, await adminOf(p.enterprise.id), PARTY)),
    seller: testClient(await issueToken(p.university.id, await adminOf(p.university.id), PARTY)),
    bureau: testClient(
      await issueToken(bureauOrg.id, await adminOf(bureauOrg.id), ['contracts:read', 'contracts:write']),
    ),
    outsider: testClient(await issueToken(outsider.id, (await createUser(outsider.id, 'ENTERPRISE_ADMIN')).id, PARTY)),
    readOnly: testClient(await issueToken(p.enterprise.id, await adminOf(p.enterprise.id), ['contracts:read'])),
  }
}

const draft = (p: Pick<Awaited<ReturnType<typeof parties>>, 'intro' | 'enterprise' | 'university'>) => ({
  ourSide: 'buyer' as const,
  introductionId: p.intro.id,
  type: 'DEVELOPMENT_COMMISSIONED' as const,
  projectName: '焊缝在线检测系统开发',
  buyerName: p.enterprise.name,
  buyerRegionCode: '120115',
  buyerEntityType: 'ENTERPRISE' as const,
  sellerName: p.university.name,
  sellerCreditCode: p.university.creditCode!,
  sellerRegionCode: '110108',
  sellerEntityType: 'UNIVERSITY' as const,
  amountYuan: '1200000.50',
  techAmountYuan: '1000000',
  signedOn: '2026-03-01',
  paymentMode: 'INSTALMENTS' as const,
  milestones: [
    { title: '首付款', amountYuan: '600000.50' },
    { title: '验收款', amountYuan: '600000' },
  ],
  fieldCode: 'EI.AI',
})

describe('/api/v1/contracts', () => {
  it('drafts a contract for both parties, both confirm, the buyer signs and the bureau registers', async () => {
    const s = await setup()
    const headers = { 'Idempotency-Key': 'erp-contract-1' }
    const created = await s.buyer.POST('/contracts', { body: draft(s), params: { header: headers } })
    expect(created.response.status).toBe(201)
    const id = created.data!.id
    expect(created.data).toMatchObject({
      status: 'DRAFT',
      amountYuan: '1200000.5',
      seller: { organizationId: s.university.id },
      milestones: [{ seq: 1, amountYuan: '600000.5' }, { seq: 2 }],
    })
    // The retry with the same key answers the same contract; nothing is created twice.
    const retried = await s.buyer.POST('/contracts', { body: draft(s), params: { header: headers } })
    expect(retried.data!.id).toBe(id)
    expect(await prisma.contract.count()).toBe(1)

    const seen = await s.seller.GET('/contracts/{id}', { params: { path: { id } } })
    expect(seen.data).toMatchObject({ termsVersion: 1, confirmed: { buyer: false, seller: false } })
    expect((await s.outsider.GET('/contracts/{id}', { params: { path: { id } } })).response.status).toBe(404)
    expect((await s.outsider.GET('/contracts')).data!.data).toEqual([])

    // Both parties confirm the terms they read, at the same moment.
    const confirm = { intent: 'confirm' as const, termsVersion: 1 }
    const confirmations = await Promise.all(
      [s.buyer, s.seller].map((c) => c.POST('/contracts/{id}/steps', { params: { path: { id } }, body: confirm })),
    )
    expect(confirmations.map((r) => r.response.status)).toEqual([200, 200])
    const stale = await s.seller.POST('/contracts/{id}/steps', {
      params: { path: { id } },
      body: { intent: 'confirm', termsVersion: 0 },
    })
    expect(stale.response.status).toBe(422)
    const signed = await s.buyer.POST('/contracts/{id}/steps', { params: { path: { id } }, body: { intent: 'sign' } })
    expect(signed.data).toMatchObject({ status: 'SIGNED', confirmed: { buyer: true, seller: true } })

    const register = { intent: 'register' as const, registrationNumber: '1201150000000042' }
    const refused = await s.buyer.POST('/contracts/{id}/steps', { params: { path: { id } }, body: register })
    expect(refused.response.status).toBe(409)
    expect(refused.error).toMatchObject({ code: 'step_refused', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    const registered = await s.bureau.POST('/contracts/{id}/steps', { params: { path: { id } }, body: register })
    expect(registered.data).toMatchObject({ status: 'REGISTERED', registrationNumber: register.registrationNumber })
    const audit = await prisma.auditLog.findMany({ where: { entityId: id, action: { startsWith: 'api.' } } })
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'api.contracts.confirm',
        'api.contracts.confirm',
        'api.contracts.create',
        'api.contracts.register',
        'api.contracts.sign',
      ].sort(),
    )
  })

  it('ten identical drafts at once under one key make one contract; ten keys make ten, to the fen', async () => {
    const s = await setup()
    const same = { params: { header: { 'Idempotency-Key': 'erp-batch-7' } }, body: draft(s) }
    const answers = await Promise.all(Array.from({ length: 10 }, () => s.buyer.POST('/contracts', same)))
    // The first creates; the others are replayed or told it is still running (409), never acted on.
    expect(answers.every((a) => a.response.status === 201 || a.response.status === 409)).toBe(true)
    expect(new Set(answers.filter((a) => a.data).map((a) => a.data!.id)).size).toBe(1)
    expect(await prisma.contract.count()).toBe(1)
    await Promise.all(Array.from({ length: 10 }, () => s.buyer.POST('/contracts', { body: draft(s) })))
    const contracts = await prisma.contract.findMany({ include: { milestones: true } })
    expect(contracts).toHaveLength(11)
    expect(contracts.reduce((sum, c) => sum + c.amountFen, 0n)).toBe(11n * 120_000_050n)
    expect(contracts.flatMap((c) => c.milestones).reduce((sum, m) => sum + m.amountFen, 0n)).toBe(11n * 120_000_050n)
  })

  it('refuses invalid drafts field by field and writes nothing; a read-only token may not write', async () => {
    const s = await setup()
    const bad = await s.buyer.POST('/contracts', {
      body: { ...draft(s), techAmountYuan: '2000000', milestones: [{ title: '首付款', amountYuan: '1' }] },
    })
    expect(bad.response.status).toBe(422)
    expect(Object.keys(bad.error!.errors!).sort()).toEqual(['milestones', 'techAmountYuan'])
    expect(bad.error!.errors!.techAmountYuan.message).toBe('技术交易额不能超过成交额')
    const noSide = await s.buyer.POST('/contracts', { body: { ...draft(s), ourSide: 'middle' as 'buyer' } })
    expect(noSide.error!.errors!.ourSide).toBeDefined()
    expect((await s.readOnly.POST('/contracts', { body: draft(s) })).response.status).toBe(403)
    expect(await prisma.contract.count()).toBe(0)
  })

  it('lists the payments of a party’s contracts, never another organization’s', async () => {
    const s = await setup()
    const { data } = await s.buyer.POST('/contracts', { body: draft(s) })
    const milestone = await prisma.milestone.findFirstOrThrow({ where: { contractId: data!.id, seq: 1 } })
    const payment = await prisma.payment.create({
      data: {
        contractId: data!.id,
        milestoneId: milestone.id,
        method: 'BANK_TRANSFER',
        amountFen: 60_000_050n,
        bankReference: 'BOC-20260301-1',
      },
    })
    const listed = await s.seller.GET('/payments', { params: { query: { contractId: data!.id } } })
    expect(listed.data!.data).toEqual([
      expect.objectContaining({ id: payment.id, amountYuan: '600000.5', status: 'PENDING', method: 'BANK_TRANSFER' }),
    ])
    expect((await s.outsider.GET('/payments/{id}', { params: { path: { id: payment.id } } })).response.status).toBe(404)
    expect((await s.bureau.GET('/payments')).response.status).toBe(403)
  })
})
