import { prisma } from '~/utils/db.server'

export function listResultsForOrganization(organizationId: string, take = 20) {
  return prisma.researchResult.findMany({
    where: { organizationId },
    select: {
      id: true,
      title: true,
      status: true,
      trl: true,
      stage: true,
      updatedAt: true,
      staleRemindedAt: true,
      field: { select: { nameZh: true, nameEn: true } },
    },
    // Listings waiting for the owner's confirmation first, then the most recently changed.
    orderBy: [{ staleRemindedAt: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'desc' }],
    take,
  })
}

export async function countResultsByStatus(organizationId: string) {
  const rows = await prisma.researchResult.groupBy({
    by: ['status'],
    where: { organizationId },
    _count: { _all: true },
  })
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>
}

export function listRecentPublishedResults(limit = 8) {
  return prisma.researchResult.findMany({
    where: { status: 'PUBLISHED' },
    select: {
      id: true,
      title: true,
      trl: true,
      stage: true,
      field: { select: { nameZh: true, nameEn: true } },
      organization: { select: { name: true } },
    },
    orderBy: { publishedAt: 'desc' },
    take: limit,
  })
}
