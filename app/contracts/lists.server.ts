import { prisma } from '~/utils/db.server'

/** What a list of contracts shows of each. */
export const CONTRACT_SUMMARY = {
  id: true,
  projectName: true,
  type: true,
  status: true,
  amountFen: true,
  signedOn: true,
  buyerName: true,
  sellerName: true,
} as const

/** Contracts where the organization is buyer or seller; nobody else's. */
export function listContractsForOrganization(organizationId: string, take = 20) {
  return prisma.contract.findMany({
    where: { OR: [{ buyerOrgId: organizationId }, { sellerOrgId: organizationId }] },
    select: CONTRACT_SUMMARY,
    orderBy: { signedOn: 'desc' },
    take,
  })
}

/** Contracts submitted and not yet registered: the bureau's queue, counted in its header. */
export function countAwaitingRegistration() {
  return prisma.contract.count({ where: { status: 'SUBMITTED' } })
}
