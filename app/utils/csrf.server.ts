import { csrfCookie } from './cookies.server'
import { randomToken, safeEqual } from './crypto.server'

/**
 * Double-submit CSRF protection: a signed, httpOnly cookie holds a random token that every
 * form repeats in a hidden `csrf` field. Cross-site pages can neither read the cookie nor
 * forge its signature. SameSite=Lax session cookies are the second line.
 */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing = await csrfCookie().parse(request.headers.get('Cookie'))
  if (typeof existing === 'string' && existing.length >= 20) return { token: existing, setCookie: null }
  const token = randomToken()
  return { token, setCookie: await csrfCookie().serialize(token) }
}

export async function requireCsrf(request: Request, formData: FormData) {
  const expected = await csrfCookie().parse(request.headers.get('Cookie'))
  const given = formData.get('csrf')
  if (typeof expected !== 'string' || typeof given !== 'string' || !safeEqual(expected, given)) {
    throw new Response('Invalid CSRF token', { status: 403, statusText: 'Forbidden' })
  }
}
