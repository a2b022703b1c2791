import { Prisma } from '~/generated/prisma/client'
import type { CountingBasis, DateBasis, TargetMetric } from '~/generated/prisma/enums'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { TargetFormInput } from '~/validation/targets'

/**
 * The action plan's KPI table and the targets the dashboard measures against. A KPI's current
 * value comes from the platform's data where it has it (turnover, contract count, enterprises by
 * tier); otherwise bureau staff enter it, and every entry is kept.
 */
const TIER_METRICS: Partial<Record<TargetMetric, 'HIGH_TECH' | 'TECH_SME' | 'EAGLET' | 'GAZELLE' | 'LEADER'>> = {
  HIGH_TECH_ENTERPRISES: 'HIGH_TECH',
  TECH_SMES: 'TECH_SME',
  EAGLET_ENTERPRISES: 'EAGLET',
  GAZELLE_ENTERPRISES: 'GAZELLE',
  LEADER_ENTERPRISES: 'LEADER',
}

/**
 * The district's registered turnover for a year on a basis, in fen, from the rollup: by
 * registration date (the registry's statistics) unless the year's target is set on signing.
 */
async function turnover(year: number, basis: CountingBasis, dateBasis: DateBasis) {
  const [row] = await prisma.$queryRaw<Array<{ contracts: bigint | null; amount: bigint | null; tech: bigint | null }>>`
    SELECT sum("contracts")::bigint AS contracts, sum("amountFen")::bigint AS amount, sum("techAmountFen")::bigint AS tech
    FROM "ContractRollup"
    WHERE "year" = ${year} AND "side" = ${basis} AND "bucket" = 'COUNTED'
      AND "dim" = ${dateBasis === 'SIGNING' ? 'signed' : 'all'}`
  return { contracts: Number(row?.contracts ?? 0), amountFen: row?.amount ?? 0n, techAmountFen: row?.tech ?? 0n }
}

/** A metric's value from the data, in the KPI's unit, or null when the platform cannot know it. */
async function computed(
  metric: TargetMetric | null,
  unit: string | null,
  year: number,
  { basis, dateBasis }: { basis: CountingBasis; dateBasis: DateBasis },
) {
  if (!metric) return null
  const tier = TIER_METRICS[metric]
  if (tier) return new Prisma.Decimal(await prisma.organization.count({ where: { tiers: { has: tier } } }))
  if (metric === 'CONTRACT_COUNT') return new Prisma.Decimal((await turnover(year, basis, dateBasis)).contracts)
  if (metric === 'CONTRACT_AMOUNT' || metric === 'TECH_AMOUNT') {
    const t = await turnover(year, basis, dateBasis)
    const fen = new Prisma.Decimal((metric === 'CONTRACT_AMOUNT' ? t.amountFen : t.techAmountFen).toString())
    const divisor = unit === '亿元' ? 1e10 : unit === '万元' ? 1e6 : 100
    return fen.div(divisor).toDecimalPlaces(2)
  }
  return null
}

export async function listKpis() {
  const kpis = await prisma.kpi.findMany({
    orderBy: { seq: 'asc' },
    include: {
      values: { orderBy: { recordedAt: 'desc' }, take: 5, include: { recordedBy: { select: { name: true } } } },
    },
  })
  const basisOf = new Map<number, { basis: CountingBasis; dateBasis: DateBasis }>()
  for (const t of await prisma.target.findMany({ where: { metric: 'CONTRACT_AMOUNT', scope: 'DISTRICT' } })) {
    basisOf.set(t.year, { basis: t.basis, dateBasis: t.dateBasis })
  }
  return Promise.all(
    kpis.map(async (k) => {
      const year = k.targetYear ?? new Date().getUTCFullYear()
      const basis = basisOf.get(year) ?? { basis: 'BOTH' as const, dateBasis: 'REGISTRATION' as const }
      const fromData = await computed(k.metric, k.unit, year, basis)
      const latest = k.values[0]
      const current = fromData ?? latest?.value ?? null
      return {
        ...k,
        basis:
          k.metric === 'CONTRACT_AMOUNT' || k.metric === 'TECH_AMOUNT' || k.metric === 'CONTRACT_COUNT' ? basis : null,
        source: fromData !== null ? ('data' as const) : latest ? ('entered' as const) : null,
        current,
        progress:
          current !== null && k.targetValue && !k.targetValue.isZero()
            ? Number(current.div(k.targetValue).mul(100).toFixed(1))
            : null,
      }
    }),
  )
}

/** Bureau staff record where a KPI stands (a value, a note, or both); earlier entries stay. */
export async function recordKpiValue(
  actor: { userId: string; organizationId: string },
  kpiId: string,
  input: { value?: string; note?: string },
) {
  const kpi = await prisma.kpi.findUnique({ where: { id: kpiId }, select: { id: true } })
  if (!kpi) return false
  await prisma.$transaction(async (tx) => {
    const entry = await tx.kpiValue.create({
      data: {
        kpiId,
        value: input.value === undefined ? null : new Prisma.Decimal(input.value),
        note: input.note ?? null,
        recordedById: actor.userId,
      },
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'kpi.record',
      entityType: 'Kpi',
      entityId: kpiId,
      data: { valueId: entry.id, value: input.value ?? null },
    })
  })
  return true
}

export function listTargets() {
  return prisma.target.findMany({
    orderBy: [{ year: 'desc' }, { metric: 'asc' }, { scope: 'asc' }],
    include: { area: { select: { nameZh: true, nameEn: true } } },
  })
}

/** Sets a target (one per metric, year and scope): money in fen, counts as numbers, ratios in %. */
export async function saveTarget(actor: { userId: string; organizationId: string }, input: TargetFormInput) {
  const where = {
    metric: input.metric,
    year: input.year,
    scope: input.areaId ? ('AREA' as const) : ('DISTRICT' as const),
    areaId: input.areaId ?? null,
  }
  return prisma.$transaction(async (tx) => {
    const existing = await tx.target.findFirst({ where })
    const target = existing
      ? await tx.target.update({
          where: { id: existing.id },
          data: { value: input.value, basis: input.basis, dateBasis: input.dateBasis },
        })
      : await tx.target.create({
          data: { ...where, value: input.value, basis: input.basis, dateBasis: input.dateBasis },
        })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: existing ? 'target.update' : 'target.create',
      entityType: 'Target',
      entityId: target.id,
      data: {
        ...where,
        value: input.value,
        basis: input.basis,
        dateBasis: input.dateBasis,
        previous: existing?.value.toString() ?? null,
      },
    })
    return target
  })
}
