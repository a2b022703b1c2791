import { describe, expect, it } from 'vitest'
import { loader as newLoader, action as newAction } from '~/routes/contracts_.new'
import { loader as pageLoader } from '~/routes/contracts_.$id'
import { loader as listLoader } from '~/routes/contracts'
import { action as editAction } from '~/routes/contracts_.$id_.edit'
import { loader as rootLoader } from '~/root'
import { getDashboard } from '~/contracts/turnover.server'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createOrganization, createUser, getRequest, postForm } from '../support/factories'
import { form, parties, step } from '../support/contract-parties'

describe('technology contracts', () => {
  it('drafts a contract from an accepted introduction: parties, need and town filled in, money exact', async () => {
    const p = await parties()
    const draft = await newLoader({
      request: getRequest(`/contracts/new?introduction=${p.intro.id}`, p.buyer),
      params: {},
      context: {},
    })
    expect(draft.defaults).toMatchObject({ ourSide: 'buyer', buyerName: '宝坻恒信机械', sellerName: '北京某大学' })

    const response = (await postForm(newAction, '/contracts/new', form(p), p.buyer)) as Response
    expect(response.status).toBe(302)
    const contract = await prisma.contract.findFirstOrThrow({ include: { milestones: { orderBy: { seq: 'asc' } } } })
    expect(contract).toMatchObject({
      status: 'DRAFT',
      buyerOrgId: p.enterprise.id,
      sellerOrgId: p.university.id,
      needId: p.need.id,
      introductionId: p.intro.id,
      areaId: p.area.id,
      amountFen: 120000050n,
      techAmountFen: 100000000n,
      needsExpertReview: false,
    })
    expect(contract.milestones.map((m) => m.amountFen)).toEqual([60000050n, 60000000n])
  })

  it('names every inconsistency and writes nothing', async () => {
    const p = await parties()
    const bad = (overrides: Record<string, string>) =>
      postForm(newAction, '/contracts/new', form(p, overrides), p.buyer) as Promise<{
        data: { error: Record<string, string[]> }
      }>
    expect((await bad({ techAmountYuan: '2000000' })).data.error.techAmountYuan).toEqual([
      'errors.contract.techAboveAmount',
    ])
    expect((await bad({ 'milestones[1].amountYuan': '1' })).data.error.milestones).toEqual([
      'errors.contract.milestoneSum',
    ])
    expect((await bad({ buyerRegionCode: '110105' })).data.error.buyerRegionCode).toEqual([
      'errors.contract.noBaodiParty',
    ])
    expect((await bad({ sellerCreditCode: '91110108000000000X' })).data.error.sellerCreditCode).toEqual([
      'errors.creditCode.checksum',
    ])
    expect((await bad({ expectedOutputYuan: '100' })).data.error.expectedInvestmentYuan).toEqual([
      'errors.contract.expectedOnlyTransfer',
    ])
    expect(await prisma.contract.count()).toBe(0)
  })

  it('goes from draft to registered, amended and terminated; the dashboard follows each step', async () => {
    const p = await parties()
    await postForm(newAction, '/contracts/new', form(p), p.buyer)
    const { id } = await prisma.contract.findFirstOrThrow()
    const figure = async () =>
      (await getDashboard({ year: 2026, basis: 'INFLOW', scope: { kind: 'district' } }, new Date('2026-12-31'))).total
        .amountFen

    // Both parties confirm the terms before either can sign.
    await step(id, p.buyer, { intent: 'confirm', termsVersion: '1' })
    await step(id, p.seller, { intent: 'confirm', termsVersion: '1' })
    await step(id, p.buyer, { intent: 'sign' })
    await step(id, p.seller, { intent: 'submit' })
    // Only the bureau registers.
    const refused = (await step(id, p.buyer, { intent: 'register', registrationNumber: '2026110108000001' })) as {
      data: { errors: Record<string, string[]> }
    }
    expect(refused.data.errors.statusChange).toEqual(['errors.contract.stepNotAllowed'])
    expect(await figure()).toBe(0n)
    const badNumber = (await step(id, p.bureau, { intent: 'register', registrationNumber: '12345' })) as {
      data: { errors: Record<string, string[]> }
    }
    expect(badNumber.data.errors.registrationNumber).toEqual(['errors.contract.registrationNumber'])
    await step(id, p.bureau, { intent: 'register', registrationNumber: '2026110108000001' })
    expect(await prisma.contract.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'REGISTERED',
      registrationNumber: '2026110108000001',
    })
    expect(await figure()).toBe(120000050n)
    expect(await prisma.notification.count({ where: { kind: 'contractRegistered' } })).toBe(2)

    // Both parties are on the platform, so the figures change only as both agreed: the bureau
    // cannot amend on its own; the seller proposes, the buyer confirms, the bureau registers.
    const figures = { amountYuan: '6000000', techAmountYuan: '5000000', reason: '增加第二期开发内容' }
    const alone = (await step(id, p.bureau, { intent: 'amend', ...figures })) as {
      data: { errors: Record<string, string[]> }
    }
    expect(alone.data.errors.statusChange).toEqual(['errors.contract.stepNotAllowed'])
    await step(id, p.seller, { intent: 'proposeAmendment', ...figures })
    const proposal = await prisma.contractAmendment.findFirstOrThrow({ where: { contractId: id } })
    expect(proposal).toMatchObject({ status: 'PROPOSED', proposedSide: 'SELLER', amountFen: 600000000n })
    expect(await prisma.notification.count({ where: { kind: 'amendmentProposed' } })).toBe(1)
    const early = (await step(id, p.bureau, { intent: 'registerAmendment', amendmentId: proposal.id })) as {
      data: { errors: Record<string, string[]> }
    }
    expect(early.data.errors.statusChange).toEqual(['errors.contract.stepNotAllowed'])
    expect(await figure()).toBe(120000050n)
    await step(id, p.buyer, { intent: 'confirmAmendment', amendmentId: proposal.id })
    expect(await prisma.notification.count({ where: { kind: 'amendmentAwaitingRegistration' } })).toBe(1)
    await step(id, p.bureau, { intent: 'registerAmendment', amendmentId: proposal.id })
    expect((await prisma.contractAmendment.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe('REGISTERED')
    const amended = await prisma.contract.findUniqueOrThrow({ where: { id }, include: { revisions: true } })
    expect(amended).toMatchObject({ status: 'AMENDED', version: 2, amountFen: 600000000n, needsExpertReview: true })
    expect(amended.revisions).toMatchObject([
      { version: 1, reason: '增加第二期开发内容', snapshot: { amountFen: '120000050' } },
    ])
    expect(await figure()).toBe(600000000n)

    await step(id, p.bureau, { intent: 'terminate', reason: '双方协商解除' })
    expect(await figure()).toBe(0n)
    const page = await pageLoader({ request: getRequest(`/contracts/${id}`, p.buyer), params: { id }, context: {} })
    expect(page.contract.status).toBe('TERMINATED')
    expect(page.steps).toEqual([])
  })

  it('another enterprise sees none of it (404, empty list)', async () => {
    const p = await parties()
    await postForm(newAction, '/contracts/new', form(p), p.buyer)
    const { id } = await prisma.contract.findFirstOrThrow()
    const stranger = await cookieHeader((await createUser((await createOrganization()).id, 'ENTERPRISE_ADMIN')).id)
    const page = (await pageLoader({
      request: getRequest(`/contracts/${id}`, stranger),
      params: { id },
      context: {},
    }).catch((e: Response) => e)) as Response
    expect(page.status).toBe(404)
    expect(((await step(id, stranger, { intent: 'sign' })) as Response).status).toBe(404)
    const list = await listLoader({ request: getRequest('/contracts', stranger), params: {}, context: {} })
    expect(list.contracts).toEqual([])
    const other = await createOrganization()
    const otherUser = await cookieHeader((await createUser(other.id, 'ENTERPRISE_ADMIN')).id)
    // Nor can it start a contract from someone else's introduction.
    const draft = await newLoader({
      request: getRequest(`/contracts/new?introduction=${p.intro.id}`, otherUser),
      params: {},
      context: {},
    })
    expect(draft.defaults).not.toHaveProperty('introductionId')
  })
})

describe('two-sided contracts', () => {
  type Page = Awaited<ReturnType<typeof pageLoader>>
  const page = async (id: string, cookie: string) =>
    (await pageLoader({ request: getRequest(`/contracts/${id}`, cookie), params: { id }, context: {} })) as Page
  const errorsOf = (r: unknown) => (r as { data: { errors: Record<string, string[]> } }).data.errors

  it('cannot be signed until both parties confirmed the same version; an edit asks both again', async () => {
    const p = await parties()
    await postForm(newAction, '/contracts/new', form(p), p.buyer)
    const { id } = await prisma.contract.findFirstOrThrow()
    expect((await page(id, p.buyer)).steps).toEqual(['confirm'])

    // Signing before any confirmation is refused, by step or by a forged post.
    expect(errorsOf(await step(id, p.buyer, { intent: 'sign' })).statusChange).toEqual(['errors.contract.notConfirmed'])
    await step(id, p.buyer, { intent: 'confirm', termsVersion: '1' })
    expect((await page(id, p.buyer)).steps).toEqual([])
    expect((await page(id, p.seller)).steps).toEqual(['confirm'])
    expect(errorsOf(await step(id, p.seller, { intent: 'submit' })).statusChange).toEqual([
      'errors.contract.stepNotAllowed',
    ])

    // The buyer edits 技术交易额 after confirming: both confirmations are needed again.
    await postForm(editAction, `/contracts/${id}/edit`, form(p, { techAmountYuan: '900000' }), p.buyer, id)
    const edited = await prisma.contract.findUniqueOrThrow({ where: { id } })
    expect([edited.termsVersion, edited.techAmountFen]).toEqual([2, 90000000n])
    // The seller confirming the version they saw before the edit is refused.
    expect(errorsOf(await step(id, p.seller, { intent: 'confirm', termsVersion: '1' })).statusChange).toEqual([
      'errors.contract.termsChanged',
    ])
    await step(id, p.seller, { intent: 'confirm', termsVersion: '2' })
    expect(errorsOf(await step(id, p.seller, { intent: 'sign' })).statusChange).toEqual([
      'errors.contract.notConfirmed',
    ])
    await step(id, p.buyer, { intent: 'confirm', termsVersion: '2' })
    // The signing date is one of the confirmed figures.
    expect(errorsOf(await step(id, p.seller, { intent: 'sign', signedOn: '2026-03-05' })).signedOn).toEqual([
      'errors.contract.signDateChanged',
    ])
    await step(id, p.seller, { intent: 'sign' })
    await step(id, p.seller, { intent: 'submit' })
    expect((await prisma.contract.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED')
    // The bureau hears of the submission and counts it in its header.
    expect(await prisma.notification.count({ where: { kind: 'contractAwaitingRegistration' } })).toBe(1)
    const root = await rootLoader({ request: getRequest('/', p.bureau), params: {}, context: {} })
    expect(
      (root as unknown as { data: { user: { queues: Record<string, number> } } }).data.user.queues['/contracts'],
    ).toBe(1)

    // The bureau sees who confirmed what: three confirmations, two for the version submitted.
    const seen = await page(id, p.bureau)
    expect(seen.contract.confirmations.map((c) => [c.termsVersion, c.side]).sort()).toEqual([
      [1, 'BUYER'],
      [2, 'BUYER'],
      [2, 'SELLER'],
    ])
    const digests = new Set(seen.contract.confirmations.filter((c) => c.termsVersion === 2).map((c) => c.termsDigest))
    expect(digests.size).toBe(1)
    expect(await prisma.notification.count({ where: { kind: 'contractConfirmed' } })).toBe(3)
  })

  it('settles an edit and a confirmation at once: the confirmation counts only for the version it saw, ten times', async () => {
    for (let trial = 0; trial < 10; trial++) {
      await prisma.contract.deleteMany()
      const p = await parties()
      await postForm(newAction, '/contracts/new', form(p), p.buyer)
      const { id } = await prisma.contract.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })
      await step(id, p.buyer, { intent: 'confirm', termsVersion: '1' })
      await Promise.all([
        postForm(editAction, `/contracts/${id}/edit`, form(p, { techAmountYuan: '800000' }), p.buyer, id),
        step(id, p.seller, { intent: 'confirm', termsVersion: '1' }),
      ])
      const contract = await prisma.contract.findUniqueOrThrow({ where: { id }, include: { confirmations: true } })
      expect(contract.termsVersion).toBe(2)
      // Whatever the order, nothing is confirmed for version 2, so it cannot be signed.
      expect(contract.confirmations.filter((c) => c.termsVersion === 2)).toEqual([])
      expect(errorsOf(await step(id, p.seller, { intent: 'sign' })).statusChange).toEqual([
        'errors.contract.notConfirmed',
      ])
      // The same confirmation posted twice at once is one confirmation.
      await Promise.all([
        step(id, p.seller, { intent: 'confirm', termsVersion: '2' }),
        step(id, p.seller, { intent: 'confirm', termsVersion: '2' }),
      ])
      expect(await prisma.contractConfirmation.count({ where: { contractId: id, termsVersion: 2 } })).toBe(1)
    }
  })
})
