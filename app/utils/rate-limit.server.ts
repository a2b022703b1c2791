import { prisma } from './db.server'

/**
 * Fixed-window counter in PostgreSQL, so every app server behind the load balancer shares it.
 * Returns whether this hit is still within `limit` for the window.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number) {
  const rows = await prisma.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                     THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count"`
  const count = Number(rows[0]?.count ?? 0)
  return { allowed: count <= limit, count }
}

/** Hits counted for the key in its current window, without counting one more. */
export async function peekRateLimit(key: string, windowSeconds: number) {
  const rows = await prisma.$queryRaw<Array<{ count: number }>>`
    SELECT "count" FROM "RateLimit"
    WHERE "key" = ${key} AND "windowStart" >= now() - make_interval(secs => ${windowSeconds})`
  return Number(rows[0]?.count ?? 0)
}

export async function clearRateLimit(key: string) {
  await prisma.rateLimit.deleteMany({ where: { key } })
}
