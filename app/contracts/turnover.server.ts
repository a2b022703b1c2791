import { Prisma } from '~/generated/prisma/client'
import type { CountingBasis, DateBasis } from '~/generated/prisma/enums'
import { hasReliableMatchSql, isConnectedSql } from '~/matching/coverage.server'
import { prisma } from '~/utils/db.server'
import { receivedIn } from './drill-down.server'
import {
  DIMENSIONS,
  figures,
  scopeSql,
  yearProgress,
  ZERO,
  type Dimension,
  type Figures,
  type Row,
  type Scope,
  type TurnoverFilter,
} from './turnover-query.server'

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
