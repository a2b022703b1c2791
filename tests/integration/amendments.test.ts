import { describe, expect, it } from 'vitest'
import { loader as pageLoader } from '~/routes/contracts_.$id'
import { prisma } from '~/utils/db.server'
import { errorsOf, form, parties, step } from '../support/contract-parties'
import { getRequest, postForm } from '../support/factories'
import { action as newAction } from '~/routes/contracts_.new'

/** A contract both parties confirmed and the bureau registered. */
async function registered(serial: number) {
  const p = await parties()
  await postForm(newAction, '/contracts/new', form(p), p.buyer)
  const { id } = await prisma.contract.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })
  await step(id, p.buyer, { intent: 'confirm', termsVersion: '1' })
  await step(id, p.seller, { intent: 'confirm', termsVersion: '1' })
  await step(id, p.buyer, { intent: 'sign' })
  await step(id, p.seller, { intent: 'submit' })
  await step(id, p.bureau, {
    intent: 'register',
    registrationNumber: `2026110108${String(serial).padStart(6, '0')}`,
  })
  return { p, id }
}

const figures = { amountYuan: '1500000', techAmountYuan: '1200000', reason: '增加第二期开发内容' }

describe('amendments after registration', () => {
  it('shows the open amendment to both parties with who confirmed it, and offers each the right step', async () => {
    const { p, id } = await registered(1)
    await step(id, p.buyer, { intent: 'proposeAmendment', ...figures })
    const view = async (cookie: string) =>
      pageLoader({ request: getRequest(`/contracts/${id}`, cookie), params: { id }, context: {} })
    const buyer = await view(p.buyer)
    expect(buyer.contract.amendments).toMatchObject([
      { status: 'PROPOSED', proposedSide: 'BUYER', amountFen: '150000000' },
    ])
    expect(buyer.contract.amendments[0].buyerConfirmedAt).not.toBeNull()
    expect(buyer.steps).toEqual(['withdrawAmendment'])
    expect((await view(p.seller)).steps).toEqual(['confirmAmendment', 'withdrawAmendment'])
    expect((await view(p.bureau)).steps).toEqual(['terminate'])
    // A second proposal while one is open is refused, and a bad figure is named.
    expect(errorsOf(await step(id, p.seller, { intent: 'proposeAmendment', ...figures })).statusChange).toEqual([
      'errors.contract.stepNotAllowed',
    ])
    const { id: amendmentId } = await prisma.contractAmendment.findFirstOrThrow({ where: { contractId: id } })
    // The seller declines by withdrawing; nothing changed on the contract.
    await step(id, p.seller, { intent: 'withdrawAmendment', amendmentId })
    expect(await prisma.contractAmendment.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({
      status: 'WITHDRAWN',
    })
    expect(await prisma.contract.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 1,
      amountFen: 120000050n,
    })
    expect(
      errorsOf(await step(id, p.buyer, { intent: 'proposeAmendment', ...figures, techAmountYuan: '1600000' }))
        .techAmountYuan,
    ).toEqual(['errors.contract.techAboveAmount'])
  })

  it('settles two proposals, a confirmation against a withdrawal, and a double registration at once, ten times', async () => {
    for (let trial = 0; trial < 10; trial++) {
      await prisma.contract.deleteMany()
      const { p, id } = await registered(trial + 10)
      // Both parties propose at once: one amendment is open, the other proposal is refused.
      await Promise.all([
        step(id, p.buyer, { intent: 'proposeAmendment', ...figures }),
        step(id, p.seller, { intent: 'proposeAmendment', ...figures, amountYuan: '1400000' }),
      ])
      const open = await prisma.contractAmendment.findMany({ where: { contractId: id, status: 'PROPOSED' } })
      expect(open).toHaveLength(1)
      const other = open[0].proposedSide === 'BUYER' ? p.seller : p.buyer
      const proposer = open[0].proposedSide === 'BUYER' ? p.buyer : p.seller
      // The other side confirms while the proposer withdraws: either it is withdrawn, or it is
      // confirmed by both and still open; never registered, never both.
      await Promise.all([
        step(id, other, { intent: 'confirmAmendment', amendmentId: open[0].id }),
        step(id, proposer, { intent: 'withdrawAmendment', amendmentId: open[0].id }),
      ])
      const after = await prisma.contractAmendment.findUniqueOrThrow({ where: { id: open[0].id } })
      expect(['WITHDRAWN', 'PROPOSED']).toContain(after.status)
      let amendmentId = after.id
      if (after.status === 'WITHDRAWN') {
        await step(id, p.seller, { intent: 'proposeAmendment', ...figures })
        amendmentId = (
          await prisma.contractAmendment.findFirstOrThrow({ where: { contractId: id, status: 'PROPOSED' } })
        ).id
        await step(id, p.buyer, { intent: 'confirmAmendment', amendmentId })
      }
      // The bureau registers it twice at once: one new version, one revision.
      await Promise.all([
        step(id, p.bureau, { intent: 'registerAmendment', amendmentId }),
        step(id, p.bureau, { intent: 'registerAmendment', amendmentId }),
      ])
      const contract = await prisma.contract.findUniqueOrThrow({ where: { id }, include: { revisions: true } })
      expect(contract.version).toBe(2)
      expect(contract.revisions).toHaveLength(1)
      expect(contract.status).toBe('AMENDED')
      const registeredAmendment = await prisma.contractAmendment.findUniqueOrThrow({ where: { id: amendmentId } })
      expect(registeredAmendment.status).toBe('REGISTERED')
      expect(contract.amountFen).toBe(registeredAmendment.amountFen)
    }
  })

  it('lets the bureau register a change directly when a party is not on the platform', async () => {
    const { p, id } = await registered(99)
    await prisma.contract.update({ where: { id }, data: { sellerOrgId: null } })
    expect(errorsOf(await step(id, p.buyer, { intent: 'proposeAmendment', ...figures })).statusChange).toEqual([
      'errors.contract.stepNotAllowed',
    ])
    await step(id, p.bureau, { intent: 'amend', ...figures })
    expect(await prisma.contract.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'AMENDED',
      version: 2,
      amountFen: 150000000n,
    })
  })
})
