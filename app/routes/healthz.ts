import { checkHealth } from '~/models/health.server'

/**
 * Liveness for load balancers and operators: 200 when this process reaches PostgreSQL and its
 * embedded index (if any) is not behind the index feed by more than a minute, 503 otherwise.
 * Names the search engine, and lists every process following the feed with its lag. No
 * personal data, no session.
 */
export async function loader() {
  const checkedAt = new Date().toISOString()
  const { ok, database, search, ...lag } = await checkHealth()
  return Response.json(
    { ok, database, search, checkedAt, ...lag },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
