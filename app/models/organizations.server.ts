import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/utils/audit.server'
import { PUBLIC_OWNER, PUBLIC_VERIFICATION } from './verification-states'

export async function countOrganizationsByKind() {
  const rows = await prisma.organization.groupBy({ by: ['kind'], _count: { _all: true } })
  return Object.fromEntries(rows.map((r) => [r.kind, r._count._all])) as Partial<Record<string, number>>
}

export function listRecentOrganizations(take = 20) {
  return prisma.organization.findMany({
    select: { id: true, name: true, kind: true, regionCode: true, verification: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
    take,
  })
}

export function listBureauStaff() {
  return prisma.user.findMany({
    where: { memberships: { some: { role: 'BUREAU_STAFF' } } },
    select: { id: true, name: true, email: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  })
}

/** Public counts for the landing page. */
export async function getMarketplaceStats() {
  const [needs, results, experts, institutions] = await Promise.all([
    prisma.need.count({ where: { status: 'PUBLISHED', ...PUBLIC_OWNER } }),
    prisma.researchResult.count({ where: { status: 'PUBLISHED', ...PUBLIC_OWNER } }),
    prisma.expert.count({ where: { status: 'PUBLISHED', ...PUBLIC_OWNER } }),
    prisma.organization.count({
      where: { kind: { in: ['UNIVERSITY', 'RESEARCH_INSTITUTE'] }, verification: PUBLIC_VERIFICATION },
    }),
  ])
  return { needs, results, experts, institutions }
}

/**
 * The organization's contact person or receiving bank account, set by its admins (the route
 * checks), audited.
 */
export async function saveOrganizationProfile(
  actor: { userId: string; organizationId: string },
  profile:
    | { contactName: string; contactPhone: string; contactEmail: string }
    | { bankAccountName: string; bankName: string; bankAccountNumber: string },
) {
  await prisma.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: actor.organizationId }, data: profile })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'contactName' in profile ? 'organization.contact' : 'organization.bankAccount',
      entityType: 'Organization',
      entityId: actor.organizationId,
      data: profile,
    })
  })
}
