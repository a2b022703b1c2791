import { Prisma } from '~/generated/prisma/client'
import type { CountingBasis } from '~/generated/prisma/enums'
import { BAODI_REGION_CODE } from '~/data/regions'
import { prisma } from '~/utils/db.server'

/** Registered contracts (and their current amended versions) are what the statistics count. */
export const COUNTED_STATUSES = ['REGISTERED', 'AMENDED'] as const

/** 输出 counts contracts whose seller is in Baodi, 吸纳 those whose buyer is; both, either side. */
export function basisCondition(basis: CountingBasis) {
  const code = BAODI_REGION_CODE
  if (basis === 'OUTFLOW') return Prisma.sql`"sellerRegionCode" = ${code}`
  if (basis === 'INFLOW') return Prisma.sql`"buyerRegionCode" = ${code}`
  return Prisma.sql`("sellerRegionCode" = ${code} OR "buyerRegionCode" = ${code})`
}

export interface TurnoverSummary {
  year: number
  basis: CountingBasis
  contracts: number
  amountFen: bigint
  techAmountFen: bigint
  targetFen: bigint | null
  byArea: Array<{ areaId: string | null; contracts: number; amountFen: bigint }>
}

export async function getTurnoverSummary(year: number, basis: CountingBasis): Promise<TurnoverSummary> {
  const from = new Date(Date.UTC(year, 0, 1))
  const to = new Date(Date.UTC(year + 1, 0, 1))
  const where = Prisma.sql`"status"::text IN (${Prisma.join(COUNTED_STATUSES)})
    AND "signedOn" >= ${from} AND "signedOn" < ${to} AND ${basisCondition(basis)}`
  const [totals, byArea, target] = await Promise.all([
    prisma.$queryRaw<Array<{ contracts: bigint; amount: bigint | null; tech: bigint | null }>>`
      SELECT count(*) AS contracts, sum("amountFen")::bigint AS amount, sum("techAmountFen")::bigint AS tech
      FROM "Contract" WHERE ${where}`,
    prisma.$queryRaw<Array<{ areaId: string | null; contracts: bigint; amount: bigint }>>`
      SELECT "areaId", count(*) AS contracts, sum("amountFen")::bigint AS amount
      FROM "Contract" WHERE ${where} GROUP BY "areaId" ORDER BY amount DESC`,
    prisma.target.findFirst({
      where: { metric: 'CONTRACT_AMOUNT', year, scope: 'DISTRICT' },
      select: { value: true },
    }),
  ])
  const row = totals[0]
  return {
    year,
    basis,
    contracts: Number(row?.contracts ?? 0),
    amountFen: row?.amount ?? 0n,
    techAmountFen: row?.tech ?? 0n,
    targetFen: target ? BigInt(target.value.toFixed(0)) : null,
    byArea: byArea.map((r) => ({ areaId: r.areaId, contracts: Number(r.contracts), amountFen: r.amount })),
  }
}

/** What a list of contracts shows of each. */
export const CONTRACT_SUMMARY = {
  id: true,
  projectName: true,
  type: true,
  status: true,
  amountFen: true,
  signedOn: true,
  buyerName: true,
  sellerName: true,
} as const

/** Contracts where the organization is buyer or seller; nobody else's. */
export function listContractsForOrganization(organizationId: string, take = 20) {
  return prisma.contract.findMany({
    where: { OR: [{ buyerOrgId: organizationId }, { sellerOrgId: organizationId }] },
    select: CONTRACT_SUMMARY,
    orderBy: { signedOn: 'desc' },
    take,
  })
}

/** Contracts submitted and not yet registered: the bureau's queue, counted in its header. */
export function countAwaitingRegistration() {
  return prisma.contract.count({ where: { status: 'SUBMITTED' } })
}
