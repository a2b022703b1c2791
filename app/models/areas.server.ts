import { prisma } from '~/utils/db.server'

export function listAreas() {
  return prisma.area.findMany({
    select: { id: true, code: true, nameZh: true, nameEn: true, kind: true },
    orderBy: { sortOrder: 'asc' },
  })
}
