import { feedStatus, oldestUnappliedAge } from '~/search/feed.server'
import { indexFeed, searchEngine } from '~/search/engine.server'
import { prisma } from '~/utils/db.server'

/** A process whose index misses a change older than this reports unhealthy. */
const FEED_UNHEALTHY_SECONDS = 60

/**
 * Liveness for load balancers and operators: 200 when this process reaches PostgreSQL and its
 * embedded index (if any) is not behind the index feed by more than a minute, 503 otherwise.
 * Names the search engine, and lists every process following the feed with its lag. No
 * personal data, no session.
 */
export async function loader() {
  const checkedAt = new Date().toISOString()
  const headers = { 'Cache-Control': 'no-store' }
  const search = searchEngine().kind
  try {
    await prisma.$queryRaw`SELECT 1`
  } catch {
    return Response.json({ ok: false, database: 'down', search, checkedAt }, { status: 503, headers })
  }
  const follower = indexFeed()
  if (!follower) return Response.json({ ok: true, database: 'up', search, checkedAt }, { headers })
  const [status, behindSeconds] = await Promise.all([
    feedStatus(prisma),
    oldestUnappliedAge(prisma, follower.position()),
  ])
  const ok = behindSeconds <= FEED_UNHEALTHY_SECONDS
  return Response.json(
    {
      ok,
      database: 'up',
      search,
      checkedAt,
      feed: {
        process: follower.processId,
        head: String(status.head),
        position: String(follower.position()),
        behindSeconds: Math.round(behindSeconds),
        processes: status.processes.map((p) => ({ ...p, position: String(p.position) })),
      },
    },
    { status: ok ? 200 : 503, headers },
  )
}
