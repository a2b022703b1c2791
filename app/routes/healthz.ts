import { searchEngine } from '~/search/engine.server'
import { prisma } from '~/utils/db.server'

/**
 * Liveness for load balancers and operators: 200 when this process answers and reaches
 * PostgreSQL, 503 otherwise; names the search engine in use. No personal data, no session.
 */
export async function loader() {
  const checkedAt = new Date().toISOString()
  try {
    await prisma.$queryRaw`SELECT 1`
    return Response.json(
      { ok: true, database: 'up', search: searchEngine().kind, checkedAt },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch {
    return Response.json(
      { ok: false, database: 'down', search: searchEngine().kind, checkedAt },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
