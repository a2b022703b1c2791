import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '~/utils/audit.server'
import { beijingTodayAsDate } from '~/utils/time'
import { EXPERT_REVIEW_FEN } from '~/validation/contracts'

type Tx = Prisma.TransactionClient

export interface AwardedProposal {
  id: string
  organizationId: string
  priceFen: bigint
  milestones: Array<{ title: string; amountFen: string; month: number }>
}

/** The calendar date `months` after `from` (clamped to the month's last day). */
function monthsAfter(from: Date, months: number): Date {
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay))
  return target
}

/**
 * The 技术开发（委托） contract an award starts: drawn up by the enterprise as buyer, the awarded
 * institution as seller, for the proposal's price, with its milestones (due the proposal's months
 * from today). It is a draft: both parties still confirm the figures and the bureau registers it
 * (app/contracts/lifecycle.server.ts).
 */
export async function draftContractFromAward(
  tx: Tx,
  actor: { userId: string; organizationId: string },
  call: { id: string; title: string; needId: string; organizationId: string; fieldCode: string | null },
  proposal: AwardedProposal,
  /** The award's day (Beijing), which dates the contract and its milestones; today by default. */
  awardedOn: Date = beijingTodayAsDate(),
): Promise<string> {
  const [buyer, seller] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: call.organizationId } }),
    tx.organization.findUniqueOrThrow({ where: { id: proposal.organizationId } }),
  ])
  const today = awardedOn
  const contract = await tx.contract.create({
    data: {
      type: 'DEVELOPMENT_COMMISSIONED',
      projectName: call.title,
      buyerOrgId: buyer.id,
      buyerName: buyer.name,
      buyerCreditCode: buyer.creditCode,
      buyerRegionCode: buyer.regionCode,
      buyerEntityType: buyer.legalEntityType,
      sellerOrgId: seller.id,
      sellerName: seller.name,
      sellerCreditCode: seller.creditCode,
      sellerRegionCode: seller.regionCode,
      sellerEntityType: seller.legalEntityType,
      amountFen: proposal.priceFen,
      techAmountFen: proposal.priceFen,
      signedOn: today,
      paymentMode: proposal.milestones.length >= 2 ? 'INSTALMENTS' : 'LUMP_SUM',
      fieldCode: call.fieldCode,
      needsExpertReview: proposal.priceFen >= EXPERT_REVIEW_FEN,
      needId: call.needId,
      proposalId: proposal.id,
      createdByOrgId: buyer.id,
      milestones: {
        create: proposal.milestones.map((m, i) => ({
          seq: i + 1,
          title: m.title,
          amountFen: BigInt(m.amountFen),
          dueOn: monthsAfter(today, m.month),
        })),
      },
    },
    select: { id: true },
  })
  await recordAudit(tx, {
    actorId: actor.userId,
    actorOrgId: actor.organizationId,
    action: 'contract.create',
    entityType: 'Contract',
    entityId: contract.id,
    data: { amountFen: String(proposal.priceFen), callId: call.id, proposalId: proposal.id },
  })
  return contract.id
}
