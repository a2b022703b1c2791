import { prisma } from '~/utils/db.server'
import { PUBLIC_OWNER, PUBLIC_VERIFICATION } from './verification-states'

/**
 * Whether the viewer's organization has an accepted introduction with the expert (directly or
 * through the expert's institution): only then are the expert's contacts shown.
 */
async function introducedTo(viewerOrgIds: string[], expert: { id: string; organizationId: string }) {
  if (viewerOrgIds.length === 0) return false
  if (viewerOrgIds.includes(expert.organizationId)) return true
  const count = await prisma.introduction.count({
    where: {
      status: 'ACCEPTED',
      requesterOrgId: { in: viewerOrgIds },
      OR: [{ expertId: expert.id }, { targetOrgId: expert.organizationId, expertId: null }],
    },
  })
  return count > 0
}

/** A published expert's public profile; contacts only for organizations introduced to them. */
export async function getPublicExpert(id: string, viewerOrgIds: string[]) {
  const expert = await prisma.expert.findFirst({
    where: { id, status: 'PUBLISHED', ...PUBLIC_OWNER },
    select: {
      id: true,
      name: true,
      title: true,
      directions: true,
      keywords: true,
      bio: true,
      achievements: true,
      available: true,
      consultationFeeFen: true,
      consultationMinutes: true,
      email: true,
      phone: true,
      contactVisibility: true,
      organizationId: true,
      organization: { select: { id: true, name: true } },
      results: {
        where: { result: { status: 'PUBLISHED' } },
        select: { result: { select: { id: true, title: true, stage: true } } },
        take: 20,
      },
    },
  })
  if (!expert) return null
  const showContacts =
    expert.contactVisibility === 'PUBLIC' ||
    (expert.contactVisibility !== 'HIDDEN' && (await introducedTo(viewerOrgIds, expert)))
  return {
    ...expert,
    email: showContacts ? expert.email : null,
    phone: showContacts ? expert.phone : null,
    showContacts,
  }
}

/** An institution's public page: its published results and experts (no contacts). */
export async function getPublicInstitution(id: string) {
  const organization = await prisma.organization.findFirst({
    where: { id, kind: { in: ['UNIVERSITY', 'RESEARCH_INSTITUTE'] }, verification: PUBLIC_VERIFICATION },
    select: {
      id: true,
      name: true,
      kind: true,
      regionCode: true,
      description: true,
      website: true,
      results: {
        where: { status: 'PUBLISHED' },
        select: { id: true, title: true, stage: true, trl: true },
        orderBy: { publishedAt: 'desc' },
        take: 50,
      },
      experts: {
        where: { status: 'PUBLISHED' },
        select: { id: true, name: true, title: true, directions: true },
        orderBy: { name: 'asc' },
        take: 100,
      },
    },
  })
  return organization
}

/** A published result of an approved institution, for anyone: what it is, who made it, how to get it. */
export function getPublicResult(id: string) {
  return prisma.researchResult.findFirst({
    where: { id, status: 'PUBLISHED', ...PUBLIC_OWNER },
    select: {
      id: true,
      title: true,
      abstract: true,
      keywords: true,
      stage: true,
      trl: true,
      ipType: true,
      patentNumbers: true,
      transferModes: true,
      priceMinFen: true,
      priceMaxFen: true,
      publishedAt: true,
      field: { select: { nameZh: true, nameEn: true } },
      organization: { select: { id: true, name: true, kind: true, regionCode: true } },
      team: {
        where: { expert: { status: 'PUBLISHED' } },
        select: { isLead: true, expert: { select: { id: true, name: true, title: true } } },
        orderBy: { isLead: 'desc' },
      },
    },
  })
}
