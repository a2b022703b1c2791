import { COUNTED_STATUSES } from '~/contracts/status'
import { scopeSql, type TurnoverFilter } from '~/contracts/turnover-query.server'
import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'

export interface CallFunnelRow {
  step: 'calls' | 'proposals' | 'awarded' | 'contracted'
  count: number
  rate: number | null
}

/** Contracts that count as concluded: signed at least, and not terminated. */
const CONCLUDED = Prisma.sql`c."status" NOT IN ('DRAFT', 'TERMINATED')`

/**
 * 揭榜挂帅 funnel: calls published in the year by the scope's enterprises → proposals they
 * received → calls awarded → contracts concluded from the awards. Awards are rated against the
 * calls, contracts against the awards; the proposals row is a count.
 */
export async function getCallFunnel(filter: TurnoverFilter): Promise<CallFunnelRow[]> {
  const from = new Date(Date.UTC(filter.year, 0, 1))
  const to = new Date(Date.UTC(filter.year + 1, 0, 1))
  const scope = scopeSql(filter.scope, Prisma.sql`o."areaId"`, Prisma.sql`o."inDevelopmentZone"`)
  const [row] = await prisma.$queryRaw<
    Array<{ calls: bigint; proposals: bigint; awarded: bigint; contracted: bigint }>
  >`
    SELECT count(*) AS calls,
      coalesce(sum((SELECT count(*) FROM "Proposal" p
                    WHERE p."callId" = k."id" AND p."status" NOT IN ('DRAFT', 'WITHDRAWN'))), 0) AS proposals,
      count(*) FILTER (WHERE k."status" = 'AWARDED') AS awarded,
      coalesce(sum((SELECT count(*) FROM "Contract" c JOIN "Proposal" p ON p."id" = c."proposalId"
                    WHERE p."callId" = k."id" AND ${CONCLUDED})), 0) AS contracted
    FROM "Call" k JOIN "Organization" o ON o."id" = k."organizationId"
    WHERE k."publishedAt" >= ${from} AND k."publishedAt" < ${to} ${scope}`
  const steps = (['calls', 'proposals', 'awarded', 'contracted'] as const).map((step) => ({
    step,
    count: Number(row?.[step] ?? 0),
  }))
  // Awards are a share of the calls, contracts of the awards; proposals are a count, not a share.
  const [calls, , awarded] = steps
  const rateAgainst = (count: number, base: number) => (base === 0 ? null : count / base)
  return [
    { ...calls, rate: null },
    { ...steps[1], rate: null },
    { ...awarded, rate: rateAgainst(awarded.count, calls.count) },
    { ...steps[3], rate: rateAgainst(steps[3].count, awarded.count) },
  ]
}

export interface CampaignCallStats {
  list: Array<{ id: string; title: string; status: string; deadline: Date; enterprise: string; proposals: number }>
  /** The campaign's bundled calls (联合榜单), drafts included. */
  bundles: Array<{ id: string; title: string; items: number; published: boolean }>
  calls: number
  answered: number
  awarded: number
  /** Median days from publication to the award, over the awarded calls. */
  medianDaysToAward: number | null
  /** 成交额 of the registered contracts that came from the campaign's awards. */
  registeredAmountFen: bigint
  registeredContracts: number
}

/** How a 征集 campaign's needs fared as calls: answered, awarded, how fast, and the turnover. */
export async function getCampaignCallStats(campaignId: string): Promise<CampaignCallStats> {
  const [row] = await prisma.$queryRaw<
    Array<{
      calls: bigint
      answered: bigint
      awarded: bigint
      median_days: number | null
      amount: bigint | null
      contracts: bigint
    }>
  >`
    WITH k AS (
      SELECT k.* FROM "Call" k JOIN "Need" n ON n."id" = k."needId"
      WHERE (n."campaignId" = ${campaignId} OR k."campaignId" = ${campaignId}) AND k."status" <> 'DRAFT'
    )
    SELECT
      (SELECT count(*) FROM k) AS calls,
      (SELECT count(*) FROM k WHERE EXISTS (SELECT 1 FROM "Proposal" p WHERE p."callId" = k."id"
                                            AND p."status" NOT IN ('DRAFT', 'WITHDRAWN'))) AS answered,
      (SELECT count(*) FROM k WHERE k."status" = 'AWARDED') AS awarded,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k."decidedAt" - k."publishedAt") / 86400)
         FROM k WHERE k."status" = 'AWARDED') AS median_days,
      (SELECT sum(c."amountFen")::bigint FROM "Contract" c JOIN "Proposal" p ON p."id" = c."proposalId"
         JOIN k ON k."id" = p."callId" WHERE c."status" IN (${Prisma.join(COUNTED_STATUSES)})) AS amount,
      (SELECT count(*) FROM "Contract" c JOIN "Proposal" p ON p."id" = c."proposalId"
         JOIN k ON k."id" = p."callId" WHERE c."status" IN (${Prisma.join(COUNTED_STATUSES)})) AS contracts`
  const list = await prisma.call.findMany({
    where: {
      status: { not: 'DRAFT' },
      OR: [{ campaignId }, { need: { campaignId } }],
    },
    select: {
      id: true,
      title: true,
      status: true,
      deadline: true,
      organization: { select: { name: true } },
      _count: { select: { proposals: { where: { status: { notIn: ['DRAFT', 'WITHDRAWN'] } } } } },
    },
    orderBy: { deadline: 'desc' },
    take: 100,
  })
  const bundles = await prisma.callBundle.findMany({
    where: { campaignId },
    select: { id: true, title: true, publishedAt: true, _count: { select: { calls: true } } },
    orderBy: { createdAt: 'desc' },
  })
  return {
    bundles: bundles.map((b) => ({
      id: b.id,
      title: b.title,
      items: b._count.calls,
      published: b.publishedAt !== null,
    })),
    list: list.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      deadline: c.deadline,
      enterprise: c.organization.name,
      proposals: c._count.proposals,
    })),
    calls: Number(row.calls),
    answered: Number(row.answered),
    awarded: Number(row.awarded),
    medianDaysToAward: row.median_days === null ? null : Math.round(row.median_days * 10) / 10,
    registeredAmountFen: row.amount ?? 0n,
    registeredContracts: Number(row.contracts),
  }
}
