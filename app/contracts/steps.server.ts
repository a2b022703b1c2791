import { amendmentState } from './amendments.server'
import { confirmationState, sideOf, type ConfirmationView } from './confirmations.server'
import type { ContractStatus } from '~/generated/prisma/enums'
import { isBureau, partyOrgIds } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'
import type { ContractStep } from '~/validation/contracts'

/**
 * Which lifecycle steps exist, from which statuses, and who may take each on a contract now:
 * parties confirm, sign, submit and agree amendments; the bureau registers.
 */
export const STEPS: Record<ContractStep['intent'], { from: ContractStatus[]; to: ContractStatus; bureau: boolean }> = {
  confirm: { from: ['DRAFT'], to: 'DRAFT', bureau: false },
  sign: { from: ['DRAFT'], to: 'SIGNED', bureau: false },
  submit: { from: ['SIGNED'], to: 'SUBMITTED', bureau: false },
  register: { from: ['SIGNED', 'SUBMITTED'], to: 'REGISTERED', bureau: true },
  amend: { from: ['REGISTERED', 'AMENDED'], to: 'AMENDED', bureau: true },
  proposeAmendment: { from: ['REGISTERED', 'AMENDED'], to: 'AMENDED', bureau: false },
  confirmAmendment: { from: ['REGISTERED', 'AMENDED'], to: 'AMENDED', bureau: false },
  withdrawAmendment: { from: ['REGISTERED', 'AMENDED'], to: 'AMENDED', bureau: false },
  registerAmendment: { from: ['REGISTERED', 'AMENDED'], to: 'AMENDED', bureau: true },
  terminate: { from: ['SIGNED', 'SUBMITTED', 'REGISTERED', 'AMENDED'], to: 'TERMINATED', bureau: true },
}

/** Which steps the user may take on the contract now. */
export function allowedSteps(
  user: SessionUser,
  contract: {
    status: ContractStatus
    buyerOrgId: string | null
    sellerOrgId: string | null
    createdByOrgId: string | null
    termsVersion: number
    confirmations?: ConfirmationView[]
    amendments?: Array<{ status: string; buyerConfirmedAt: Date | null; sellerConfirmedAt: Date | null }>
  },
) {
  const bureau = isBureau(user)
  const confirmed = confirmationState(contract)
  const side = sideOf(user, contract)
  const party = partyOrgIds(user).some((o) =>
    [contract.buyerOrgId, contract.sellerOrgId, contract.createdByOrgId].includes(o),
  )
  return (Object.keys(STEPS) as Array<ContractStep['intent']>).filter((step) => {
    const rule = STEPS[step]
    if (!rule.from.includes(contract.status)) return false
    // Parties may call off a contract before it is registered; after that only the registry can.
    if (step === 'terminate') return bureau || (party && !['REGISTERED', 'AMENDED'].includes(contract.status))
    // Each party confirms the current terms once; signing waits for both.
    if (step === 'confirm')
      return side !== null && confirmed.bothOnPlatform && !confirmed[side === 'BUYER' ? 'buyer' : 'seller']
    if (step === 'sign') return party && confirmed.complete
    // After registration the figures change only as both parties agreed (amendments.server.ts),
    // unless a party is not on the platform and the bureau registers the registry's change.
    const open = contract.amendments?.find((a) => a.status === 'PROPOSED')
    const agreed = open ? amendmentState(open) : null
    if (step === 'amend') return bureau && !confirmed.bothOnPlatform
    if (step === 'proposeAmendment') return side !== null && confirmed.bothOnPlatform && !open
    if (step === 'confirmAmendment')
      return side !== null && agreed !== null && !agreed[side === 'BUYER' ? 'buyer' : 'seller']
    if (step === 'withdrawAmendment') return side !== null && agreed !== null
    if (step === 'registerAmendment') return bureau && agreed !== null && agreed.complete
    return rule.bureau ? bureau : party
  })
}
