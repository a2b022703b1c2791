import { describe, expect, it } from 'vitest'
import { action as loginAction } from '~/routes/login'
import { action as logoutAction } from '~/routes/logout'
import { prisma } from '~/utils/db.server'
import { getSessionUser } from '~/utils/session.server'
import {
  cookieHeader,
  createOrganization,
  createUser,
  formRequest,
  getRequest,
  TEST_PASSWORD,
} from '../support/factories'

async function login(email: string, password: string, ip = '10.0.0.1', extra: Record<string, string> = {}) {
  const request = await formRequest('/login', { email, password, ...extra }, await cookieHeader())
  request.headers.set('X-Forwarded-For', ip)
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

  it('throttles repeated failures in the database, per address and account', async () => {
    const org = await createOrganization()
    await createUser(org.id, 'ENTERPRISE_ADMIN', 'target@test.cn')
    for (let i = 0; i < 10; i++) await login('target@test.cn', 'WrongPassw0rd', '10.0.0.9')
    const blocked = await login('target@test.cn', TEST_PASSWORD, '10.0.0.9')
    expect(blocked.init?.status).toBe(429)
    expect(blocked.data?.error?.['']).toEqual(['errors.login.rateLimited'])
    const elsewhere = await login('target@test.cn', TEST_PASSWORD, '10.0.0.10')
    expect(elsewhere.status).toBe(302)
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
})
