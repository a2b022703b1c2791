import { createApiToken } from '~/models/api-tokens.server'
import type { ApiScope } from '~/validation/api-tokens'
import type { ActionFunctionArgs } from '@remix-run/node'
import { prisma } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { creditCodeCheckChar } from '~/validation/credit-code'
import type { OrgKind, OrgVerification, Role } from '~/generated/prisma/enums'
import { csrfCookie, sessionCookie } from '~/utils/cookies.server'
import { expectedCsrfToken } from '~/utils/csrf.server'
import { createSession } from '~/utils/session.server'

let serial = 0

export function validCreditCode(region = '120115') {
  serial += 1
  const body = String(100000000 + serial * 7).slice(-9)
  const first17 = `91${region}${body}`
  return first17 + creditCodeCheckChar(first17)
}

/** An organization, approved unless the test asks for another review state. */
export async function createOrganization(
  kind: OrgKind = 'ENTERPRISE',
  name = `测试机构${serial + 1}`,
  verification: OrgVerification = 'APPROVED',
) {
  return prisma.organization.create({
    data: { kind, name, creditCode: validCreditCode(), regionCode: '120115', verification },
  })
}

export const TEST_PASSWORD = 'TestPassw0rd-long'

export async function createUser(organizationId: string, role: Role, email = `user${++serial}@test.cn`) {
  return prisma.user.create({
    data: {
      email,
      name: '测试用户',
      passwordHash: await hashPassword(TEST_PASSWORD),
      memberships: { create: { organizationId, role } },
    },
  })
}

export async function createNeed(organizationId: string, overrides: Record<string, unknown> = {}) {
  return prisma.need.create({
    data: {
      organizationId,
      title: '锂电池正极材料循环寿命提升',
      summary: '公开简介',
      confidentialDetail: '保密细节',
      status: 'PUBLISHED',
      ...overrides,
    },
  })
}

const CSRF = 'test-csrf-token-0123456789abcdef'

/** Cookie header carrying a signed CSRF token (and a session when a user is given). */
export async function cookieHeader(userId?: string) {
  const parts = [(await csrfCookie().serialize(CSRF)).split(';')[0]]
  if (userId) {
    const setCookie = await createSession(userId, new Request('http://test.local/'))
    parts.push(setCookie.split(';')[0])
  }
  return parts.join('; ')
}

/** The CSRF token a form posted with these cookies carries: bound to the session when there is one. */
export async function csrfFor(cookie: string) {
  return (await expectedCsrfToken(cookie)) ?? CSRF
}

export async function formRequest(path: string, fields: Record<string, string>, cookie: string) {
  const body = new URLSearchParams({ csrf: await csrfFor(cookie), ...fields })
  return new Request(`http://test.local${path}`, {
    method: 'POST',
    body,
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
  })
}

/** Posts a form to a route action as the cookie's user; a thrown Response is returned, not thrown. */
export async function postForm(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  fields: Record<string, string>,
  cookie: string,
  id = '',
): Promise<unknown> {
  try {
    return await action({ request: await formRequest(path, fields, cookie), params: { id }, context: {} })
  } catch (thrown) {
    return thrown
  }
}

export function getRequest(path: string, cookie = '') {
  return new Request(`http://test.local${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

export { sessionCookie }

/** Posts a multipart upload (a file and its kind) to a route action; a thrown Response is returned. */
export async function uploadFile(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  cookie: string,
  file: { bytes: Uint8Array; name: string; kind: string },
): Promise<unknown> {
  const form = new FormData()
  form.set('csrf', await csrfFor(cookie))
  form.set('kind', file.kind)
  form.set('file', new File([new Uint8Array(file.bytes)], file.name))
  try {
    return await action({
      request: new Request(`http://test.local${path}`, { method: 'POST', body: form, headers: { Cookie: cookie } }),
      params: {},
      context: {},
    })
  } catch (thrown) {
    return thrown
  }
}

/** An API token of the organization with these scopes (read needs by default), as its admin issues it. */
export async function issueToken(organizationId: string, userId: string, scopes: ApiScope[] = ['needs:read']) {
  const outcome = await createApiToken(organizationId, userId, { name: 'test', scopes, lifetimeDays: '90' })
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.token
}
