import { describe, expect, it } from 'vitest'
import { action } from '~/routes/register'
import { prisma } from '~/utils/db.server'
import { cookieHeader, formRequest, validCreditCode } from '../support/factories'

const valid = () => ({
  kind: 'ENTERPRISE',
  organizationName: '天津宝坻测试新材料有限公司',
  creditCode: validCreditCode(),
  regionCode: '120115',
  areaCode: '120115101',
  name: '王测试',
  email: 'owner@test.cn',
  password: 'GoodPassw0rd',
  confirmPassword: 'GoodPassw0rd',
})

async function submit(fields: Record<string, string>) {
  const response = await action({
    request: await formRequest('/register', fields, await cookieHeader()),
    params: {},
    context: {},
  })
  return response as unknown as {
    type?: string
    init?: { status?: number; headers?: HeadersInit }
    data?: { error?: Record<string, string[]> }
  } & Response
}

async function counts() {
  const [organizations, users, memberships, audit] = await Promise.all([
    prisma.organization.count(),
    prisma.user.count(),
    prisma.membership.count(),
    prisma.auditLog.count(),
  ])
  return { organizations, users, memberships, audit }
}

function errorsOf(result: Awaited<ReturnType<typeof submit>>) {
  return result.data?.error ?? {}
}

describe('registration', () => {
  it('creates the organization, its first admin, a session and an audit entry', async () => {
    const response = await submit(valid())
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/enterprise?welcome=1')
    expect(response.headers.get('Set-Cookie')).toMatch(/__session=/)
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'owner@test.cn' },
      select: {
        passwordHash: true,
        memberships: { select: { role: true, organization: { select: { areaId: true } } } },
      },
    })
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    expect(user.memberships).toEqual([{ role: 'ENTERPRISE_ADMIN', organization: { areaId: 'area-120115101' } }])
    expect(await counts()).toEqual({ organizations: 1, users: 1, memberships: 1, audit: 1 })
  })

  it('rejects an invalid credit code with a specific message and writes nothing', async () => {
    const result = await submit({ ...valid(), creditCode: '91350100M000100Y44' })
    expect(result.init?.status).toBe(400)
    expect(errorsOf(result).creditCode).toEqual(['errors.creditCode.checksum'])
    expect(await counts()).toEqual({ organizations: 0, users: 0, memberships: 0, audit: 0 })
  })

  it('rejects a duplicate email and writes nothing', async () => {
    await submit(valid())
    const before = await counts()
    const result = await submit({ ...valid(), organizationName: '另一家公司' })
    expect(errorsOf(result).email).toEqual(['errors.email.taken'])
    expect(await counts()).toEqual(before)
  })

  it('rejects a duplicate credit code', async () => {
    const first = valid()
    await submit(first)
    const result = await submit({ ...valid(), email: 'other@test.cn', creditCode: first.creditCode })
    expect(errorsOf(result).creditCode).toEqual(['errors.creditCode.taken'])
  })

  it('rejects a weak password and a mismatch, naming each', async () => {
    const weak = await submit({ ...valid(), password: 'abc1', confirmPassword: 'abc1' })
    expect(errorsOf(weak).password).toEqual(['errors.password.short'])
    const mismatch = await submit({ ...valid(), confirmPassword: 'GoodPassw0rd!' })
    expect(errorsOf(mismatch).confirmPassword).toEqual(['errors.password.mismatch'])
    expect(await counts()).toEqual({ organizations: 0, users: 0, memberships: 0, audit: 0 })
  })

  it('asks a Baodi enterprise for its town or street', async () => {
    const result = await submit({ ...valid(), areaCode: '' })
    expect(errorsOf(result).areaCode).toEqual(['errors.area.required'])
  })

  it('refuses a form without the CSRF token', async () => {
    const request = await formRequest('/register', valid(), '')
    await expect(action({ request, params: {}, context: {} })).rejects.toMatchObject({ status: 403 })
    expect(await counts()).toEqual({ organizations: 0, users: 0, memberships: 0, audit: 0 })
  })
})
