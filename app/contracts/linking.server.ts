import { lockContract } from './confirmations.server'
import { notifyOrganization } from '~/models/notifications.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { canLinkContractParties } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'
import { NOT_FOUND, type Outcome } from '~/utils/outcome'

/**
 * A contract party known only by the name on the registry's row (or a form) is an unlinked
 * counterparty: shown as text, owned by nobody. Bureau staff link it to the platform organization
 * its unified social credit code names, never by name; the link is audited and the organization
 * told, and from then on it sees the contract as a party.
 */
export async function linkContractParty(
  user: SessionUser,
  contractId: string,
  input: { side: 'BUYER' | 'SELLER'; creditCode: string },
): Promise<Outcome> {
  if (!canLinkContractParties(user)) return NOT_FOUND
  return prisma.$transaction(async (tx) => {
    await lockContract(tx, contractId)
    const contract = await tx.contract.findUnique({
      where: { id: contractId },
      select: { id: true, projectName: true, buyerOrgId: true, sellerOrgId: true, buyerName: true, sellerName: true },
    })
    if (!contract) return NOT_FOUND
    const [linked, other, name] =
      input.side === 'BUYER'
        ? [contract.buyerOrgId, contract.sellerOrgId, contract.buyerName]
        : [contract.sellerOrgId, contract.buyerOrgId, contract.sellerName]
    if (linked) return { ok: false, error: 'errors.contract.partyLinked' }
    const organization = await tx.organization.findUnique({
      where: { creditCode: input.creditCode },
      select: { id: true, name: true, verification: true },
    })
    if (!organization || organization.verification === 'MERGED')
      return { ok: false, error: 'errors.contract.partyUnknown' }
    if (organization.id === other) return { ok: false, error: 'errors.contract.partySame' }
    await tx.contract.update({
      where: { id: contract.id },
      data: input.side === 'BUYER' ? { buyerOrgId: organization.id } : { sellerOrgId: organization.id },
    })
    await recordAudit(tx, {
      actorId: user.id,
      actorOrgId: user.memberships[0]?.organizationId ?? null,
      action: 'contract.linkParty',
      entityType: 'Contract',
      entityId: contract.id,
      data: { side: input.side, nameOnContract: name, organizationId: organization.id, creditCode: input.creditCode },
    })
    await notifyOrganization(
      tx,
      organization.id,
      'contractLinked',
      { project: contract.projectName },
      `/contracts/${contract.id}`,
    )
    return { ok: true }
  })
}
