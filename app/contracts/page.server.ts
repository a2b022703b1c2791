import { confirmationState } from './confirmations.server'
import { getContract } from './lifecycle.server'
import { allowedSteps } from './steps.server'
import { overpaidFen } from '~/payments/ledger.server'
import { beijingDate, beijingDateTime, optionalCalendarDate } from '~/utils/format'
import { canLinkContractParties, isPlatformAdmin, partyOrgIds, type Membership } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'

const day = (d: Date | null) => (d ? beijingDate(d) : null)
const moment = (d: Date | null) => (d ? beijingDateTime(d) : null)

/**
 * A contract's page as the viewer may see it: the contract as registered with its dates as the
 * page reads them, its milestones and payments, confirmations, amendments and history, the side
 * the viewer is on and the steps they may take. Null when the contract is not theirs to see.
 * Money stays in fen (bigint) for serialize().
 */
export async function getContractPage(user: SessionUser, membership: Membership, contractId: string) {
  const contract = await getContract(user, contractId)
  if (!contract) return null
  const mine = partyOrgIds(user)
  const isOurs = (orgId: string | null) => orgId !== null && mine.includes(orgId)
  return {
    side: { seller: isOurs(contract.sellerOrgId), buyer: isOurs(contract.buyerOrgId), admin: isPlatformAdmin(user) },
    steps: allowedSteps(user, contract),
    canEdit: contract.status === 'DRAFT' && contract.createdByOrgId === membership.organizationId,
    canLink: canLinkContractParties(user),
    contract: {
      ...contract,
      signedOn: optionalCalendarDate(contract.signedOn),
      validFrom: optionalCalendarDate(contract.validFrom),
      validTo: optionalCalendarDate(contract.validTo),
      registeredAt: day(contract.registeredAt),
      milestones: contract.milestones.map((m) => ({
        id: m.id,
        seq: m.seq,
        title: m.title,
        amountFen: m.amountFen,
        paidFen: m.paidFen,
        refundedFen: m.refundedFen,
        overpaidFen: overpaidFen(m),
        dueOn: optionalCalendarDate(m.dueOn),
        status: m.status,
        payments: m.payments.map((p) => ({
          id: p.id,
          method: p.method,
          status: p.status,
          amountFen: p.amountFen,
          refundedFen: p.refundedFen,
          paidAt: day(p.paidAt),
          remittedAt: moment(p.remittedAt),
          remittedOn: optionalCalendarDate(p.remittedOn),
          reference: p.bankReference,
        })),
      })),
      confirmations: contract.confirmations.map((k) => ({
        id: k.id,
        side: k.side,
        termsVersion: k.termsVersion,
        termsDigest: k.termsDigest,
        userName: k.user.name,
        createdAt: beijingDateTime(k.createdAt),
      })),
      bothOnPlatform: confirmationState(contract).bothOnPlatform,
      sellerAccount: contract.sellerOrg?.bankAccountNumber ? contract.sellerOrg : null,
      amendments: contract.amendments.map((a) => ({
        id: a.id,
        status: a.status,
        proposedSide: a.proposedSide,
        amountFen: a.amountFen,
        techAmountFen: a.techAmountFen,
        reason: a.reason,
        buyerConfirmedAt: moment(a.buyerConfirmedAt),
        sellerConfirmedAt: moment(a.sellerConfirmedAt),
        createdAt: beijingDateTime(a.createdAt),
        closedAt: moment(a.closedAt),
      })),
      revisions: contract.revisions.map((r) => ({
        version: r.version,
        reason: r.reason,
        snapshot: r.snapshot as { amountFen: string; techAmountFen: string },
        createdAt: day(r.createdAt),
      })),
    },
  }
}
