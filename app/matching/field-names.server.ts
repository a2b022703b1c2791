import type { PrismaClient } from '~/generated/prisma/client'

// The field taxonomy is reference data that changes with a migration, not at run time; each
// process keeps it for a minute instead of reading it for every match.
let cache: { at: number; names: Map<string, string[]> } | null = null

/** Field code → [Chinese name, English name]. */
export async function fieldNames(db: PrismaClient): Promise<Map<string, string[]>> {
  if (cache && Date.now() - cache.at < 60_000) return cache.names
  const fields = await db.techField.findMany({ select: { code: true, nameZh: true, nameEn: true } })
  const names = new Map(fields.map((f) => [f.code, [f.nameZh, f.nameEn]]))
  if (names.size) cache = { at: Date.now(), names }
  return names
}
