import { Prisma } from '~/generated/prisma/client'
import type { CountingBasis } from '~/generated/prisma/enums'
import { BAODI_REGION_CODE } from '~/data/regions'
import { prisma } from '~/utils/db.server'

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

const ZERO: Figures = { contracts: 0, amountFen: 0n, techAmountFen: 0n }

function scopeSql(scope: Scope) {
  if (scope.kind === 'area') return Prisma.sql`AND "areaId" = ${scope.areaId}`
  if (scope.kind === 'zone') return Prisma.sql`AND "inZone"`
  return Prisma.empty
}

interface Row {
  key: string
  month: number
  contracts: bigint
  amount: bigint
  tech: bigint
}

const figures = (r: Pick<Row, 'contracts' | 'amount' | 'tech'> | undefined): Figures =>
  r ? { contracts: Number(r.contracts), amountFen: r.amount, techAmountFen: r.tech } : { ...ZERO }

/** Sums of one bucket and dimension of the rollup, per key and month, up to `lastMonth`. */
function rollup(filter: TurnoverFilter, bucket: 'COUNTED' | 'PIPELINE', dim: string, byMonth: boolean, lastMonth = 12) {
  const key = dim === 'area' ? Prisma.sql`"areaId"` : Prisma.sql`"key"`
  const rollupDim = dim === 'area' ? 'all' : dim
  const month = byMonth ? Prisma.sql`"month"` : Prisma.sql`0`
  return prisma.$queryRaw<Row[]>`
    SELECT ${key} AS key, ${month}::int AS month, sum("contracts")::bigint AS contracts,
           sum("amountFen")::bigint AS amount, sum("techAmountFen")::bigint AS tech
    FROM "ContractRollup"
    WHERE "year" = ${filter.year} AND "side" = ${filter.basis} AND "bucket" = ${bucket} AND "dim" = ${rollupDim}
      AND "month" <= ${lastMonth} ${scopeSql(filter.scope)}
    GROUP BY 1, 2`
}

/** Today's month and the share of the year gone, for the year shown (a past year is complete). */
export function yearProgress(year: number, now = new Date()) {
  const current = now.getUTCFullYear()
  if (year < current) return { lastMonth: 12, elapsed: 1 }
  if (year > current) return { lastMonth: 0, elapsed: 0 }
  const start = Date.UTC(year, 0, 1)
  const end = Date.UTC(year + 1, 0, 1)
  return { lastMonth: now.getUTCMonth() + 1, elapsed: (now.getTime() - start) / (end - start) }
}

export interface Breakdown {
  dim: Dimension
  rows: Array<Figures & { key: string; label: string | null }>
}

export interface Dashboard {
  filter: TurnoverFilter
  total: Figures
  pipeline: Figures
  target: { amountFen: bigint | null; techAmountFen: bigint | null; basis: CountingBasis | null }
  /** Where the figure should be today if the year's target is reached evenly. */
  paceFen: bigint | null
  /** Year-end forecast: the year so far, the signed-but-unregistered pipeline, and the run rate. */
  forecastFen: bigint
  runRateFen: bigint
  monthly: Array<{ month: number; counted: Figures; pipeline: Figures }>
  breakdowns: Breakdown[]
}

async function targetFor(filter: TurnoverFilter, metric: 'CONTRACT_AMOUNT' | 'TECH_AMOUNT') {
  const scope =
    filter.scope.kind === 'area'
      ? { scope: 'AREA' as const, areaId: filter.scope.areaId }
      : filter.scope.kind === 'district'
        ? { scope: 'DISTRICT' as const }
        : null
  if (!scope) return null
  return prisma.target.findFirst({ where: { metric, year: filter.year, ...scope }, select: { value: true, basis: true } })
}

/** Names for the keys of the organization dimensions: organization IDs, or "name:…" for unknown parties. */
async function organizationLabels(keys: string[]) {
  const ids = keys.filter((k) => !k.startsWith('name:'))
  const orgs = ids.length
    ? await prisma.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : []
  const names = new Map(orgs.map((o) => [o.id, o.name]))
  return (key: string) => (key.startsWith('name:') ? key.slice(5) : (names.get(key) ?? key))
}

const sumFigures = (rows: Figures[]): Figures =>
  rows.reduce(
    (a, r) => ({
      contracts: a.contracts + r.contracts,
      amountFen: a.amountFen + r.amountFen,
      techAmountFen: a.techAmountFen + r.techAmountFen,
    }),
    { ...ZERO },
  )

const TOP = 10

export async function getDashboard(filter: TurnoverFilter, now = new Date()): Promise<Dashboard> {
  const { lastMonth, elapsed } = yearProgress(filter.year, now)
  const [monthlyCounted, monthlyPipeline, amountTarget, techTarget, previous, ...dims] = await Promise.all([
    rollup(filter, 'COUNTED', 'all', true),
    rollup(filter, 'PIPELINE', 'all', true),
    targetFor(filter, 'CONTRACT_AMOUNT'),
    targetFor(filter, 'TECH_AMOUNT'),
    rollup({ ...filter, year: filter.year - 1 }, 'COUNTED', 'all', true),
    ...DIMENSIONS.map((dim) => rollup(filter, 'COUNTED', dim, false, lastMonth)),
  ])
  const monthly = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    counted: figures(monthlyCounted.find((r) => r.month === i + 1)),
    pipeline: figures(monthlyPipeline.find((r) => r.month === i + 1)),
  }))
  const total = sumFigures(monthly.filter((m) => m.month <= lastMonth).map((m) => m.counted))
  const pipeline = sumFigures(monthly.map((m) => m.pipeline))

  // Run rate: the average month of the last twelve complete months (this year's and last year's).
  const history = [
    ...previous.map((r) => ({ month: r.month - 12, amount: r.amount })),
    ...monthlyCounted.map((r) => ({ month: r.month, amount: r.amount })),
  ].filter((r) => r.month < lastMonth && r.month >= lastMonth - 12)
  const runRateFen = history.reduce((s, r) => s + r.amount, 0n) / 12n
  // The months left in the year, in thousandths, at the run rate.
  const remaining = BigInt(Math.round((1 - elapsed) * 12_000))
  const forecastFen = total.amountFen + pipeline.amountFen + (runRateFen * remaining) / 1000n

  const orgKeys = dims.flatMap((rows, i) => (['seller', 'buyer'].includes(DIMENSIONS[i]) ? rows.map((r) => r.key) : []))
  const [orgLabel, fields, areas] = await Promise.all([
    organizationLabels(orgKeys),
    prisma.techField.findMany({ select: { code: true, nameZh: true } }),
    prisma.area.findMany({ select: { id: true, nameZh: true } }),
  ])
  const fieldName = new Map(fields.map((f) => [f.code, f.nameZh]))
  const areaName = new Map(areas.map((a) => [a.id, a.nameZh]))
  const breakdowns = DIMENSIONS.map((dim, i) => {
    const rows = dims[i]
      .map((r) => ({
        key: r.key,
        ...figures(r),
        label:
          dim === 'seller' || dim === 'buyer'
            ? orgLabel(r.key)
            : dim === 'field'
              ? (fieldName.get(r.key) ?? null)
              : dim === 'area'
                ? (areaName.get(r.key) ?? null)
                : null,
      }))
      .filter((r) => r.contracts !== 0 || r.amountFen !== 0n)
      .sort((a, b) => (b.amountFen > a.amountFen ? 1 : b.amountFen < a.amountFen ? -1 : a.key.localeCompare(b.key)))
    return { dim, rows: dim === 'seller' || dim === 'buyer' ? rows.slice(0, TOP) : rows }
  })

  const targetFen = amountTarget ? BigInt(amountTarget.value.toFixed(0)) : null
  return {
    filter,
    total,
    pipeline,
    target: {
      amountFen: targetFen,
      techAmountFen: techTarget ? BigInt(techTarget.value.toFixed(0)) : null,
      basis: amountTarget?.basis ?? null,
    },
    paceFen: targetFen === null ? null : (targetFen * BigInt(Math.round(elapsed * 10000))) / 10000n,
    forecastFen,
    runRateFen,
    monthly,
    breakdowns,
  }
}

/** The contracts behind a figure: the same counting rules as the rollup, on "Contract" itself. */
export interface DrillDown {
  dim?: Dimension | 'month'
  key?: string
  bucket?: 'COUNTED' | 'PIPELINE'
}

export function drillCondition(filter: TurnoverFilter, drill: DrillDown, lastMonth: number) {
  const code = BAODI_REGION_CODE
  const from = new Date(Date.UTC(filter.year, 0, 1))
  const to = new Date(Date.UTC(filter.year, drill.dim === 'month' ? 12 : lastMonth, 1))
  const statuses = drill.bucket === 'PIPELINE' ? ['SIGNED', 'SUBMITTED'] : ['REGISTERED', 'AMENDED']
  const side =
    filter.basis === 'OUTFLOW'
      ? Prisma.sql`c."sellerRegionCode" = ${code}`
      : filter.basis === 'INFLOW'
        ? Prisma.sql`c."buyerRegionCode" = ${code}`
        : Prisma.sql`(c."sellerRegionCode" = ${code} OR c."buyerRegionCode" = ${code})`
  const counterpart =
    filter.basis === 'INFLOW'
      ? Prisma.sql`contract_region_group(c."sellerRegionCode")`
      : filter.basis === 'OUTFLOW'
        ? Prisma.sql`contract_region_group(c."buyerRegionCode")`
        : Prisma.sql`CASE WHEN c."sellerRegionCode" = ${code} THEN contract_region_group(c."buyerRegionCode")
                     ELSE contract_region_group(c."sellerRegionCode") END`
  const scope =
    filter.scope.kind === 'area'
      ? Prisma.sql`AND c."areaId" = ${filter.scope.areaId}`
      : filter.scope.kind === 'zone'
        ? Prisma.sql`AND c."inDevelopmentZone"`
        : Prisma.empty
  const key = drill.key ?? ''
  const dim = (() => {
    switch (drill.dim) {
      case 'month':
        return Prisma.sql`AND extract(month FROM c."signedOn") = ${Number(key)}`
      case 'type':
        return Prisma.sql`AND c."type"::text = ${key}`
      case 'field':
        return key ? Prisma.sql`AND c."fieldCode" = ${key}` : Prisma.sql`AND c."fieldCode" IS NULL`
      case 'area':
        return key ? Prisma.sql`AND c."areaId" = ${key}` : Prisma.sql`AND c."areaId" IS NULL`
      case 'counterpart':
        return Prisma.sql`AND ${counterpart} = ${key}`
      case 'seller':
        return key.startsWith('name:')
          ? Prisma.sql`AND c."sellerOrgId" IS NULL AND c."sellerName" = ${key.slice(5)}`
          : Prisma.sql`AND c."sellerOrgId" = ${key}`
      case 'buyer':
        return key.startsWith('name:')
          ? Prisma.sql`AND c."buyerOrgId" IS NULL AND c."buyerName" = ${key.slice(5)}`
          : Prisma.sql`AND c."buyerOrgId" = ${key}`
      default:
        return Prisma.empty
    }
  })()
  return Prisma.sql`c."status"::text IN (${Prisma.join(statuses)}) AND c."signedOn" >= ${from} AND c."signedOn" < ${to}
    AND ${side} ${scope} ${dim}`
}

export async function drillDown(filter: TurnoverFilter, drill: DrillDown, page = 1, now = new Date()) {
  const { lastMonth } = yearProgress(filter.year, now)
  const where = drillCondition(filter, drill, drill.bucket === 'PIPELINE' ? 12 : lastMonth)
  const pageSize = 50
  const [rows, totals] = await Promise.all([
    prisma.$queryRaw<
      Array<{
        id: string
        projectName: string
        type: string
        status: string
        registrationNumber: string | null
        signedOn: Date
        sellerName: string
        buyerName: string
        amountFen: bigint
        techAmountFen: bigint
      }>
    >`SELECT c."id", c."projectName", c."type"::text AS type, c."status"::text AS status, c."registrationNumber",
             c."signedOn", c."sellerName", c."buyerName", c."amountFen", c."techAmountFen"
      FROM "Contract" c WHERE ${where}
      ORDER BY c."signedOn" DESC, c."id" LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    prisma.$queryRaw<Array<{ contracts: bigint; amount: bigint | null; tech: bigint | null }>>`
      SELECT count(*) AS contracts, sum(c."amountFen")::bigint AS amount, sum(c."techAmountFen")::bigint AS tech
      FROM "Contract" c WHERE ${where}`,
  ])
  const t = totals[0]
  return {
    rows,
    pageSize,
    total: { contracts: Number(t?.contracts ?? 0), amountFen: t?.amount ?? 0n, techAmountFen: t?.tech ?? 0n },
  }
}
