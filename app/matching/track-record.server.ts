import { EMPTY_TRACK_RECORD, type TrackRecord } from './score'
import { COUNTED_STATUSES } from '~/contracts/status'
import { Prisma, type PrismaClient } from '~/generated/prisma/client'

interface Row {
  id: string
  contracts: number
  answered: number
  closed: number
  accepted: number
  declined: number
  ownerAccepted: number
  ownerDeclinedOutsideField: number
}

/**
 * Contracts, response rates and feedback for the candidates, in one statement: a match ranks 40
 * candidates of each kind, and five grouped ORM queries a kind were most of a match's time
 * (bench/search.ts).
 * - contracts: counted contracts of the institution, plus those of the result itself;
 * - response rate: requests to the expert (or, for a result, to its institution) that were
 *   answered, among those no longer waiting or withdrawn;
 * - feedback: accepts and declines on this candidate, everyone's and the need owner's.
 */
export async function trackRecords(
  db: PrismaClient,
  kind: 'expert' | 'result',
  candidates: Array<{ id: string; organizationId: string }>,
  ownerOrganizationId: string,
): Promise<Map<string, TrackRecord>> {
  if (candidates.length === 0) return new Map()
  const counted = Prisma.sql`k."status"::text IN (${Prisma.join(COUNTED_STATUSES)})`
  const idColumn = kind === 'expert' ? Prisma.sql`"expertId"` : Prisma.sql`"resultId"`
  const introTarget = kind === 'expert' ? Prisma.sql`i."expertId" = c.id` : Prisma.sql`i."targetOrgId" = c.org`
  const resultContracts =
    kind === 'result'
      ? Prisma.sql`(SELECT count(*) FROM "Contract" k WHERE k."resultId" = c.id AND ${counted})`
      : Prisma.sql`0`
  const rows = await db.$queryRaw<Row[]>`
    SELECT c.id,
      ((SELECT count(*) FROM "Contract" k WHERE k."sellerOrgId" = c.org AND ${counted}) + ${resultContracts})::int
        AS contracts,
      intro.answered::int AS answered, intro.closed::int AS closed,
      fb.accepted::int AS accepted, fb.declined::int AS declined,
      fb.owner_accepted::int AS "ownerAccepted", fb.owner_declined_outside::int AS "ownerDeclinedOutsideField"
    FROM unnest(${candidates.map((c) => c.id)}::text[], ${candidates.map((c) => c.organizationId)}::text[]) AS c(id, org)
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE i."status"::text IN ('ACCEPTED', 'DECLINED')) AS answered,
             count(*) FILTER (WHERE i."status"::text NOT IN ('REQUESTED', 'WITHDRAWN')) AS closed
      FROM "Introduction" i WHERE ${introTarget} AND i."direction" = 'REQUEST') intro
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE m."status" = 'ACCEPTED') AS accepted,
             count(*) FILTER (WHERE m."status" = 'DECLINED') AS declined,
             count(*) FILTER (WHERE m."status" = 'ACCEPTED' AND n."organizationId" = ${ownerOrganizationId})
               AS owner_accepted,
             count(*) FILTER (WHERE m."status" = 'DECLINED' AND m."feedbackReason" = 'OUTSIDE_FIELD'
                              AND n."organizationId" = ${ownerOrganizationId}) AS owner_declined_outside
      FROM "Match" m JOIN "Need" n ON n.id = m."needId"
      WHERE m.${idColumn} = c.id AND m."status" IN ('ACCEPTED', 'DECLINED')) fb`
  return new Map(
    rows.map((r) => [
      r.id,
      {
        ...EMPTY_TRACK_RECORD,
        contracts: r.contracts,
        responseRate: r.closed === 0 ? null : r.answered / r.closed,
        accepted: r.accepted,
        declined: r.declined,
        ownerAccepted: r.ownerAccepted,
        ownerDeclinedOutsideField: r.ownerDeclinedOutsideField,
      },
    ]),
  )
}
