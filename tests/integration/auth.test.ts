import { describe, expect, it } from 'vitest'
import { action as loginAction } from '~/routes/login'
import { action as logoutAction } from '~/routes/logout'
import { prisma } from '~/utils/db.server'
import { getSessionUser } from '~/utils/session.server'
import {
  cookieHeader,
  createOrganization,
  csrfFor,
  createUser,
  formRequest,
  getRequest,
  TEST_PASSWORD,
} from '../support/factories'

async function login(
  email: string,
  password: string,
  ip = '10.0.0.1',
  extra: Record<string, string> = {},
  device = '',
) {
  const cookie = [await cookieHeader(), device].filter(Boolean).join('; ')
  const request = await formRequest('/login', { email, password, ...extra }, cookie)
  // What scripts/server.mjs sets from the socket (and TRUST_PROXY_HOPS).
  request.headers.set('X-Client-Address', ip)
  return (await loginAction({ request, params: {}, context: {} })) as unknown as Response & {
    init?: { status?: number }
    data?: { error?: Record<string, string[]> }
  }
}

describe('login and sessions', () => {
  it('signs in with the right password and stores only a hash of the session token', async () => {
    const org = await createOrganization('UNIVERSITY')
    const user = await createUser(org.id, 'TTO_ADMIN', 'office@test.cn')
    const response = await login('Office@Test.cn', TEST_PASSWORD)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/office')
    const setCookie = response.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id } })
    expect(setCookie).not.toContain(session.id)
    const current = await getSessionUser(getRequest('/', setCookie.split(';')[0]))
    expect(current?.id).toBe(user.id)
  })

  it('after signing in, goes back only to a path on this site', async () => {
    const org = await createOrganization('UNIVERSITY')
    await createUser(org.id, 'TTO_ADMIN', 'office@test.cn')
    const cases: Array<[string, string]> = [
      ['/needs/abc?tab=results', '/needs/abc?tab=results'],
      ['/\\evil.example/', '/office'],
      ['/\tevil.example/', '/office'],
      ['/%09/evil.example/', '/office'],
      ['/%5Cevil.example/', '/office'],
      ['//evil.example/', '/office'],
      ['https://evil.example/', '/office'],
    ]
    for (const [redirectTo, expected] of cases) {
      const response = await login('office@test.cn', TEST_PASSWORD, '10.0.0.9', { redirectTo })
      expect(response.headers.get('Location'), redirectTo).toBe(expected)
    }
  })

  it('answers a wrong password with one generic message', async () => {
    const org = await createOrganization()
    await createUser(org.id, 'ENTERPRISE_ADMIN', 'ent@test.cn')
    const wrong = await login('ent@test.cn', 'WrongPassw0rd')
    const unknown = await login('nobody@test.cn', 'WrongPassw0rd')
    expect(wrong.init?.status).toBe(400)
    expect(wrong.data?.error?.['']).toEqual(['errors.login.invalid'])
    expect(unknown.data?.error?.['']).toEqual(['errors.login.invalid'])
  })

  it('throttles guesses per address and per account, but not the owner from a device they used before', async () => {
    const org = await createOrganization()
    await createUser(org.id, 'ENTERPRISE_ADMIN', 'target@test.cn')
    // The owner signed in from their laptop once: it carries a signed device cookie.
    const first = await login('target@test.cn', TEST_PASSWORD, '10.0.0.20')
    const device = (first.headers.getSetCookie().find((c) => c.startsWith('__device=')) ?? '').split(';')[0]
    expect(device).toMatch(/^__device=/)

    // Ten guesses from ten addresses: the account is throttled for everyone else...
    for (let i = 0; i < 10; i++) await login('target@test.cn', 'WrongPassw0rd', `10.0.1.${i}`)
    const blocked = await login('target@test.cn', TEST_PASSWORD, '10.0.0.10')
    expect(blocked.init?.status).toBe(429)
    expect(blocked.data?.error?.['']).toEqual(['errors.login.rateLimited'])
    // ...but the owner's right password from their known device still works.
    const owner = await login('target@test.cn', TEST_PASSWORD, '10.0.0.21', {}, device)
    expect(owner.status).toBe(302)

    // One address guessing many accounts is stopped at three times the limit.
    for (let i = 0; i < 30; i++) await login(`nobody${i}@test.cn`, 'WrongPassw0rd', '10.0.2.1')
    const spray = await login('target@test.cn', TEST_PASSWORD, '10.0.2.1', {}, device)
    expect(spray.init?.status).toBe(429)
    // Successful sign-ins are not counted: an office behind one address signs in all morning.
    await createUser(org.id, 'ENTERPRISE_MEMBER', 'colleague@test.cn')
    for (let i = 0; i < 35; i++) {
      expect((await login('colleague@test.cn', TEST_PASSWORD, '10.0.3.1')).status).toBe(302)
    }
  })

  it('binds the CSRF token to the session and changes it at sign-in', async () => {
    const org = await createOrganization()
    await createUser(org.id, 'ENTERPRISE_ADMIN', 'csrf@test.cn')
    const anonymous = await cookieHeader()
    const before = await csrfFor(anonymous)
    const response = await login('csrf@test.cn', TEST_PASSWORD)
    const cookies = response.headers.getSetCookie()
    const session = cookies.find((c) => c.startsWith('__session='))!.split(';')[0]
    const signedIn = `${anonymous}; ${session}`
    const after = await csrfFor(signedIn)
    expect(after).not.toBe(before)
    // The anonymous token is replaced at sign-in, too.
    expect(cookies.some((c) => c.startsWith('__csrf='))).toBe(true)
    // The pre-sign-in token no longer passes with the session; the bound one does.
    const post = (csrf: string) =>
      logoutAction({
        request: new Request('http://test.local/logout', {
          method: 'POST',
          body: new URLSearchParams({ csrf }),
          headers: { Cookie: signedIn, 'Content-Type': 'application/x-www-form-urlencoded' },
        }),
        params: {},
        context: {},
      }).catch((e: Response) => e)
    expect(((await post(before)) as Response).status).toBe(403)
    // Another session's token does not pass either.
    const other = await csrfFor(await cookieHeader((await createUser(org.id, 'ENTERPRISE_MEMBER')).id))
    expect(((await post(other)) as Response).status).toBe(403)
    expect(((await post(after)) as Response).status).toBe(302)
  })

  it('logs out by deleting the session row', async () => {
    const org = await createOrganization()
    const user = await createUser(org.id, 'ENTERPRISE_ADMIN')
    const cookie = await cookieHeader(user.id)
    const response = await logoutAction({ request: await formRequest('/logout', {}, cookie), params: {}, context: {} })
    expect(response.status).toBe(302)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect(await getSessionUser(getRequest('/', cookie))).toBeNull()
  })
  it('reads the session once for loaders that ask at the same time, and afresh on the next request', async () => {
    const org = await createOrganization()
    const user = await createUser(org.id, 'ENTERPRISE_ADMIN')
    const cookie = await cookieHeader(user.id)
    const note = { userId: user.id, kind: 'test', title: '测试通知' }
    await prisma.notification.createMany({ data: [note, note, { ...note, readAt: new Date() }] })
    // The root loader and the page's loader: one lookup, one answer, with the header's badge.
    const [root, page] = await Promise.all([
      getSessionUser(getRequest('/', cookie)),
      getSessionUser(getRequest('/enterprise', cookie)),
    ])
    expect(root?.id).toBe(user.id)
    expect(page).toBe(root)
    expect(root?.unread).toBe(2)
    // An action may change what it reads, so a POST's lookups are its own.
    const post = () => new Request('http://test.local/enterprise', { method: 'POST', headers: { Cookie: cookie } })
    const [first, second] = await Promise.all([getSessionUser(post()), getSessionUser(post())])
    expect(first?.id).toBe(user.id)
    expect(second).not.toBe(first)
    // Nothing is remembered once a lookup answers: the next request sees the sign-out.
    const next = await getSessionUser(getRequest('/', cookie))
    expect(next).not.toBe(root)
    expect(next?.id).toBe(user.id)
    await prisma.session.deleteMany({ where: { userId: user.id } })
    expect(await getSessionUser(getRequest('/', cookie))).toBeNull()
  })
})
