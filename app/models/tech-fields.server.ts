import { prisma } from '~/utils/db.server'
import { memoize } from '~/utils/memo.server'

/**
 * The field taxonomy by code, [Chinese name, English name], for labelling search facets. It is
 * reference data, changed only by migrations and the seed, so each process reads it once a minute.
 */
export function listFieldNames(): Promise<Record<string, [string, string]>> {
  return memoize('tech-field-names', 60_000, async () => {
    const fields = await prisma.techField.findMany({ select: { code: true, nameZh: true, nameEn: true } })
    return Object.fromEntries(fields.map((f) => [f.code, [f.nameZh, f.nameEn]]))
  })
}
