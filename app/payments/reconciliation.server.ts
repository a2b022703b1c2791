import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { isBureau, partyOrgIds } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'

/**
 * Payments by state, received against contracted per contract, milestones paid beyond their
 * amount (to refund), and (for bureau staff) whatever Stripe reported that matches no record. Sellers see the contracts they sell; bureau all.
 */
export async function reconciliation(user: SessionUser) {
  const bureau = isBureau(user)
  const mine = partyOrgIds(user)
  const contractWhere: Prisma.ContractWhereInput = bureau
    ? { payments: { some: {} } }
    : { payments: { some: {} }, OR: [{ sellerOrgId: { in: mine } }, { buyerOrgId: { in: mine } }] }
  const [byStatus, contracts, unmatched, overpaid] = await Promise.all([
    prisma.payment.groupBy({
      by: ['status'],
      where: { contract: contractWhere },
      _count: { _all: true },
      _sum: { amountFen: true, refundedFen: true },
    }),
    prisma.contract.findMany({
      where: contractWhere,
      select: {
        id: true,
        projectName: true,
        sellerName: true,
        buyerName: true,
        amountFen: true,
        payments: { select: { amountFen: true, refundedFen: true, paidAt: true, status: true } },
      },
      orderBy: { updatedAt: 'desc' },
      take: 200,
    }),
    bureau
      ? prisma.stripeEvent.findMany({
          where: { error: 'unmatched', processedAt: null },
          orderBy: { receivedAt: 'desc' },
          take: 100,
          select: { id: true, type: true, receivedAt: true },
        })
      : Promise.resolve([]),
    // Milestones that received more than their amount (net of refunds): the seller owes a refund.
    prisma.$queryRaw<Array<{ id: string; title: string; contractId: string; projectName: string; excessFen: bigint }>>`
      SELECT m."id", m."title", c."id" AS "contractId", c."projectName",
             m."paidFen" - m."refundedFen" - m."amountFen" AS "excessFen"
      FROM "Milestone" m JOIN "Contract" c ON c."id" = m."contractId"
      WHERE m."paidFen" - m."refundedFen" > m."amountFen"
        AND (${bureau} OR c."sellerOrgId" = ANY(${mine}) OR c."buyerOrgId" = ANY(${mine}))
      ORDER BY m."updatedAt" DESC
      LIMIT 200`,
  ])
  return {
    bureau,
    byStatus: byStatus.map((r) => ({
      status: r.status,
      count: r._count._all,
      amountFen: r._sum.amountFen ?? 0n,
      refundedFen: r._sum.refundedFen ?? 0n,
    })),
    contracts: contracts.map((c) => {
      const received = c.payments
        .filter((p) => p.paidAt)
        .reduce((s, p) => s + p.amountFen - (p.refundedFen > p.amountFen ? p.amountFen : p.refundedFen), 0n)
      return {
        id: c.id,
        projectName: c.projectName,
        parties: `${c.sellerName} → ${c.buyerName}`,
        contractedFen: c.amountFen,
        receivedFen: received,
        outstandingFen: c.amountFen - received,
      }
    }),
    unmatched,
    overpaid,
  }
}
