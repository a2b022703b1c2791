import { Prisma } from '~/generated/prisma/client'
import { BAODI_REGION_CODE } from '~/data/regions'
import { CONTRACT_TYPES } from '~/validation/contracts'
import { prisma } from '~/utils/db.server'
import { BEIJING_OFFSET_MS } from '~/utils/time'
import {
  yearProgress,
  placeColumns,
  scopeSql,
  sideSql,
  type DrillDown,
  type Figures,
  type TurnoverFilter,
} from './turnover-query.server'

/**
 * 到账额: money received in the year (net of refunds) on the contracts of the view, by the
 * date it arrived, whatever the contract's registration state.
 */
export async function receivedIn(filter: TurnoverFilter): Promise<bigint> {
  const from = new Date(Date.UTC(filter.year, 0, 1))
  const to = new Date(Date.UTC(filter.year + 1, 0, 1))
  const [row] = await prisma.$queryRaw<Array<{ received: bigint | null }>>`
    SELECT sum(p."amountFen" - LEAST(p."refundedFen", p."amountFen"))::bigint AS received
    FROM "Payment" p JOIN "Contract" c ON c."id" = p."contractId"
    WHERE p."paidAt" >= ${from} AND p."paidAt" < ${to} AND ${sideSql(filter.basis)}
      ${scopeSql(filter.scope, placeColumns(filter.basis).area, placeColumns(filter.basis).zone)}`
  return row?.received ?? 0n
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
export async function drillTotal(filter: TurnoverFilter, drill: DrillDown, lastMonth: number): Promise<Figures> {
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
