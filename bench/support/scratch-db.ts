import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { dropDatabase, recreateDatabase, withDatabaseName } from '../../prisma/databases'

/**
 * A throwaway database for a benchmark, chosen before the app's database module loads:
 * with DATABASE_URL, a new database `name` on that server (dropped afterwards); without it, the
 * embedded PostgreSQL in a temporary folder. Returns a description and a cleanup function.
 */
export async function useScratchDatabase(name: string): Promise<{ kind: string; cleanup: () => Promise<void> }> {
  const given = process.env.DATABASE_URL
  if (given) {
    const url = withDatabaseName(given, name)
    await recreateDatabase(url)
    process.env.DATABASE_URL = url
    return { kind: `PostgreSQL ${new URL(url).host}/${name}`, cleanup: () => dropDatabase(url) }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), `${name}-`))
  process.env.EMBEDDED_DATA_DIR = dir
  return { kind: 'embedded PGlite', cleanup: () => rm(dir, { recursive: true, force: true }) }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function scaleArg(): number {
  const at = process.argv.indexOf('--scale')
  const value = at === -1 ? 1 : Number(process.argv[at + 1])
  if (!(value > 0 && value <= 10)) throw new Error('--scale must be a number in (0, 10]')
  return value
}
