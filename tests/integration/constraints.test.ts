import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { applyMigrations } from '../../prisma/schema-engine'
import { createOrganization } from '../support/factories'

const contract = (overrides: Record<string, unknown> = {}) => ({
  type: 'TRANSFER' as const,
  projectName: '测试合同',
  buyerName: '买方',
  buyerRegionCode: '120115',
  buyerEntityType: 'ENTERPRISE' as const,
  sellerName: '卖方',
  sellerRegionCode: '110108',
  sellerEntityType: 'UNIVERSITY' as const,
  amountFen: 100_000_00n,
  techAmountFen: 80_000_00n,
  signedOn: new Date('2022-03-01'),
  ...overrides,
})

describe('database constraints', () => {
  it('keeps money exact in fen beyond float precision', async () => {
    const amountFen = 9_007_199_254_740_993n // 2^53 + 1: a float would round it
    const row = await prisma.contract.create({ data: contract({ amountFen, techAmountFen: amountFen }) })
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: row.id } })).amountFen).toBe(amountFen)
  })

  it('refuses a technology amount above the contract amount', async () => {
    await expect(prisma.contract.create({ data: contract({ techAmountFen: 100_000_01n }) })).rejects.toThrow(
      /Contract_techAmount_le_amount/,
    )
  })

  it('refuses a malformed registration number and a registered contract without one', async () => {
    await expect(prisma.contract.create({ data: contract({ registrationNumber: '123' }) })).rejects.toThrow(
      /Contract_registrationNumber_format/,
    )
    await expect(
      prisma.contract.create({ data: contract({ status: 'REGISTERED', registeredAt: new Date() }) }),
    ).rejects.toThrow(/Contract_registered_has_number/)
  })

  it('refuses a malformed credit code even when code skips validation', async () => {
    await expect(
      prisma.organization.create({ data: { kind: 'ENTERPRISE', name: 'x', regionCode: '120115', creditCode: 'IIII' } }),
    ).rejects.toThrow(/Organization_creditCode_format/)
  })

  it('keeps match confidence between 1 and 5', async () => {
    const org = await createOrganization()
    const need = await prisma.need.create({ data: { organizationId: org.id, title: 't', summary: 's' } })
    const inst = await createOrganization('UNIVERSITY')
    const expert = await prisma.expert.create({ data: { organizationId: inst.id, name: '专家' } })
    await expect(
      prisma.match.create({
        data: { needId: need.id, target: 'EXPERT', expertId: expert.id, score: 1, confidence: 6, reasons: [] },
      }),
    ).rejects.toThrow(/Match_confidence_range/)
  })

  it('applies nothing on a second migration run', async () => {
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([])
  })
})
