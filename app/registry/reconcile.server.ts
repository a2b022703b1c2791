import { Prisma } from '~/generated/prisma/client'
import type { ContractType, ReconciliationAction } from '~/generated/prisma/enums'
import { BAODI_REGION_CODE } from '~/data/regions'
import { COUNTED_STATUSES } from '~/contracts/status'
import { prisma } from '~/utils/db.server'
import { beijingDate, calendarDate } from '~/utils/format'
import { BEIJING_OFFSET_MS } from '~/utils/time'

/**
 * The platform's registered contracts against the latest registry export the bureau imported, for
 * a period (a year, or one of its months, by registration date in Beijing as in ADR 006):
 * matched by registration number; on the platform only; in the registry only; or matched with
 * different figures, type, parties or dates.
 */
export interface Period {
  year: number
  month?: number
}

export const DIFFERENCE_FIELDS = [
  'amount',
  'techAmount',
  'type',
  'buyer',
  'seller',
  'signedOn',
  'registeredOn',
] as const
export type DifferenceField = (typeof DIFFERENCE_FIELDS)[number]
/** What accepting the registry's values can change on the platform: figures, type and dates, never the parties. */
export const ACCEPTABLE_FIELDS: readonly DifferenceField[] = [
  'amount',
  'techAmount',
  'type',
  'signedOn',
  'registeredOn',
]

export type RowKind = 'CHANGED' | 'PLATFORM_ONLY' | 'REGISTRY_ONLY'

export interface Side {
  projectName: string
  type: ContractType
  buyerName: string
  buyerCreditCode: string | null
  buyerRegionCode: string
  sellerName: string
  sellerCreditCode: string | null
  sellerRegionCode: string
  amountFen: bigint
  techAmountFen: bigint
  signedOn: string
  registeredOn: string
}

export interface Difference {
  registrationNumber: string
  kind: RowKind
  fields: DifferenceField[]
  platform: (Side & { id: string }) | null
  registry: (Side & { id: string; row: number }) | null
  decision: { action: ReconciliationAction; note: string | null; by: string; at: Date } | null
}

export interface SideTotals {
  OUTFLOW: Totals
  INFLOW: Totals
  BOTH: Totals
}
interface Totals {
  contracts: number
  amountFen: bigint
  techAmountFen: bigint
}

export interface Reconciliation {
  batch: { id: string; fileName: string; createdAt: Date; records: number } | null
  period: Period
  matched: number
  differences: Difference[]
  totals: { platform: SideTotals; registry: SideTotals }
}

/** The period as a range of UTC instants: Beijing's midnight is 16:00 UTC the day before. */
export function periodRange({ year, month }: Period) {
  const from = new Date(Date.UTC(year, month ? month - 1 : 0, 1) - BEIJING_OFFSET_MS)
  const to = new Date(Date.UTC(month ? year : year + 1, month ? month : 0, 1) - BEIJING_OFFSET_MS)
  return { from, to }
}

/** The bureau's latest committed registry export. */
export function latestRegistryBatch() {
  return prisma.importBatch.findFirst({
    where: { kind: 'CONTRACTS', status: 'COMMITTED', registryRecords: { some: {} } },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      fileName: true,
      createdAt: true,
      headerMapping: true,
      _count: { select: { registryRecords: true } },
    },
  })
}

const sideSelect = {
  projectName: true,
  type: true,
  buyerName: true,
  buyerCreditCode: true,
  buyerRegionCode: true,
  sellerName: true,
  sellerCreditCode: true,
  sellerRegionCode: true,
  amountFen: true,
  techAmountFen: true,
  signedOn: true,
  registeredAt: true,
} as const

/** A contract or registry record as read: its dates before they are shown as Beijing dates. */
type Stored = Omit<Side, 'signedOn' | 'registeredOn'> & { signedOn: Date; registeredAt: Date | null }

const side = ({ signedOn, registeredAt, ...rest }: Stored): Side => ({
  ...rest,
  signedOn: calendarDate(signedOn),
  registeredOn: registeredAt ? beijingDate(registeredAt) : '',
})

/** A party is the same when both credit codes agree, or, lacking one, when the names do. */
const sameParty = (a: string | null, an: string, b: string | null, bn: string) =>
  a && b ? a === b : an.replace(/\s/g, '') === bn.replace(/\s/g, '')

function differingFields(p: Side, r: Side): DifferenceField[] {
  const fields: DifferenceField[] = []
  if (p.amountFen !== r.amountFen) fields.push('amount')
  if (p.techAmountFen !== r.techAmountFen) fields.push('techAmount')
  if (p.type !== r.type) fields.push('type')
  if (!sameParty(p.buyerCreditCode, p.buyerName, r.buyerCreditCode, r.buyerName)) fields.push('buyer')
  if (!sameParty(p.sellerCreditCode, p.sellerName, r.sellerCreditCode, r.sellerName)) fields.push('seller')
  if (p.signedOn !== r.signedOn) fields.push('signedOn')
  if (p.registeredOn !== r.registeredOn) fields.push('registeredOn')
  return fields
}

const ZERO = (): Totals => ({ contracts: 0, amountFen: 0n, techAmountFen: 0n })
function totals(sides: Side[]): SideTotals {
  const out: SideTotals = { OUTFLOW: ZERO(), INFLOW: ZERO(), BOTH: ZERO() }
  for (const s of sides) {
    const seller = s.sellerRegionCode === BAODI_REGION_CODE
    const buyer = s.buyerRegionCode === BAODI_REGION_CODE
    for (const [basis, applies] of [
      ['OUTFLOW', seller],
      ['INFLOW', buyer],
      ['BOTH', seller || buyer],
    ] as const) {
      if (!applies) continue
      out[basis].contracts++
      out[basis].amountFen += s.amountFen
      out[basis].techAmountFen += s.techAmountFen
    }
  }
  return out
}

export async function reconcile(period: Period): Promise<Reconciliation> {
  const batch = await latestRegistryBatch()
  const empty = { platform: totals([]), registry: totals([]) }
  if (!batch) return { batch: null, period, matched: 0, differences: [], totals: empty }
  const { from, to } = periodRange(period)
  const baodi = {
    OR: [{ sellerRegionCode: BAODI_REGION_CODE }, { buyerRegionCode: BAODI_REGION_CODE }],
  }
  const [platformInPeriod, registryInPeriod] = await Promise.all([
    prisma.contract.findMany({
      where: { status: { in: [...COUNTED_STATUSES] }, registeredAt: { gte: from, lt: to }, ...baodi },
      select: { id: true, registrationNumber: true, status: true, ...sideSelect },
    }),
    prisma.registryRecord.findMany({
      where: { batchId: batch.id, registeredAt: { gte: from, lt: to } },
      select: { id: true, row: true, registrationNumber: true, ...sideSelect },
    }),
  ])
  // The other side of a row whose date differs lies outside the period: fetched by number.
  const platformNumbers = new Set(platformInPeriod.map((c) => c.registrationNumber!))
  const registryNumbers = new Set(registryInPeriod.map((r) => r.registrationNumber))
  const [platformElsewhere, registryElsewhere] = await Promise.all([
    prisma.contract.findMany({
      where: {
        registrationNumber: { in: [...registryNumbers].filter((n) => !platformNumbers.has(n)) },
        status: { in: [...COUNTED_STATUSES] },
      },
      select: { id: true, registrationNumber: true, status: true, ...sideSelect },
    }),
    prisma.registryRecord.findMany({
      where: {
        batchId: batch.id,
        registrationNumber: { in: [...platformNumbers].filter((n) => !registryNumbers.has(n)) },
      },
      select: { id: true, row: true, registrationNumber: true, ...sideSelect },
    }),
  ])
  const platform = new Map([...platformInPeriod, ...platformElsewhere].map((c) => [c.registrationNumber!, c]))
  const registry = new Map([...registryInPeriod, ...registryElsewhere].map((r) => [r.registrationNumber, r]))
  const numbers = [...new Set([...platform.keys(), ...registry.keys()])].sort()
  const decisions = new Map(
    (
      await prisma.reconciliationDecision.findMany({
        where: { batchId: batch.id, registrationNumber: { in: numbers } },
        select: {
          registrationNumber: true,
          action: true,
          note: true,
          createdAt: true,
          decidedBy: { select: { name: true } },
        },
      })
    ).map((d) => [d.registrationNumber, { action: d.action, note: d.note, by: d.decidedBy.name, at: d.createdAt }]),
  )
  let matched = 0
  const differences: Difference[] = []
  for (const number of numbers) {
    const p = platform.get(number)
    const r = registry.get(number)
    const ps = p ? { id: p.id, ...side(p) } : null
    const rs = r ? { id: r.id, row: r.row, ...side(r) } : null
    const fields = ps && rs ? differingFields(ps, rs) : []
    if (ps && rs && fields.length === 0) {
      matched++
      continue
    }
    differences.push({
      registrationNumber: number,
      kind: ps && rs ? 'CHANGED' : ps ? 'PLATFORM_ONLY' : 'REGISTRY_ONLY',
      fields,
      platform: ps,
      registry: rs,
      decision: decisions.get(number) ?? null,
    })
  }
  return {
    batch: {
      id: batch.id,
      fileName: batch.fileName,
      createdAt: batch.createdAt,
      records: batch._count.registryRecords,
    },
    period,
    matched,
    differences,
    totals: {
      platform: totals(platformInPeriod.map((c) => side(c))),
      registry: totals(registryInPeriod.map((r) => side(r))),
    },
  }
}

/** JavaScript's `\s`, which `sameParty` strips from names, as a PostgreSQL bracket expression. */
const SPACE = '[[:space:]\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]'

/**
 * How many differences a year has against the latest registry export (the dashboard's header).
 * The same comparison as `reconcile` (held equal by a test), counted in one statement instead of
 * loading the year's contracts: the bureau's dashboard asks it on every load.
 */
export async function differenceCount(year: number): Promise<number | null> {
  const batch = await latestRegistryBatch()
  if (!batch) return null
  const { from, to } = periodRange({ year })
  const counted = Prisma.join([...COUNTED_STATUSES])
  const party = (side: 'buyer' | 'seller') => {
    const code = Prisma.raw(`"${side}CreditCode"`)
    const name = Prisma.raw(`"${side}Name"`)
    return Prisma.sql`CASE WHEN coalesce(c.${code}, '') <> '' AND coalesce(r.${code}, '') <> ''
      THEN c.${code} = r.${code}
      ELSE regexp_replace(c.${name}, ${SPACE}, '', 'g') = regexp_replace(r.${name}, ${SPACE}, '', 'g') END`
  }
  const beijingDay = (column: Prisma.Sql) => Prisma.sql`(${column} + interval '8 hours')::date`
  const [row] = await prisma.$queryRaw<Array<{ count: number }>>`
    WITH numbers AS (
      SELECT "registrationNumber" AS n FROM "Contract"
      WHERE "status"::text IN (${counted}) AND "registeredAt" >= ${from} AND "registeredAt" < ${to}
        AND ("sellerRegionCode" = ${BAODI_REGION_CODE} OR "buyerRegionCode" = ${BAODI_REGION_CODE})
      UNION
      SELECT "registrationNumber" FROM "RegistryRecord"
      WHERE "batchId" = ${batch.id} AND "registeredAt" >= ${from} AND "registeredAt" < ${to}
    )
    SELECT count(*)::int AS count FROM numbers
    LEFT JOIN "Contract" c ON c."registrationNumber" = numbers.n AND c."status"::text IN (${counted})
    LEFT JOIN "RegistryRecord" r ON r."batchId" = ${batch.id} AND r."registrationNumber" = numbers.n
    WHERE c."id" IS NULL OR r."id" IS NULL
      OR c."amountFen" <> r."amountFen" OR c."techAmountFen" <> r."techAmountFen"
      OR c."type"::text <> r."type"::text
      OR NOT (${party('buyer')}) OR NOT (${party('seller')})
      OR c."signedOn" <> r."signedOn"
      OR ${beijingDay(Prisma.sql`c."registeredAt"`)} IS DISTINCT FROM ${beijingDay(Prisma.sql`r."registeredAt"`)}`
  return row?.count ?? 0
}
