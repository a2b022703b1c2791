import { createHash } from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client'
import type { ContractSide } from '~/generated/prisma/enums'
import { notifyOrganization } from '~/models/notifications.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { partyOrgIds } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'
import { calendarDate } from '~/utils/format'
import { NOT_FOUND, type Outcome } from '~/utils/outcome'

/**
 * Two-sided contracts. What binds both parties (parties, type, 成交额, 技术交易额, dates,
 * milestones) is confirmed by each of them before the contract can be signed or submitted. Every
 * change of those figures raises `termsVersion`, so an earlier confirmation no longer counts and
 * both confirm again; every confirmation is kept with the version and a digest of what it saw.
 */

type Tx = Prisma.TransactionClient

interface Terms {
  type: string
  projectName: string
  buyerOrgId: string | null
  buyerName: string
  buyerCreditCode: string | null
  buyerRegionCode: string
  sellerOrgId: string | null
  sellerName: string
  sellerCreditCode: string | null
  sellerRegionCode: string
  amountFen: bigint
  techAmountFen: bigint
  signedOn: Date
  validFrom: Date | null
  validTo: Date | null
  paymentMode: string
  fieldCode: string | null
  ipType: string
  milestones: Array<{ seq: number; title: string; amountFen: bigint; dueOn: Date | null }>
}

const date = (d: Date | null) => (d ? calendarDate(d) : null)

/** SHA-256 of the figures in a fixed order: what a confirmation vouches for. */
export function termsDigest(terms: Terms): string {
  const canonical = [
    terms.type,
    terms.projectName,
    [terms.buyerOrgId, terms.buyerName, terms.buyerCreditCode, terms.buyerRegionCode],
    [terms.sellerOrgId, terms.sellerName, terms.sellerCreditCode, terms.sellerRegionCode],
    String(terms.amountFen),
    String(terms.techAmountFen),
    [date(terms.signedOn), date(terms.validFrom), date(terms.validTo)],
    terms.paymentMode,
    terms.fieldCode,
    terms.ipType,
    [...terms.milestones]
      .sort((a, b) => a.seq - b.seq)
      .map((m) => [m.seq, m.title, String(m.amountFen), date(m.dueOn)]),
  ]
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex')
}

/** Which side of the contract the user acts for, if either (experts act for no side). */
export function sideOf(
  user: Pick<SessionUser, 'memberships'>,
  contract: { buyerOrgId: string | null; sellerOrgId: string | null },
): ContractSide | null {
  const orgs = partyOrgIds(user)
  if (contract.buyerOrgId && orgs.includes(contract.buyerOrgId)) return 'BUYER'
  if (contract.sellerOrgId && orgs.includes(contract.sellerOrgId)) return 'SELLER'
  return null
}

export interface ConfirmationView {
  side: ContractSide
  termsVersion: number
}

/** Which sides confirmed the current terms; complete when both did. */
export function confirmationState(contract: {
  termsVersion: number
  buyerOrgId: string | null
  sellerOrgId: string | null
  confirmations?: ConfirmationView[]
}) {
  const current = (contract.confirmations ?? []).filter((c) => c.termsVersion === contract.termsVersion)
  const buyer = current.some((c) => c.side === 'BUYER')
  const seller = current.some((c) => c.side === 'SELLER')
  return {
    buyer,
    seller,
    complete: buyer && seller,
    // A party that is not on the platform cannot confirm; the bureau registers such contracts
    // from the registry's export instead.
    bothOnPlatform: contract.buyerOrgId !== null && contract.sellerOrgId !== null,
  }
}

/** Locks the contract row for the rest of the transaction: confirmations, edits and steps queue. */
export async function lockContract(tx: Tx, contractId: string) {
  await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${contractId} FOR UPDATE`
}

/** Whether both parties confirmed the contract's current terms (inside the caller's lock). */
export async function bothConfirmed(tx: Tx, contractId: string): Promise<boolean> {
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { termsVersion: true, buyerOrgId: true, sellerOrgId: true, confirmations: true },
  })
  return confirmationState(contract).complete
}

export type ConfirmOutcome = Outcome

/**
 * The user's side confirms the version of the terms it saw. Refused when the terms changed since
 * (`seenVersion`), once the contract is no longer a draft, or for anyone but a party. Confirming
 * the same version twice is one confirmation.
 */
export async function confirmTerms(
  user: SessionUser,
  contractId: string,
  seenVersion: number,
): Promise<ConfirmOutcome> {
  return prisma.$transaction(async (tx) => {
    await lockContract(tx, contractId)
    const contract = await tx.contract.findUnique({
      where: { id: contractId },
      include: { milestones: true },
    })
    const side = contract && sideOf(user, contract)
    if (!contract || !side) return NOT_FOUND
    if (contract.status !== 'DRAFT') return { ok: false, error: 'errors.contract.notDraft' }
    if (contract.termsVersion !== seenVersion) return { ok: false, error: 'errors.contract.termsChanged' }
    const organizationId = side === 'BUYER' ? contract.buyerOrgId! : contract.sellerOrgId!
    const digest = termsDigest(contract)
    const created = await tx.contractConfirmation.createMany({
      data: [
        { contractId, side, termsVersion: contract.termsVersion, termsDigest: digest, organizationId, userId: user.id },
      ],
      skipDuplicates: true,
    })
    if (created.count === 0) return { ok: true }
    await recordAudit(tx, {
      actorId: user.id,
      actorOrgId: organizationId,
      action: 'contract.confirm',
      entityType: 'Contract',
      entityId: contractId,
      data: { side, termsVersion: contract.termsVersion, termsDigest: digest },
    })
    const other = side === 'BUYER' ? contract.sellerOrgId : contract.buyerOrgId
    if (other) {
      await notifyOrganization(
        tx,
        other,
        'contractConfirmed',
        { project: contract.projectName },
        `/contracts/${contractId}`,
      )
    }
    return { ok: true }
  })
}
