import { describe, expect, it } from 'vitest'
import { action as contractAction, loader as contractLoader } from '~/routes/contracts_.$id'
import { prisma } from '~/utils/db.server'
import {
  cookieHeader,
  createOrganization,
  createUser,
  getRequest,
  postForm,
  validCreditCode,
} from '../support/factories'
import { dataOf, run, statusOf } from '../support/route-calls'

/** A registered contract whose buyer came from the registry as a name only. */
async function unlinkedContract() {
  const seller = await createOrganization('UNIVERSITY', `卖方大学${Math.random().toString(36).slice(2, 6)}`)
  const contract = await prisma.contract.create({
    data: {
      type: 'SERVICE',
      projectName: '焊缝检测服务',
      status: 'REGISTERED',
      registrationNumber: `12011500${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      registeredAt: new Date('2026-06-01T02:00:00Z'),
      buyerName: '天津恒信重工机械有限公司',
      buyerRegionCode: '120115',
      buyerEntityType: 'ENTERPRISE',
      sellerOrgId: seller.id,
      sellerName: seller.name,
      sellerRegionCode: '120104',
      sellerEntityType: 'UNIVERSITY',
      amountFen: 50_000_00n,
      techAmountFen: 50_000_00n,
      signedOn: new Date('2026-05-20'),
    },
  })
  return { contract, seller }
}

const link = (id: string, cookie: string, side: string, creditCode: string) =>
  postForm(contractAction, `/contracts/${id}`, { intent: 'linkParty', side, creditCode }, cookie, id)

describe('linking a party known by name only', () => {
  it('lets bureau staff link it by credit code, audited and announced; nobody else may', async () => {
    const { contract, seller } = await unlinkedContract()
    const buyer = await createOrganization('ENTERPRISE', '天津恒信重工机械有限公司')
    const buyerUser = await createUser(buyer.id, 'ENTERPRISE_ADMIN')
    const bureau = await cookieHeader((await createUser((await createOrganization('BUREAU')).id, 'BUREAU_STAFF')).id)
    const sellerCookie = await cookieHeader((await createUser(seller.id, 'TTO_ADMIN')).id)
    const page = (cookie: string) =>
      run(contractLoader, getRequest(`/contracts/${contract.id}`, cookie), { id: contract.id })

    // Before: the namesake enterprise does not see the contract; the seller cannot link.
    expect(statusOf(await page(await cookieHeader(buyerUser.id)))).toBe(404)
    expect(dataOf<{ canLink: boolean }>(await page(sellerCookie)).canLink).toBe(false)
    expect(statusOf(await link(contract.id, sellerCookie, 'BUYER', buyer.creditCode!))).toBe(404)
    expect(dataOf<{ canLink: boolean }>(await page(bureau)).canLink).toBe(true)

    // Bad input answers by field and links nothing.
    const invalid = await link(contract.id, bureau, 'BUYER', '123')
    expect(statusOf(invalid)).toBe(400)
    expect(dataOf<{ errors: Record<string, string[]> }>(invalid).errors.creditCode).toContain(
      'errors.creditCode.length',
    )
    const unknown = await link(contract.id, bureau, 'BUYER', validCreditCode())
    expect(dataOf<{ errors: Record<string, string[]> }>(unknown).errors.linkBUYER).toEqual([
      'errors.contract.partyUnknown',
    ])
    const same = await link(contract.id, bureau, 'BUYER', seller.creditCode!)
    expect(dataOf<{ errors: Record<string, string[]> }>(same).errors.linkBUYER).toEqual(['errors.contract.partySame'])
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).buyerOrgId).toBeNull()

    expect(statusOf(await link(contract.id, bureau, 'BUYER', buyer.creditCode!))).toBe(200)
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).buyerOrgId).toBe(buyer.id)
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: 'contract.linkParty' } })).toMatchObject({
      entityId: contract.id,
      data: expect.objectContaining({
        side: 'BUYER',
        organizationId: buyer.id,
        nameOnContract: '天津恒信重工机械有限公司',
      }),
    })
    expect(await prisma.notification.count({ where: { userId: buyerUser.id, kind: 'contractLinked' } })).toBe(1)
    // Now a party: the enterprise reads the contract; a second link is refused.
    expect(statusOf(await page(await cookieHeader(buyerUser.id)))).toBe(200)
    const again = await link(contract.id, bureau, 'BUYER', buyer.creditCode!)
    expect(dataOf<{ errors: Record<string, string[]> }>(again).errors.linkBUYER).toEqual([
      'errors.contract.partyLinked',
    ])
  })

  it('links once when two staff link the same party to different organizations at once, ten times over', async () => {
    const staff = await createOrganization('BUREAU')
    const [a, b] = [
      await cookieHeader((await createUser(staff.id, 'BUREAU_STAFF')).id),
      await cookieHeader((await createUser(staff.id, 'BUREAU_STAFF')).id),
    ]
    for (let trial = 0; trial < 10; trial++) {
      const { contract } = await unlinkedContract()
      const [one, two] = [await createOrganization('ENTERPRISE'), await createOrganization('ENTERPRISE')]
      const answers = await Promise.all([
        link(contract.id, a, 'BUYER', one.creditCode!),
        link(contract.id, b, 'BUYER', two.creditCode!),
      ])
      expect(answers.map(statusOf).sort()).toEqual([200, 409])
      const linked = (await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).buyerOrgId
      expect([one.id, two.id]).toContain(linked)
      expect(await prisma.auditLog.count({ where: { action: 'contract.linkParty', entityId: contract.id } })).toBe(1)
    }
  })
})
