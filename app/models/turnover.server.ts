import { z } from 'zod'
import { Prisma } from '~/generated/prisma/client'
import type { CountingBasis, DateBasis } from '~/generated/prisma/enums'
import { BAODI_REGION_CODE } from '~/data/regions'
import { hasReliableMatchSql, isConnectedSql } from '~/matching/coverage.server'
import { CONTRACT_TYPES } from '~/validation/contracts'
import { prisma } from '~/utils/db.server'
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

const ZERO: Figures = { contracts: 0, amountFen: 0n, techAmountFen: 0n }

/** The scope as a condition on the given town and zone columns (the rollup's by default). */
function scopeSql(scope: Scope, area = Prisma.sql`"areaId"`, zone = Prisma.sql`"inZone"`) {
  if (scope.kind === 'area') return Prisma.sql`AND ${area} = ${scope.areaId}`
  if (scope.kind === 'zone') return Prisma.sql`AND ${zone}`
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
export function rollupFigures(
  filter: TurnoverFilter,
  bucket: 'COUNTED' | 'PIPELINE',
  dim: string,
  byMonth: boolean,
  lastMonth = 12,
) {
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

export interface Breakdown {
  dim: Dimension
  rows: Array<Figures & { key: string; label: string | null }>
}

export interface Dashboard {
  filter: TurnoverFilter
  total: Figures
  pipeline: Figures
  target: {
    amountFen: bigint | null
    techAmountFen: bigint | null
    basis: CountingBasis | null
    dateBasis: DateBasis
  }
  /** The figure the target is measured against: the total, or the year's contracts by signing date. */
  targetActual: Figures
  /** Where the figure should be today if the year's target is reached evenly. */
  paceFen: bigint | null
  /** Year-end forecast: the year so far, the signed-but-unregistered pipeline, and the run rate. */
  forecastFen: bigint
  runRateFen: bigint
  monthly: Array<{ month: number; counted: Figures; pipeline: Figures }>
  breakdowns: Breakdown[]
  /** 到账额: received this year on these contracts, net of refunds. */
  receivedFen: bigint
}

/** The target of the scope: the district's, a town's, or the development zone's (set on its area). */
async function targetFor(filter: TurnoverFilter, metric: 'CONTRACT_AMOUNT' | 'TECH_AMOUNT') {
  const zone =
    filter.scope.kind === 'zone'
      ? await prisma.area.findFirst({ where: { kind: 'DEV_ZONE' }, select: { id: true } })
      : null
  const scope =
    filter.scope.kind === 'area'
      ? { scope: 'AREA' as const, areaId: filter.scope.areaId }
      : filter.scope.kind === 'district'
        ? { scope: 'DISTRICT' as const }
        : zone
          ? { scope: 'AREA' as const, areaId: zone.id }
          : null
  if (!scope) return null
  return prisma.target.findFirst({
    where: { metric, year: filter.year, ...scope },
    select: { value: true, basis: true, dateBasis: true },
  })
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
  const [receivedFen, monthlyCounted, monthlyPipeline, amountTarget, techTarget, previous, bySigning, ...dims] =
    await Promise.all([
      receivedIn(filter),
      rollupFigures(filter, 'COUNTED', 'all', true),
      rollupFigures(filter, 'PIPELINE', 'all', true),
      targetFor(filter, 'CONTRACT_AMOUNT'),
      targetFor(filter, 'TECH_AMOUNT'),
      rollupFigures({ ...filter, year: filter.year - 1 }, 'COUNTED', 'all', true),
      rollupFigures(filter, 'COUNTED', 'signed', false, lastMonth),
      ...DIMENSIONS.map((dim) => rollupFigures(filter, 'COUNTED', dim, false, lastMonth)),
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
  const dateBasis = amountTarget?.dateBasis ?? 'REGISTRATION'
  return {
    filter,
    total,
    pipeline,
    target: {
      amountFen: targetFen,
      techAmountFen: techTarget ? BigInt(techTarget.value.toFixed(0)) : null,
      basis: amountTarget?.basis ?? null,
      dateBasis,
    },
    targetActual: dateBasis === 'SIGNING' ? figures(bySigning[0]) : total,
    paceFen: targetFen === null ? null : (targetFen * BigInt(Math.round(elapsed * 10000))) / 10000n,
    forecastFen,
    runRateFen,
    monthly,
    breakdowns,
    receivedFen,
  }
}

/**
 * The town/street and zone a contract counts toward on a basis (the contract_attribution trigger
 * keeps them): the seller's for 输出, the buyer's for 吸纳, and for 输出+吸纳 the seller's when the
 * seller is in Baodi, else the buyer's.
 */
function placeColumns(basis: CountingBasis) {
  if (basis === 'OUTFLOW') return { area: Prisma.sql`c."sellerAreaId"`, zone: Prisma.sql`c."sellerInZone"` }
  if (basis === 'INFLOW') return { area: Prisma.sql`c."buyerAreaId"`, zone: Prisma.sql`c."buyerInZone"` }
  return { area: Prisma.sql`c."areaId"`, zone: Prisma.sql`c."inDevelopmentZone"` }
}

/** The contracts on the counted side: seller in Baodi (输出), buyer (吸纳), or either. */
function sideSql(basis: CountingBasis) {
  const code = BAODI_REGION_CODE
  if (basis === 'OUTFLOW') return Prisma.sql`c."sellerRegionCode" = ${code}`
  if (basis === 'INFLOW') return Prisma.sql`c."buyerRegionCode" = ${code}`
  return Prisma.sql`(c."sellerRegionCode" = ${code} OR c."buyerRegionCode" = ${code})`
}

/**
 * 到账额: money received in the year (net of refunds) on the contracts of the view, by the
 * date it arrived, whatever the contract's registration state.
 */
async function receivedIn(filter: TurnoverFilter): Promise<bigint> {
  const from = new Date(Date.UTC(filter.year, 0, 1))
  const to = new Date(Date.UTC(filter.year + 1, 0, 1))
  const [row] = await prisma.$queryRaw<Array<{ received: bigint | null }>>`
    SELECT sum(p."amountFen" - LEAST(p."refundedFen", p."amountFen"))::bigint AS received
    FROM "Payment" p JOIN "Contract" c ON c."id" = p."contractId"
    WHERE p."paidAt" >= ${from} AND p."paidAt" < ${to} AND ${sideSql(filter.basis)}
      ${scopeSql(filter.scope, placeColumns(filter.basis).area, placeColumns(filter.basis).zone)}`
  return row?.received ?? 0n
}

/** The contracts behind a figure: the same counting rules as the rollup, on "Contract" itself. */
export interface DrillDown {
  dim?: Dimension | 'month'
  key?: string
  bucket?: 'COUNTED' | 'PIPELINE'
}

export function drillCondition(filter: TurnoverFilter, drill: DrillDown, lastMonth: number) {
  const code = BAODI_REGION_CODE
  // A month is a date range, so an index on the date finds it without scanning the year. Counted
  // contracts are dated by their registration in Beijing (a UTC timestamp, so the range starts
  // eight hours earlier); the pipeline by its signing date (ADR 006).
  const pipeline = drill.bucket === 'PIPELINE'
  const shift = pipeline ? 0 : BEIJING_OFFSET_MS
  const month = drill.dim === 'month' ? Math.min(12, Math.max(1, Number(drill.key) || 1)) : null
  const from = new Date(Date.UTC(filter.year, month === null ? 0 : month - 1, 1) - shift)
  // Months after the last one counted so far are empty, as in the rollup total above the rows.
  const to = new Date(Date.UTC(filter.year, month === null ? lastMonth : Math.min(month, lastMonth), 1) - shift)
  const statuses = pipeline ? ['SIGNED', 'SUBMITTED'] : ['REGISTERED', 'AMENDED']
  const date = pipeline ? Prisma.sql`c."signedOn"` : Prisma.sql`c."registeredAt"`
  const side = sideSql(filter.basis)
  // The counterpart is the party that is not the counted Baodi side (the trigger-kept region
  // groups, which the drill-down indexes cover).
  const counterpart = (key: string) =>
    filter.basis === 'INFLOW'
      ? Prisma.sql`c."sellerRegionGroup" = ${key}`
      : filter.basis === 'OUTFLOW'
        ? Prisma.sql`c."buyerRegionGroup" = ${key}`
        : Prisma.sql`((c."sellerRegionCode" = ${code} AND c."buyerRegionGroup" = ${key})
                     OR (c."sellerRegionCode" <> ${code} AND c."sellerRegionGroup" = ${key}))`
  const place = placeColumns(filter.basis)
  const scope = scopeSql(filter.scope, place.area, place.zone)
  const key = drill.key ?? ''
  const dim = (() => {
    switch (drill.dim) {
      case 'type':
        return (CONTRACT_TYPES as readonly string[]).includes(key)
          ? Prisma.sql`AND c."type" = ${key}::"ContractType"`
          : Prisma.sql`AND false`
      case 'field':
        return key ? Prisma.sql`AND c."fieldCode" = ${key}` : Prisma.sql`AND c."fieldCode" IS NULL`
      case 'area':
        return key ? Prisma.sql`AND ${place.area} = ${key}` : Prisma.sql`AND ${place.area} IS NULL`
      case 'counterpart':
        return Prisma.sql`AND ${counterpart(key)}`
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
  // Enum columns compared as enums (not cast to text), so their indexes and statistics apply.
  return Prisma.sql`c."status" = ANY(${statuses}::"ContractStatus"[]) AND ${date} >= ${from} AND ${date} < ${to}
    AND ${side} ${scope} ${dim}`
}

export async function drillDown(filter: TurnoverFilter, drill: DrillDown, page = 1, now = new Date()) {
  const { lastMonth } = yearProgress(filter.year, now)
  const where = drillCondition(filter, drill, drill.bucket === 'PIPELINE' ? 12 : lastMonth)
  const pageSize = 50
  const [rows, total] = await Promise.all([
    prisma.$queryRaw<
      Array<{
        id: string
        projectName: string
        type: string
        status: string
        registrationNumber: string | null
        signedOn: Date
        registeredAt: Date | null
        sellerName: string
        buyerName: string
        amountFen: bigint
        techAmountFen: bigint
      }>
    >`SELECT c."id", c."projectName", c."type"::text AS type, c."status"::text AS status, c."registrationNumber",
             c."signedOn", c."registeredAt", c."sellerName", c."buyerName", c."amountFen", c."techAmountFen"
      FROM "Contract" c WHERE ${where}
      ORDER BY ${drill.bucket === 'PIPELINE' ? Prisma.sql`c."signedOn"` : Prisma.sql`c."registeredAt"`} DESC, c."id" LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    drillTotal(filter, drill, lastMonth),
  ])
  return { rows, pageSize, total }
}

/**
 * The figure a drill-down starts from, read from the rollup like the dashboard itself; the
 * rows listed come from "Contract" under the same rules (a test holds them equal).
 */
async function drillTotal(filter: TurnoverFilter, drill: DrillDown, lastMonth: number): Promise<Figures> {
  const bucket = drill.bucket ?? 'COUNTED'
  const dim = drill.dim === 'month' || drill.dim === 'area' || !drill.dim ? 'all' : drill.dim
  const key = drill.key ?? ''
  const months = bucket === 'PIPELINE' ? 12 : lastMonth
  const extra =
    drill.dim === 'month'
      ? Prisma.sql`AND "month" = ${Number(key) || 0}`
      : drill.dim === 'area'
        ? Prisma.sql`AND "areaId" = ${key}`
        : dim === 'all'
          ? Prisma.empty
          : Prisma.sql`AND "key" = ${key}`
  const [row] = await prisma.$queryRaw<Array<{ contracts: bigint | null; amount: bigint | null; tech: bigint | null }>>`
    SELECT sum("contracts")::bigint AS contracts, sum("amountFen")::bigint AS amount, sum("techAmountFen")::bigint AS tech
    FROM "ContractRollup"
    WHERE "year" = ${filter.year} AND "side" = ${filter.basis} AND "bucket" = ${bucket} AND "dim" = ${dim}
      AND "month" <= ${months} ${scopeSql(filter.scope)} ${extra}`
  return { contracts: Number(row?.contracts ?? 0), amountFen: row?.amount ?? 0n, techAmountFen: row?.tech ?? 0n }
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

const fen = (f: Figures) => ({ ...f, amountFen: f.amountFen.toString(), techAmountFen: f.techAmountFen.toString() })

/** The dashboard with its money as fen strings, for the page (exact, JSON-safe). */
export function serializeDashboard(d: Dashboard) {
  return {
    total: fen(d.total),
    pipeline: fen(d.pipeline),
    target: {
      amountFen: d.target.amountFen?.toString() ?? null,
      techAmountFen: d.target.techAmountFen?.toString() ?? null,
      basis: d.target.basis,
      dateBasis: d.target.dateBasis,
    },
    targetActual: fen(d.targetActual),
    paceFen: d.paceFen?.toString() ?? null,
    forecastFen: d.forecastFen.toString(),
    receivedFen: d.receivedFen.toString(),
    runRateFen: d.runRateFen.toString(),
    monthly: d.monthly.map((m) => ({ month: m.month, counted: fen(m.counted), pipeline: fen(m.pipeline) })),
    breakdowns: d.breakdowns.map((b) => ({
      dim: b.dim,
      rows: b.rows.map((r) => ({ ...fen(r), key: r.key, label: r.label })),
    })),
  }
}

/** The scope as people name it: 全区, 经济开发区, or the town/street. */
export async function scopeName(scope: Scope, locale = 'zh') {
  if (scope.kind === 'area') {
    const area = await prisma.area.findUnique({ where: { id: scope.areaId }, select: { nameZh: true, nameEn: true } })
    return area ? (locale === 'zh' ? area.nameZh : area.nameEn) : scope.areaId
  }
  if (locale !== 'zh') return scope.kind === 'zone' ? 'Development zone' : 'Whole district'
  return scope.kind === 'zone' ? '经济开发区' : '全区'
}

export interface FunnelStepRow {
  step: 'needs' | 'matched' | 'introduced' | 'accepted' | 'contracted'
  count: number
  rate: number | null
}

/**
 * needs → matches → introductions → contracts for the needs published in the year by the
 * scope's enterprises. Counting basis does not apply: needs come from Baodi enterprises. "Matched"
 * and "accepted" are coverage.server.ts's reliable match and connected need.
 */
export async function getFunnel(filter: TurnoverFilter): Promise<FunnelStepRow[]> {
  const from = new Date(Date.UTC(filter.year, 0, 1))
  const to = new Date(Date.UTC(filter.year + 1, 0, 1))
  const scope = scopeSql(filter.scope, Prisma.sql`o."areaId"`, Prisma.sql`o."inDevelopmentZone"`)
  const [row] = await prisma.$queryRaw<
    Array<{ needs: bigint; matched: bigint; introduced: bigint; accepted: bigint; contracted: bigint }>
  >`
    SELECT count(*) AS needs,
      count(*) FILTER (WHERE ${hasReliableMatchSql(Prisma.sql`n."id"`)}) AS matched,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Introduction" i WHERE i."needId" = n."id")) AS introduced,
      count(*) FILTER (WHERE ${isConnectedSql(Prisma.sql`n."id"`)}) AS accepted,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Contract" c WHERE c."needId" = n."id"
                                     AND c."status" NOT IN ('DRAFT', 'TERMINATED'))) AS contracted
    FROM "Need" n JOIN "Organization" o ON o."id" = n."organizationId"
    WHERE n."publishedAt" >= ${from} AND n."publishedAt" < ${to} ${scope}`
  const steps = (['needs', 'matched', 'introduced', 'accepted', 'contracted'] as const).map((step) => ({
    step,
    count: Number(row?.[step] ?? 0),
  }))
  return steps.map((s, i) => ({
    ...s,
    rate: i === 0 || steps[i - 1].count === 0 ? null : s.count / steps[i - 1].count,
  }))
}
