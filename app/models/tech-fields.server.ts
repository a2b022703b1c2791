import { prisma } from '~/utils/db.server'

/** The field taxonomy by code, [Chinese name, English name], for labelling search facets. */
export async function listFieldNames(): Promise<Record<string, [string, string]>> {
  const fields = await prisma.techField.findMany({ select: { code: true, nameZh: true, nameEn: true } })
  return Object.fromEntries(fields.map((f) => [f.code, [f.nameZh, f.nameEn]]))
}
