import { EMPTY_TRACK_RECORD, type TrackRecord } from './score'
import { COUNTED_STATUSES } from '~/models/contracts.server'
import type { PrismaClient } from '~/generated/prisma/client'

function responseRate(rows: Array<{ status: string; _count: number }>): number | null {
  const total = rows
    .filter((r) => r.status !== 'REQUESTED' && r.status !== 'WITHDRAWN')
    .reduce((s, r) => s + r._count, 0)
  if (total === 0) return null
  const answered = rows
    .filter((r) => r.status === 'ACCEPTED' || r.status === 'DECLINED')
    .reduce((s, r) => s + r._count, 0)
  return answered / total
}

/** Contracts, response rates and feedback for the candidates, in a handful of grouped queries. */
export async function trackRecords(
  db: PrismaClient,
  kind: 'expert' | 'result',
  candidates: Array<{ id: string; organizationId: string }>,
  ownerOrganizationId: string,
): Promise<Map<string, TrackRecord>> {
  const ids = candidates.map((c) => c.id)
  const orgIds = [...new Set(candidates.map((c) => c.organizationId))]
  const idKey = kind === 'expert' ? 'expertId' : 'resultId'
  const [orgContracts, resultContracts, intros, feedback, ownerFeedback] = await Promise.all([
    db.contract.groupBy({
      by: ['sellerOrgId'],
      where: { sellerOrgId: { in: orgIds }, status: { in: [...COUNTED_STATUSES] } },
      _count: true,
    }),
    kind === 'result'
      ? db.contract.groupBy({
          by: ['resultId'],
          where: { resultId: { in: ids }, status: { in: [...COUNTED_STATUSES] } },
          _count: true,
        })
      : Promise.resolve([]),
    kind === 'expert'
      ? db.introduction.groupBy({ by: ['expertId', 'status'], where: { expertId: { in: ids } }, _count: true })
      : db.introduction.groupBy({
          by: ['targetOrgId', 'status'],
          where: { targetOrgId: { in: orgIds } },
          _count: true,
        }),
    db.match.groupBy({
      by: [idKey, 'status'],
      where: { [idKey]: { in: ids }, status: { in: ['ACCEPTED', 'DECLINED'] } },
      _count: true,
    }),
    db.match.findMany({
      where: {
        [idKey]: { in: ids },
        status: { in: ['ACCEPTED', 'DECLINED'] },
        need: { organizationId: ownerOrganizationId },
      },
      select: { expertId: true, resultId: true, status: true, feedbackReason: true },
    }),
  ])
  const orgContractCount = new Map(orgContracts.map((r) => [r.sellerOrgId, r._count]))
  const resultContractCount = new Map(resultContracts.map((r) => [r.resultId, r._count]))
  const records = new Map<string, TrackRecord>()
  for (const c of candidates) {
    const introRows = (intros as Array<Record<string, unknown> & { status: string; _count: number }>).filter((r) =>
      kind === 'expert' ? r.expertId === c.id : r.targetOrgId === c.organizationId,
    )
    const mine = (feedback as Array<Record<string, unknown> & { status: string; _count: number }>).filter(
      (r) => r[idKey] === c.id,
    )
    const own = ownerFeedback.filter((r) => r[idKey] === c.id)
    records.set(c.id, {
      ...EMPTY_TRACK_RECORD,
      contracts: (orgContractCount.get(c.organizationId) ?? 0) + (resultContractCount.get(c.id) ?? 0),
      responseRate: responseRate(introRows),
      accepted: mine.filter((r) => r.status === 'ACCEPTED').reduce((s, r) => s + r._count, 0),
      declined: mine.filter((r) => r.status === 'DECLINED').reduce((s, r) => s + r._count, 0),
      ownerAccepted: own.filter((r) => r.status === 'ACCEPTED').length,
      ownerDeclinedOutsideField: own.filter((r) => r.status === 'DECLINED' && r.feedbackReason === 'OUTSIDE_FIELD')
        .length,
    })
  }
  return records
}
