import { describe, expect, it } from 'vitest'
import { importTable } from '~/imports/importer.server'
import { action as newAction } from '~/routes/contracts_.new'
import { prisma } from '~/utils/db.server'
import { bookConsultation, confirmConsultationTransfer } from '~/payments/consultations.server'
import { form, parties } from '../support/contract-parties'
import { createUser, postForm, validCreditCode } from '../support/factories'

/**
 * One attribution rule whatever path writes a contract (issue 13): 输出 counts toward the seller's
 * town, 吸纳 the buyer's, 输出+吸纳 the seller's when the seller is in Baodi.
 */
const rollup = () =>
  prisma.$queryRaw<Array<{ side: string; areaId: string; inZone: boolean; contracts: number }>>`
    SELECT "side", "areaId", "inZone", sum("contracts")::int AS contracts FROM "ContractRollup"
    WHERE "dim" = 'all' AND "contracts" <> 0 GROUP BY 1, 2, 3 ORDER BY 1, 2`

describe('which town a contract counts toward', () => {
  it('is the same through the form, the import, a paid consultation and a direct write when both parties are in Baodi', async () => {
    const p = await parties()
    const towns = await prisma.area.findMany({ orderBy: { code: 'asc' }, take: 2 })
    // The seller is a Baodi enterprise in the second town, inside the development zone.
    const seller = await prisma.organization.create({
      data: {
        kind: 'ENTERPRISE',
        name: '宝坻精工科技有限公司',
        creditCode: validCreditCode(),
        regionCode: '120115',
        areaId: towns[1].id,
        inDevelopmentZone: true,
        verification: 'APPROVED',
      },
    })
    expect(p.enterprise.areaId).toBe(towns[0].id)
    const expected = [
      { side: 'BOTH', areaId: towns[1].id, inZone: true },
      { side: 'INFLOW', areaId: towns[0].id, inZone: false },
      { side: 'OUTFLOW', areaId: towns[1].id, inZone: true },
    ]
    const register = (id: string, n: number) =>
      prisma.contract.update({
        where: { id },
        data: {
          status: 'REGISTERED',
          registrationNumber: `202612011500000${n}`,
          registeredAt: new Date('2026-03-20T02:00:00Z'),
        },
      })

    // 1. The contract form (the buyer drafts it with the seller's credit code).
    await postForm(
      newAction,
      '/contracts/new',
      form(p, {
        sellerName: seller.name,
        sellerCreditCode: seller.creditCode!,
        sellerRegionCode: '120115',
        sellerEntityType: 'ENTERPRISE',
      }),
      p.buyer,
    )
    const drafted = await prisma.contract.findFirstOrThrow()
    expect(drafted).toMatchObject({ sellerAreaId: towns[1].id, buyerAreaId: towns[0].id, areaId: towns[1].id })
    await register(drafted.id, 1)
    expect((await rollup()).map(({ contracts: _, ...r }) => r)).toEqual(expected)
    await prisma.contract.deleteMany()

    // 2. The import (the registry's row, as accepted on the reconciliation page).
    const row = {
      合同登记编号: '2026120115000002',
      合同类型: '技术开发（委托）',
      项目名称: '焊缝在线检测系统开发',
      买方: p.enterprise.name,
      买方信用代码: p.enterprise.creditCode,
      买方地区: '120115',
      卖方: seller.name,
      卖方信用代码: seller.creditCode,
      卖方地区: '120115',
      '成交额（元）': '1200000.50',
      签订日期: '2026-03-01',
      登记日期: '2026-03-20',
    }
    const report = await importTable(
      prisma,
      'contracts',
      { rows: [row], rowNumbers: [2], headers: Object.keys(row) },
      { fileName: 'registry.csv', dryRun: false },
    )
    expect(report.errors).toEqual([])
    expect((await rollup()).map(({ contracts: _, ...r }) => r)).toEqual(expected)
    await prisma.contract.deleteMany()

    // 3. A paid consultation: the enterprise books the seller's expert, the seller confirms the
    // bank transfer, and the 技术咨询 contract it records is registered.
    const expert = await prisma.expert.create({
      data: {
        organizationId: seller.id,
        name: '孙工',
        status: 'PUBLISHED',
        consultationFeeFen: 150_000n,
        consultationMinutes: 60,
      },
    })
    const enterpriseUser = await createUser(p.enterprise.id, 'ENTERPRISE_ADMIN')
    const sellerUser = await createUser(seller.id, 'ENTERPRISE_ADMIN')
    const booked = await bookConsultation(
      { userId: enterpriseUser.id, organizationId: p.enterprise.id },
      expert.id,
      // Monday 10:00 in Beijing, booked at 08:00 the same morning.
      { startsAt: new Date('2026-03-02T02:00:00Z'), topic: '焊缝检测方案咨询' },
      'http://localhost',
      new Date('2026-03-02T00:00:00Z'),
    )
    expect(booked).toMatchObject({ ok: true })
    const consultationId = booked.ok ? booked.id : ''
    expect(
      await confirmConsultationTransfer({ userId: sellerUser.id, organizationId: seller.id }, consultationId, 'B-1'),
    ).toBe(true)
    const consulted = await prisma.contract.findFirstOrThrow()
    expect(consulted).toMatchObject({ type: 'CONSULTING', sellerOrgId: seller.id, buyerOrgId: p.enterprise.id })
    await register(consulted.id, 4)
    expect((await rollup()).map(({ contracts: _, ...r }) => r)).toEqual(expected)
    await prisma.payment.deleteMany()
    await prisma.consultation.deleteMany()
    await prisma.contract.deleteMany()

    // 4. A direct write (the seed's path), even one that names the buyer's town.
    await prisma.contract.create({
      data: {
        type: 'SERVICE',
        projectName: '直接写入',
        status: 'REGISTERED',
        registrationNumber: '2026120115000003',
        registeredAt: new Date('2026-03-20T02:00:00Z'),
        buyerOrgId: p.enterprise.id,
        buyerName: p.enterprise.name,
        buyerRegionCode: '120115',
        buyerEntityType: 'ENTERPRISE',
        sellerOrgId: seller.id,
        sellerName: seller.name,
        sellerRegionCode: '120115',
        sellerEntityType: 'ENTERPRISE',
        amountFen: 100n,
        techAmountFen: 100n,
        signedOn: new Date('2026-03-01'),
        areaId: towns[0].id,
      },
    })
    expect((await rollup()).map(({ contracts: _, ...r }) => r)).toEqual(expected)
    const kept = await rollup()
    await prisma.$executeRaw`SELECT contract_rollup_rebuild()`
    expect(await rollup()).toEqual(kept)
  })
})
