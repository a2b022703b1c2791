import { prisma } from '~/utils/db.server'

/** The enterprise's own needs, drafts included; scoped to its organization. */
export function listNeedsForOrganization(organizationId: string) {
  return prisma.need.findMany({
    where: { organizationId },
    select: {
      id: true,
      title: true,
      status: true,
      deadline: true,
      updatedAt: true,
      field: { select: { nameZh: true, nameEn: true } },
      _count: { select: { matches: true, introductions: true } },
    },
    orderBy: { updatedAt: 'desc' },
    take: 50,
  })
}

/** Public teasers only: never the confidential detail. */
export function listPublicNeedTeasers(limit = 8) {
  return prisma.need.findMany({
    where: { status: 'PUBLISHED' },
    select: {
      id: true,
      title: true,
      summary: true,
      publishedAt: true,
      field: { select: { nameZh: true, nameEn: true } },
      organization: { select: { area: { select: { nameZh: true, nameEn: true } } } },
    },
    orderBy: { publishedAt: 'desc' },
    take: limit,
  })
}
