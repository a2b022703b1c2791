import { contractDefaults, ownSideDefaults } from './form.server'
import { prisma } from '~/utils/db.server'

/**
 * The contract form's starting values: a new draft (on its own or from an accepted introduction)
 * and a draft being edited by the organization that drew it up.
 */

/** A new draft of the organization's: its own side filled in, and more from an accepted introduction. */
export async function getNewContractDraft(organizationId: string, introductionId: string | null) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })
  const fromIntro = introductionId ? await contractDraftFromIntroduction(org.id, introductionId) : null
  return {
    fromIntroduction: Boolean(fromIntro),
    defaults: fromIntro ? { ...ownSideDefaults(org, fromIntro.ourSide), ...fromIntro } : ownSideDefaults(org),
  }
}

/** A draft as its form shows it, for the organization that drew it up; null for anyone else or once signed. */
export async function getContractDraftForEdit(organizationId: string, contractId: string) {
  const contract = await prisma.contract.findFirst({
    where: { id: contractId, createdByOrgId: organizationId, status: 'DRAFT' },
    include: { milestones: { orderBy: { seq: 'asc' } } },
  })
  if (!contract) return null
  return { id: contract.id, defaults: contractDefaults(contract, organizationId) }
}

/**
 * What an accepted introduction brings to a new contract: the enterprise as buyer, the
 * institution as seller, the need as project, the result's field. Null unless the actor's
 * organization is one of the two and the introduction was accepted.
 */
async function contractDraftFromIntroduction(organizationId: string, introductionId: string) {
  const intro = await prisma.introduction.findFirst({
    where: {
      id: introductionId,
      status: 'ACCEPTED',
      OR: [{ requesterOrgId: organizationId }, { targetOrgId: organizationId }],
    },
    include: {
      need: { select: { id: true, title: true, fieldCode: true } },
      result: { select: { id: true, title: true, fieldCode: true, transferModes: true } },
      requesterOrg: true,
      targetOrg: true,
    },
  })
  if (!intro) return null
  const org = (o: typeof intro.requesterOrg) => ({
    name: o.name,
    creditCode: o.creditCode ?? '',
    regionCode: o.regionCode,
    entityType: o.legalEntityType,
  })
  const buyer = org(intro.requesterOrg)
  const seller = org(intro.targetOrg)
  return {
    introductionId: intro.id,
    ourSide: intro.requesterOrgId === organizationId ? ('buyer' as const) : ('seller' as const),
    projectName: intro.result ? `${intro.need.title}（${intro.result.title}）` : intro.need.title,
    type: intro.result?.transferModes.includes('TRANSFER') ? 'TRANSFER' : 'DEVELOPMENT_COMMISSIONED',
    fieldCode: intro.result?.fieldCode ?? intro.need.fieldCode ?? '',
    buyerName: buyer.name,
    buyerCreditCode: buyer.creditCode,
    buyerRegionCode: buyer.regionCode,
    buyerEntityType: buyer.entityType,
    sellerName: seller.name,
    sellerCreditCode: seller.creditCode,
    sellerRegionCode: seller.regionCode,
    sellerEntityType: seller.entityType,
  }
}
