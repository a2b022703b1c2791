import { cookieSecret, csrfCookie, sessionCookie } from './cookies.server'
import { hmacSha256, randomToken, safeEqual } from './crypto.server'

/**
 * CSRF protection. Signed in, the token is bound to the session: an HMAC of the session's secret
 * cookie value, so it changes with every sign-in and is worthless without that session. Signed
 * out (sign-in and registration forms), a signed, httpOnly cookie holds a random token that the
 * form repeats (double submit); it is replaced at sign-in. Cross-site pages can neither read the
 * cookies nor forge the signature; SameSite=Lax session cookies are the second line.
 */
async function sessionValue(cookieHeader: string | null) {
  const token = await sessionCookie().parse(cookieHeader)
  return typeof token === 'string' && token.length >= 20 ? token : null
}

const bound = (session: string) => hmacSha256(cookieSecret(), `csrf:${session}`)

/** The token a form posted with these cookies must carry, if any can be valid. */
export async function expectedCsrfToken(cookieHeader: string | null): Promise<string | null> {
  const session = await sessionValue(cookieHeader)
  if (session) return bound(session)
  const anonymous = await csrfCookie().parse(cookieHeader)
  return typeof anonymous === 'string' && anonymous.length >= 20 ? anonymous : null
}

export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const expected = await expectedCsrfToken(request.headers.get('Cookie'))
  if (expected) return { token: expected, setCookie: null }
  const token = randomToken()
  return { token, setCookie: await csrfCookie().serialize(token) }
}

/** A fresh anonymous token, set at sign-in: the one used before signing in is not reused after. */
export async function rotateAnonymousCsrf() {
  return csrfCookie().serialize(randomToken())
}

export async function requireCsrf(request: Request, formData: FormData) {
  const expected = await expectedCsrfToken(request.headers.get('Cookie'))
  const given = formData.get('csrf')
  if (!expected || typeof given !== 'string' || !safeEqual(expected, given)) {
    throw new Response('Invalid CSRF token', { status: 403, statusText: 'Forbidden' })
  }
}
