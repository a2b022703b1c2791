import { prisma } from '~/utils/db.server'
import { sha256 } from '~/utils/crypto.server'
import { hitRateLimit } from '~/utils/rate-limit.server'
import { TOKEN_PREFIX } from './api-tokens.server'

export interface ApiCaller {
  tokenId: string
  organizationId: string
  organizationKind: string
}

/** A JSON error body the API uses everywhere: a stable code and a message in Chinese and English. */
export function apiError(status: number, code: string, message: string, messageEn: string, headers?: HeadersInit) {
  return Response.json({ error: { code, message, messageEn } }, { status, headers })
}

const API_RATE_LIMIT = 120
const API_RATE_WINDOW_SECONDS = 60

/**
 * Bearer-token authentication for /api/v1: the caller, or the 401 JSON response for a missing,
 * unknown or revoked token, or a 429 when the token exceeds its rate (kept in PostgreSQL, shared
 * by all app servers). Returned rather than thrown, so refusals are not logged as server errors.
 */
export async function authenticateApi(request: Request): Promise<ApiCaller | Response> {
  try {
    return await requireApiCaller(request)
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
    throw apiError(401, 'unauthorized', '缺少或无效的 API 令牌', 'Missing or malformed API token', challenge)
  }
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: sha256(match[1]) },
    select: {
      id: true,
      organizationId: true,
      revokedAt: true,
      lastUsedAt: true,
      organization: { select: { kind: true } },
    },
  })
  if (!token || token.revokedAt) {
    throw apiError(401, 'unauthorized', 'API 令牌无效或已吊销', 'Unknown or revoked API token', challenge)
  }
  const { allowed } = await hitRateLimit(`api:${token.id}`, API_RATE_LIMIT, API_RATE_WINDOW_SECONDS)
  if (!allowed) {
    throw apiError(429, 'rate_limited', '请求过于频繁，请稍后再试', 'Too many requests; retry later', {
      'Retry-After': String(API_RATE_WINDOW_SECONDS),
    })
  }
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } })
  }
  return { tokenId: token.id, organizationId: token.organizationId, organizationKind: token.organization.kind }
}
