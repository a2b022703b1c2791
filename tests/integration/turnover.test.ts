import { beforeEach, describe, expect, it } from 'vitest'
import type { Prisma } from '~/generated/prisma/client'
import { drillDown } from '~/contracts/drill-down.server'
import { getDashboard } from '~/contracts/turnover.server'
import { type TurnoverFilter } from '~/contracts/turnover-query.server'
import { prisma } from '~/utils/db.server'

/**
 * A fixed set of contracts whose figures were worked out by hand (in fen): registered, amended,
 * terminated, pipeline, with no Baodi party, and from another year.
 */
const NOW = new Date('2026-06-15T08:00:00Z')
let a1 = ''
let a2 = ''

function contract(overrides: Partial<Prisma.ContractUncheckedCreateInput>): Prisma.ContractUncheckedCreateInput {
  return {
    type: 'DEVELOPMENT_COMMISSIONED',
    projectName: '测试合同',
    status: 'REGISTERED',
    buyerName: '买方',
    buyerRegionCode: '120115',
    buyerEntityType: 'ENTERPRISE',
    sellerName: '卖方',
    sellerRegionCode: '110108',
    sellerEntityType: 'UNIVERSITY',
    amountFen: 0n,
    techAmountFen: 0n,
    signedOn: new Date('2025-03-10'),
    ...overrides,
    // Registered contracts carry their registration date (here the signing day unless given)
    // and their 16-digit registration number.
    registeredAt:
      overrides.registeredAt ??
      (['REGISTERED', 'AMENDED', 'TERMINATED'].includes(overrides.status ?? 'REGISTERED')
        ? (overrides.signedOn ?? new Date('2025-03-10'))
        : null),
    registrationNumber: ['REGISTERED', 'AMENDED', 'TERMINATED'].includes(overrides.status ?? 'REGISTERED')
      ? `2025120115${String(++serial).padStart(6, '0')}`
      : null,
  }
}
let serial = 0

beforeEach(async () => {
  const areas = await prisma.area.findMany({ orderBy: { code: 'asc' }, take: 2 })
  a1 = areas[0].id
  a2 = areas[1].id
  await prisma.contract.createMany({
    data: [
      contract({
        id: 'c1',
        sellerName: '北京大学',
        buyerName: '宝坻甲',
        areaId: a1,
        amountFen: 100000001n,
        techAmountFen: 80000000n,
      }),
      contract({
        id: 'c2',
        type: 'TRANSFER',
        sellerName: '宝坻乙',
        sellerRegionCode: '120115',
        buyerName: '石家庄丙',
        buyerRegionCode: '130100',
        areaId: a2,
        inDevelopmentZone: true,
        amountFen: 50000000n,
        techAmountFen: 50000000n,
        signedOn: new Date('2025-06-01'),
      }),
      contract({
        id: 'c3',
        type: 'SERVICE',
        status: 'AMENDED',
        version: 2,
        sellerName: '宝坻丁',
        sellerRegionCode: '120115',
        buyerName: '宝坻甲',
        areaId: a1,
        amountFen: 2000050n,
        techAmountFen: 1000000n,
        signedOn: new Date('2025-09-30'),
      }),
      contract({
        id: 'c4',
        type: 'CONSULTING',
        status: 'TERMINATED',
        sellerRegionCode: '120101',
        areaId: a2,
        amountFen: 3000000n,
        techAmountFen: 3000000n,
      }),
      contract({
        id: 'c5',
        type: 'LICENSE',
        status: 'SIGNED',
        areaId: a1,
        amountFen: 7000000n,
        techAmountFen: 7000000n,
        signedOn: new Date('2025-11-02'),
      }),
      contract({
        id: 'c6',
        sellerRegionCode: '310000',
        buyerRegionCode: '110105',
        amountFen: 9900000000n,
        techAmountFen: 1n,
      }),
      contract({ id: 'c7', areaId: a1, amountFen: 123n, techAmountFen: 100n, signedOn: new Date('2024-12-31') }),
    ],
  })
})

const filter = (overrides: Partial<TurnoverFilter> = {}): TurnoverFilter => ({
  year: 2025,
  basis: 'BOTH',
  scope: { kind: 'district' },
  ...overrides,
})

const amounts = (rows: Array<{ key: string; amountFen: bigint }>) =>
  Object.fromEntries(rows.map((r) => [r.key, r.amountFen]))

describe('turnover figures against hand-computed totals', () => {
  it('counts registered and amended contracts once on BOTH, by side on 输出 and 吸纳, exact to the fen', async () => {
    const both = await getDashboard(filter(), NOW)
    expect(both.total).toEqual({ contracts: 3, amountFen: 152000051n, techAmountFen: 131000000n })
    expect(both.pipeline).toEqual({ contracts: 1, amountFen: 7000000n, techAmountFen: 7000000n })
    expect((await getDashboard(filter({ basis: 'OUTFLOW' }), NOW)).total).toEqual({
      contracts: 2,
      amountFen: 52000050n,
      techAmountFen: 51000000n,
    })
    expect((await getDashboard(filter({ basis: 'INFLOW' }), NOW)).total).toEqual({
      contracts: 2,
      amountFen: 102000051n,
      techAmountFen: 81000000n,
    })
  })

  it('breaks down by town, zone, counterpart region, type and month', async () => {
    const both = await getDashboard(filter(), NOW)
    const by = (dim: string) => amounts(both.breakdowns.find((b) => b.dim === dim)!.rows)
    expect(by('counterpart')).toEqual({ BEIJING: 100000001n, HEBEI: 50000000n, BAODI: 2000050n })
    expect(by('type')).toEqual({ DEVELOPMENT_COMMISSIONED: 100000001n, TRANSFER: 50000000n, SERVICE: 2000050n })
    expect(by('area')).toEqual({ [a1]: 102000051n, [a2]: 50000000n })
    expect(both.monthly.filter((m) => m.counted.contracts).map((m) => [m.month, m.counted.amountFen])).toEqual([
      [3, 100000001n],
      [6, 50000000n],
      [9, 2000050n],
    ])
    expect((await getDashboard(filter({ scope: { kind: 'area', areaId: a1 } }), NOW)).total.amountFen).toBe(102000051n)
    expect((await getDashboard(filter({ scope: { kind: 'zone' } }), NOW)).total.amountFen).toBe(50000000n)
  })

  it('follows amendments and terminations, and the trigger agrees with a full rebuild', async () => {
    await prisma.contract.update({ where: { id: 'c3' }, data: { amountFen: 3000050n, version: 3 } })
    await prisma.contract.update({ where: { id: 'c2' }, data: { status: 'TERMINATED' } })
    await prisma.contract.update({
      where: { id: 'c5' },
      data: {
        status: 'REGISTERED',
        registrationNumber: '2025120115999999',
        registeredAt: new Date('2025-11-20T02:00:00Z'),
      },
    })
    const both = await getDashboard(filter(), NOW)
    expect(both.total).toEqual({ contracts: 3, amountFen: 100000001n + 3000050n + 7000000n, techAmountFen: 88000000n })
    expect(both.pipeline.contracts).toBe(0)
    const snapshot = () =>
      prisma.$queryRaw<unknown[]>`SELECT * FROM "ContractRollup" WHERE "contracts" <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`
    const kept = await snapshot()
    await prisma.$executeRaw`SELECT contract_rollup_rebuild()`
    expect(await snapshot()).toEqual(kept)
  })

  it('drills into a figure: the contracts behind it add up to it', async () => {
    const drill = await drillDown(filter(), { dim: 'counterpart', key: 'BEIJING' }, 1, NOW)
    expect(drill.rows.map((r) => r.id)).toEqual(['c1'])
    expect(drill.total).toEqual({ contracts: 1, amountFen: 100000001n, techAmountFen: 80000000n })
    const all = await drillDown(filter({ basis: 'OUTFLOW' }), {}, 1, NOW)
    expect(all.rows.map((r) => r.id).sort()).toEqual(['c2', 'c3'])
    for (const [dim, key] of [
      ['type', 'SERVICE'],
      ['month', '6'],
      ['area', a1],
      ['field', ''],
    ] as const) {
      const d = await drillDown(filter(), { dim, key }, 1, NOW)
      expect(d.total.amountFen, `${dim}=${key}`).toBe(d.rows.reduce((s, r) => s + r.amountFen, 0n))
      expect(d.total.contracts).toBe(d.rows.length)
    }
    const pipeline = await drillDown(filter(), { bucket: 'PIPELINE' }, 1, NOW)
    expect(pipeline.rows.map((r) => r.id)).toEqual(['c5'])
  })

  it('in the current year counts up to today, with the pace line and a forecast', async () => {
    await prisma.target.create({
      data: { metric: 'CONTRACT_AMOUNT', year: 2026, scope: 'DISTRICT', value: '1200000000', basis: 'BOTH' },
    })
    await prisma.contract.createMany({
      data: [
        contract({ id: 'n1', amountFen: 1000n, techAmountFen: 1000n, signedOn: new Date('2026-02-01') }),
        contract({ id: 'n2', amountFen: 5000n, techAmountFen: 5000n, signedOn: new Date('2026-09-01') }),
      ],
    })
    const d = await getDashboard(filter({ year: 2026 }), NOW)
    expect(d.total.amountFen).toBe(1000n)
    // Mid-June (16:00 in Beijing): about 45 % of the year has gone.
    expect(Number(d.paceFen) / 1200000000).toBeCloseTo(0.4539, 3)
    expect(d.forecastFen).toBeGreaterThanOrEqual(d.total.amountFen)
  })
})
