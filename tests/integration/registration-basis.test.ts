import { describe, expect, it } from 'vitest'
import type { Prisma } from '~/generated/prisma/client'
import { drillDown } from '~/contracts/drill-down.server'
import { getDashboard } from '~/contracts/turnover.server'
import { type TurnoverFilter } from '~/contracts/turnover-query.server'
import { prisma } from '~/utils/db.server'

/**
 * Figures on the registration basis (ADR 006): a registered contract counts in the month of its
 * registration in Beijing; the pipeline by its signing date; an amendment changes the figure of
 * the registration's period, a termination removes the contract from it.
 */
let serial = 0
function contract(overrides: Partial<Prisma.ContractUncheckedCreateInput>): Prisma.ContractUncheckedCreateInput {
  const registered = ['REGISTERED', 'AMENDED', 'TERMINATED'].includes(overrides.status ?? 'REGISTERED')
  return {
    type: 'DEVELOPMENT_COMMISSIONED',
    projectName: '登记口径测试合同',
    status: 'REGISTERED',
    buyerName: '宝坻企业',
    buyerRegionCode: '120115',
    buyerEntityType: 'ENTERPRISE',
    sellerName: '北京高校',
    sellerRegionCode: '110108',
    sellerEntityType: 'UNIVERSITY',
    amountFen: 0n,
    techAmountFen: 0n,
    signedOn: new Date('2025-12-20'),
    registrationNumber: registered ? `2026120115${String(++serial).padStart(6, '0')}` : null,
    ...overrides,
  }
}

const filter = (year: number): TurnoverFilter => ({ year, basis: 'BOTH', scope: { kind: 'district' } })
const LATER = new Date('2027-03-01T00:00:00Z')
const month = async (year: number, m: number) => (await getDashboard(filter(year), LATER)).monthly[m - 1]

describe('figures on the registration basis', () => {
  it('counts a contract signed on 20 December and registered on 5 January in January, and in December’s pipeline before', async () => {
    await prisma.contract.create({
      data: contract({ id: 'x1', status: 'SUBMITTED', amountFen: 300_000_00n, techAmountFen: 250_000_00n }),
    })
    expect((await month(2025, 12)).pipeline).toEqual({
      contracts: 1,
      amountFen: 300_000_00n,
      techAmountFen: 250_000_00n,
    })
    expect((await getDashboard(filter(2026), LATER)).total.contracts).toBe(0)

    // Registered at 09:30 on 5 January in Beijing (01:30 UTC).
    await prisma.contract.update({
      where: { id: 'x1' },
      data: {
        status: 'REGISTERED',
        registrationNumber: '2026120115000999',
        registeredAt: new Date('2026-01-05T01:30:00Z'),
      },
    })
    expect((await month(2025, 12)).pipeline.contracts).toBe(0)
    expect((await getDashboard(filter(2025), LATER)).total.contracts).toBe(0)
    const year = await getDashboard(filter(2026), LATER)
    expect(year.total).toEqual({ contracts: 1, amountFen: 300_000_00n, techAmountFen: 250_000_00n })
    expect(year.monthly[0].counted.amountFen).toBe(300_000_00n)
    const drill = await drillDown(filter(2026), { dim: 'month', key: '1' }, 1, LATER)
    expect(drill.rows.map((r) => r.id)).toEqual(['x1'])
    expect(drill.total).toEqual(year.total)
  })

  it('dates a registration by Beijing’s calendar: 23:30 UTC on 31 January is 1 February', async () => {
    await prisma.contract.create({
      data: contract({
        id: 'x2',
        amountFen: 100n,
        techAmountFen: 100n,
        registeredAt: new Date('2026-01-31T23:30:00Z'),
      }),
    })
    expect((await month(2026, 1)).counted.contracts).toBe(0)
    expect((await month(2026, 2)).counted).toEqual({ contracts: 1, amountFen: 100n, techAmountFen: 100n })
    const drill = await drillDown(filter(2026), { dim: 'month', key: '2' }, 1, LATER)
    expect(drill.rows.map((r) => r.id)).toEqual(['x2'])
    expect(drill.total.amountFen).toBe(100n)
  })

  it('moves an amendment’s difference into the registration’s period and takes a termination out of it', async () => {
    await prisma.contract.createMany({
      data: [
        contract({
          id: 'a1',
          amountFen: 1_000_000n,
          techAmountFen: 800_000n,
          registeredAt: new Date('2026-03-10T02:00:00Z'),
        }),
        contract({
          id: 'a2',
          amountFen: 500_000n,
          techAmountFen: 500_000n,
          registeredAt: new Date('2026-03-12T02:00:00Z'),
        }),
        contract({
          id: 'a3',
          amountFen: 70_000n,
          techAmountFen: 70_000n,
          registeredAt: new Date('2026-04-01T02:00:00Z'),
        }),
      ],
    })
    // In 2027 the first is amended (1,000,000 → 1,200,000 fen) and the second terminated.
    await prisma.contract.update({
      where: { id: 'a1' },
      data: { status: 'AMENDED', amountFen: 1_200_000n, techAmountFen: 900_000n, version: 2 },
    })
    await prisma.contract.update({
      where: { id: 'a2' },
      data: { status: 'TERMINATED', terminatedAt: new Date('2027-02-01T02:00:00Z') },
    })
    // By hand: March 2026 holds a1 at its amended figures; a2 is gone; April keeps a3; 2027 has nothing.
    expect((await month(2026, 3)).counted).toEqual({ contracts: 1, amountFen: 1_200_000n, techAmountFen: 900_000n })
    expect((await month(2026, 4)).counted).toEqual({ contracts: 1, amountFen: 70_000n, techAmountFen: 70_000n })
    expect((await getDashboard(filter(2026), LATER)).total).toEqual({
      contracts: 2,
      amountFen: 1_270_000n,
      techAmountFen: 970_000n,
    })
    expect((await getDashboard(filter(2027), LATER)).total.contracts).toBe(0)
    const kept = await prisma.$queryRaw<
      unknown[]
    >`SELECT * FROM "ContractRollup" WHERE "contracts" <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`
    await prisma.$executeRaw`SELECT contract_rollup_rebuild()`
    expect(
      await prisma.$queryRaw<
        unknown[]
      >`SELECT * FROM "ContractRollup" WHERE "contracts" <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
    ).toEqual(kept)
  })

  it('measures a target set on the signing date against the contracts signed in its year', async () => {
    await prisma.contract.createMany({
      data: [
        // Signed in 2025, registered in 2026: the registry's 2026, the signing basis's 2025.
        contract({
          id: 's1',
          amountFen: 4_000n,
          techAmountFen: 4_000n,
          registeredAt: new Date('2026-01-05T02:00:00Z'),
        }),
        contract({
          id: 's2',
          amountFen: 6_000n,
          techAmountFen: 6_000n,
          signedOn: new Date('2026-02-01'),
          registeredAt: new Date('2026-02-10T02:00:00Z'),
        }),
      ],
    })
    await prisma.target.create({
      data: { metric: 'CONTRACT_AMOUNT', year: 2026, scope: 'DISTRICT', value: '100000', dateBasis: 'SIGNING' },
    })
    const d = await getDashboard(filter(2026), LATER)
    expect(d.total.amountFen).toBe(10_000n)
    expect(d.target).toMatchObject({ amountFen: 100_000n, dateBasis: 'SIGNING' })
    expect(d.targetActual.amountFen).toBe(6_000n)
    await prisma.target.updateMany({ data: { dateBasis: 'REGISTRATION' } })
    expect((await getDashboard(filter(2026), LATER)).targetActual.amountFen).toBe(10_000n)
  })

  it('refuses a registered contract without its registration date', async () => {
    await expect(prisma.contract.create({ data: contract({ id: 'r0', registeredAt: null }) })).rejects.toThrow(
      /Contract_registered_date/,
    )
  })
})
