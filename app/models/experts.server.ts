import { prisma } from '~/utils/db.server'

export function getExpertForUser(userId: string) {
  return prisma.expert.findUnique({
    where: { userId },
    select: {
      id: true,
      name: true,
      title: true,
      directions: true,
      keywords: true,
      bio: true,
      available: true,
      contactVisibility: true,
      organization: { select: { name: true } },
      results: {
        select: { result: { select: { id: true, title: true, status: true } } },
        take: 20,
      },
    },
  })
}

export function listExpertsForOrganization(organizationId: string, take = 20) {
  return prisma.expert.findMany({
    where: { organizationId },
    select: { id: true, name: true, title: true, directions: true, available: true },
    orderBy: { name: 'asc' },
    take,
  })
}
