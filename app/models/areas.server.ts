import { prisma } from '~/utils/db.server'

export function listAreas() {
  return prisma.area.findMany({
    select: { id: true, code: true, nameZh: true, nameEn: true, kind: true },
    orderBy: { sortOrder: 'asc' },
  })
}

/** The field taxonomy as form options: top-level fields, then their sub-fields indented. */
export async function fieldOptions(locale: string) {
  const fields = await prisma.techField.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] })
  const label = (f: { nameZh: string; nameEn: string }) => (locale === 'zh' ? f.nameZh : f.nameEn)
  return fields
    .filter((f) => !f.parentCode)
    .flatMap((parent) => [
      { value: parent.code, label: label(parent) },
      ...fields
        .filter((child) => child.parentCode === parent.code)
        .map((child) => ({ value: child.code, label: `　${label(child)}` })),
    ])
}
