import { redirect } from '@remix-run/node'
import type { OrgVerification, Role } from '~/generated/prisma/enums'
import { prisma } from './db.server'
import { sessionCookie } from './cookies.server'
import { getEnv } from './env.server'
import { randomToken, sha256 } from './crypto.server'

export interface SessionUser {
  id: string
  email: string
  name: string
  sessionId: string
  memberships: Array<{
    organizationId: string
    organizationName: string
    organizationKind: string
    /** The organization's verification state (app/models/verification.server.ts). */
    verification: OrgVerification
    role: Role
  }>
  /** Unread notifications when the session was read (the header's badge). */
  unread: number
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 20 ? value : null
}

interface SessionRow {
  sessionId: string
  expiresAt: Date
  id: string
  email: string
  name: string
  disabledAt: Date | null
  memberships: SessionUser['memberships']
  unread: number
}

/** Lookups under way, by Cookie header: the root loader and the page's loader share one. */
const lookups = new Map<string, Promise<SessionUser | null>>()

/**
 * The signed-in user, or null. The cookie holds a random token; the table stores its hash.
 *
 * Every page asks this twice at once (the root loader and the page's own), so it is one statement
 * (the session, its user, the user's memberships with their organizations and the unread
 * notification count, aggregated in PostgreSQL), and for reads (GET, HEAD) a lookup for the same
 * cookie that is still under way is shared rather than repeated. Nothing is kept once it answers: the next request
 * reads the session afresh, so a sign-out or a disabled account holds from the next request on.
 */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const cookie = request.headers.get('Cookie')
  if (!cookie) return Promise.resolve(null)
  // An action may change what the lookup reads (memberships, notifications) and ask again.
  if (request.method !== 'GET' && request.method !== 'HEAD') return lookUpSession(request)
  let lookup = lookups.get(cookie)
  if (!lookup) {
    lookup = lookUpSession(request).finally(() => lookups.delete(cookie))
    lookups.set(cookie, lookup)
  }
  return lookup
}

async function lookUpSession(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request)
  if (!token) return null
  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."id" AS "sessionId", s."expiresAt", u."id", u."email", u."name", u."disabledAt",
      coalesce(
        json_agg(
          json_build_object(
            'organizationId', o."id",
            'organizationName', o."name",
            'organizationKind', o."kind",
            'verification', o."verification",
            'role', m."role"
          )
          ORDER BY m."createdAt", m."id"
        ) FILTER (WHERE m."id" IS NOT NULL),
        '[]'
      ) AS "memberships",
      (SELECT count(*)::int FROM "Notification" n
        WHERE n."userId" = u."id" AND n."readAt" IS NULL) AS "unread"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    LEFT JOIN "Organization" o ON o."id" = m."organizationId"
    WHERE s."id" = ${sha256(token)}
    GROUP BY s."id", u."id"`
  if (!row || row.expiresAt < new Date() || row.disabledAt) return null
  const { id, email, name, sessionId, memberships, unread } = row
  return { id, email, name, sessionId, memberships, unread }
}

export async function createSession(userId: string, request: Request) {
  const token = randomToken()
  const ttlMs = getEnv().SESSION_TTL_DAYS * 24 * 3600 * 1000
  await prisma.session.create({
    data: {
      id: sha256(token),
      userId,
      csrfSecret: randomToken(16),
      expiresAt: new Date(Date.now() + ttlMs),
      ip: clientIp(request),
      userAgent: request.headers.get('User-Agent')?.slice(0, 300) ?? null,
    },
  })
  return sessionCookie().serialize(token)
}

export async function destroySession(request: Request) {
  const token = await readToken(request)
  if (token) await prisma.session.deleteMany({ where: { id: sha256(token) } })
  return sessionCookie().serialize('', { maxAge: 0 })
}

/**
 * The client's address as the production server (scripts/server.mjs) determined it from the
 * socket and `TRUST_PROXY_HOPS`, replacing anything a client sent under that name. Without that
 * server (development, tests) it is "local".
 */
export function clientIp(request: Request) {
  return request.headers.get('X-Client-Address') || 'local'
}

export function loginRedirect(request: Request) {
  const url = new URL(request.url)
  const to = url.pathname + url.search
  return redirect(`/login?redirectTo=${encodeURIComponent(to)}`)
}

/** Only same-site relative paths are followed after login. */
const LOCAL_ORIGIN = 'http://local.invalid'

/**
 * A redirect target taken from user input, kept to a path on this site. Browsers read `/\host`,
 * `/\t/host` and the like as another host, so backslashes, control characters and encoded
 * slashes are refused outright, and what is left must resolve to our own origin.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (!to || typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) return fallback
  if (/[\\\u0000-\u001f\u007f]|%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i.test(to)) return fallback
  const url = new URL(to, LOCAL_ORIGIN)
  if (url.origin !== LOCAL_ORIGIN) return fallback
  return url.pathname + url.search + url.hash
}
