import { z } from 'zod'
import { Prisma } from '~/generated/prisma/client'
import type { CountingBasis } from '~/generated/prisma/enums'
import { BAODI_REGION_CODE } from '~/data/regions'
import { beijingTodayAsDate, BEIJING_OFFSET_MS } from '~/utils/time'

/**
 * The bureau's turnover figures, read from the trigger-kept "ContractRollup" (see its
 * migration). Every figure names its counting basis: 输出 (OUTFLOW, seller in Baodi), 吸纳
 * (INFLOW, buyer in Baodi) or either (BOTH, each contract once).
 */
export type Scope = { kind: 'district' } | { kind: 'area'; areaId: string } | { kind: 'zone' }

export interface TurnoverFilter {
  year: number
  basis: CountingBasis
  scope: Scope
}

export const DIMENSIONS = ['type', 'field', 'counterpart', 'area', 'seller', 'buyer'] as const
export type Dimension = (typeof DIMENSIONS)[number]
export const COUNTERPARTS = ['BEIJING', 'TIANJIN', 'HEBEI', 'BAODI', 'OTHER'] as const

export interface Figures {
  contracts: number
  amountFen: bigint
  techAmountFen: bigint
}

export const ZERO: Figures = { contracts: 0, amountFen: 0n, techAmountFen: 0n }

/** The scope as a condition on the given town and zone columns (the rollup's by default). */
export function scopeSql(scope: Scope, area = Prisma.sql`"areaId"`, zone = Prisma.sql`"inZone"`) {
  if (scope.kind === 'area') return Prisma.sql`AND ${area} = ${scope.areaId}`
  if (scope.kind === 'zone') return Prisma.sql`AND ${zone}`
  return Prisma.empty
}

export interface Row {
  key: string
  month: number
  contracts: bigint
  amount: bigint
  tech: bigint
}

export const figures = (r: Pick<Row, 'contracts' | 'amount' | 'tech'> | undefined): Figures =>
  r ? { contracts: Number(r.contracts), amountFen: r.amount, techAmountFen: r.tech } : { ...ZERO }

/**
 * The town/street and zone a contract counts toward on a basis (the contract_attribution trigger
 * keeps them): the seller's for 输出, the buyer's for 吸纳, and for 输出+吸纳 the seller's when the
 * seller is in Baodi, else the buyer's.
 */
export function placeColumns(basis: CountingBasis) {
  if (basis === 'OUTFLOW') return { area: Prisma.sql`c."sellerAreaId"`, zone: Prisma.sql`c."sellerInZone"` }
  if (basis === 'INFLOW') return { area: Prisma.sql`c."buyerAreaId"`, zone: Prisma.sql`c."buyerInZone"` }
  return { area: Prisma.sql`c."areaId"`, zone: Prisma.sql`c."inDevelopmentZone"` }
}

/** The contracts on the counted side: seller in Baodi (输出), buyer (吸纳), or either. */
export function sideSql(basis: CountingBasis) {
  const code = BAODI_REGION_CODE
  if (basis === 'OUTFLOW') return Prisma.sql`c."sellerRegionCode" = ${code}`
  if (basis === 'INFLOW') return Prisma.sql`c."buyerRegionCode" = ${code}`
  return Prisma.sql`(c."sellerRegionCode" = ${code} OR c."buyerRegionCode" = ${code})`
}

/** The contracts behind a figure: the same counting rules as the rollup, on "Contract" itself. */
export interface DrillDown {
  dim?: Dimension | 'month'
  key?: string
  bucket?: 'COUNTED' | 'PIPELINE'
}

const FilterQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(() => new Date().getUTCFullYear()),
  basis: z.enum(['OUTFLOW', 'INFLOW', 'BOTH']).catch('BOTH'),
  scope: z
    .string()
    .regex(/^(district|zone|area:[\w-]{1,40})$/)
    .catch('district'),
})

/** The dashboard's filters from a URL; anything malformed falls back to the default view. */
export function parseTurnoverFilter(url: URL): TurnoverFilter {
  const q = FilterQuery.parse(Object.fromEntries(url.searchParams))
  const scope: Scope =
    q.scope === 'zone'
      ? { kind: 'zone' }
      : q.scope.startsWith('area:')
        ? { kind: 'area', areaId: q.scope.slice(5) }
        : { kind: 'district' }
  return { year: q.year, basis: q.basis, scope }
}

export function scopeParam(scope: Scope) {
  return scope.kind === 'area' ? `area:${scope.areaId}` : scope.kind
}

const DrillQuery = z.object({
  dim: z
    .enum([...DIMENSIONS, 'month'])
    .optional()
    .catch(undefined),
  key: z.string().max(200).optional().catch(undefined),
  bucket: z.enum(['COUNTED', 'PIPELINE']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export function parseDrillDown(url: URL) {
  const { page, ...drill } = DrillQuery.parse(Object.fromEntries(url.searchParams))
  return { drill: drill as DrillDown, page }
}

/** Today's month and the share of the year gone, for the year shown (a past year is complete). */
export function yearProgress(year: number, now = new Date()) {
  // The year and month as Beijing has them: at 03:00 on 1 December in Beijing it is December.
  const today = beijingTodayAsDate(now)
  const current = today.getUTCFullYear()
  if (year < current) return { lastMonth: 12, elapsed: 1 }
  if (year > current) return { lastMonth: 0, elapsed: 0 }
  const start = Date.UTC(year, 0, 1)
  const end = Date.UTC(year + 1, 0, 1)
  const beijingNow = now.getTime() + BEIJING_OFFSET_MS
  return { lastMonth: today.getUTCMonth() + 1, elapsed: (beijingNow - start) / (end - start) }
}
