import { feedStatus, oldestUnappliedAge } from '~/search/feed.server'
import { indexFeed, searchEngine } from '~/search/engine.server'
import { prisma } from '~/utils/db.server'

/** A process whose index misses a change older than this reports unhealthy. */
const FEED_UNHEALTHY_SECONDS = 60

/**
 * This process's health for /healthz: whether PostgreSQL answers, which search engine it uses,
 * and, when it follows the index feed, how far behind its embedded index is, with every process
 * following the feed. No personal data.
 */
export async function checkHealth() {
  const search = searchEngine().kind
  try {
    await prisma.$queryRaw`SELECT 1`
  } catch {
    return { ok: false, database: 'down' as const, search }
  }
  const follower = indexFeed()
  if (!follower) return { ok: true, database: 'up' as const, search }
  const [status, behindSeconds] = await Promise.all([
    feedStatus(prisma),
    oldestUnappliedAge(prisma, follower.position()),
  ])
  return {
    ok: behindSeconds <= FEED_UNHEALTHY_SECONDS,
    database: 'up' as const,
    search,
    feed: {
      process: follower.processId,
      head: String(status.head),
      position: String(follower.position()),
      behindSeconds: Math.round(behindSeconds),
      processes: status.processes.map((p) => ({ ...p, position: String(p.position) })),
    },
  }
}
