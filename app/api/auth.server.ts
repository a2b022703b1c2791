import { prisma } from '~/utils/db.server'
import { sha256 } from '~/utils/crypto.server'
import { getEnv } from '~/utils/env.server'
import { hitRateLimit } from '~/utils/rate-limit.server'
import { TOKEN_PREFIX } from '~/models/api-tokens.server'
import type { ApiScope } from '~/validation/api-tokens'
import { apiProblem } from './problem.server'
import { tokenViewer } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'

export interface ApiCaller {
  tokenId: string
  organizationId: string
  organizationKind: string
  /** Who issued the token: API writes are audited under them, marked as through the API. */
  userId: string
  scopes: string[]
}

const API_RATE_WINDOW_SECONDS = 60

/**
 * Bearer-token authentication for /api/v1: the caller, or the problem response: 401 for a
 * missing, unknown, revoked or expired token, 403 when the token lacks `scope`, 429 when it
 * exceeds its rate (kept in PostgreSQL, shared by all app servers). Returned rather than thrown,
 * so refusals are not logged as server errors.
 */
export async function authenticateApi(request: Request, scope: ApiScope): Promise<ApiCaller | Response> {
  try {
    const caller = await requireApiCaller(request)
    if (!caller.scopes.includes(scope)) {
      return apiProblem(403, 'insufficient_scope', `令牌没有 ${scope} 权限`, `The token lacks the ${scope} scope`, {
        headers: { 'WWW-Authenticate': `Bearer realm="api", error="insufficient_scope", scope="${scope}"` },
      })
    }
    return caller
  } catch (refusal) {
    if (refusal instanceof Response) return refusal
    throw refusal
  }
}

async function requireApiCaller(request: Request): Promise<ApiCaller> {
  const header = request.headers.get('Authorization') ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  const challenge = { 'WWW-Authenticate': 'Bearer realm="api"' }
  if (!match || !match[1].startsWith(TOKEN_PREFIX)) {
    throw apiProblem(401, 'unauthorized', '缺少或无效的 API 令牌', 'Missing or malformed API token', {
      headers: challenge,
    })
  }
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: sha256(match[1]) },
    select: {
      id: true,
      organizationId: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      createdById: true,
      scopes: true,
      organization: { select: { kind: true } },
    },
  })
  if (!token || token.revokedAt) {
    throw apiProblem(401, 'unauthorized', 'API 令牌无效或已吊销', 'Unknown or revoked API token', {
      headers: challenge,
    })
  }
  if (token.expiresAt && token.expiresAt <= new Date()) {
    throw apiProblem(401, 'token_expired', 'API 令牌已过期', 'The API token has expired', { headers: challenge })
  }
  const { allowed } = await hitRateLimit(`api:${token.id}`, getEnv().API_RATE_LIMIT, API_RATE_WINDOW_SECONDS)
  if (!allowed) {
    throw apiProblem(429, 'rate_limited', '请求过于频繁，请稍后再试', 'Too many requests; retry later', {
      headers: { 'Retry-After': String(API_RATE_WINDOW_SECONDS) },
    })
  }
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } })
  }
  return {
    tokenId: token.id,
    organizationId: token.organizationId,
    organizationKind: token.organization.kind,
    userId: token.createdById,
    scopes: token.scopes,
  }
}

/**
 * The token as the pages' model functions expect their signed-in user: the user who issued it,
 * acting for the token's organization in the role `tokenViewer` gives it (never more).
 */
export async function apiSessionUser(caller: ApiCaller): Promise<SessionUser> {
  const [user, organization] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: caller.userId }, select: { email: true, name: true } }),
    prisma.organization.findUniqueOrThrow({
      where: { id: caller.organizationId },
      select: { name: true, kind: true, verification: true },
    }),
  ])
  return {
    id: caller.userId,
    email: user.email,
    name: user.name,
    sessionId: `api:${caller.tokenId}`,
    // No page header to badge.
    unread: 0,
    memberships: [
      {
        organizationId: caller.organizationId,
        organizationName: organization.name,
        organizationKind: organization.kind,
        verification: organization.verification,
        role: tokenViewer(caller).memberships[0].role,
      },
    ],
  }
}
