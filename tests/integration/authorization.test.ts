import { describe, expect, it } from 'vitest'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { action as adminAction } from '~/routes/admin'
import { listNeedsForOrganization } from '~/models/needs.server'
import { listContractsForOrganization } from '~/contracts/lists.server'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createNeed, createOrganization, createUser, formRequest, getRequest } from '../support/factories'

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>
  action?: (args: LoaderFunctionArgs) => Promise<unknown>
}
const routes = import.meta.glob<RouteModule>('../../app/routes/*.tsx', { eager: true })

/** Routes anyone may open; every other route must send an anonymous visitor to the login page. */
// search and need pages are public: they show only published listings to visitors (tested in search-pages.test.ts).
const PUBLIC = new Set([
  '_index',
  'login',
  'register',
  'lang',
  'logout',
  'search.$kind',
  'needs.$id',
  'experts.$id',
  'results.$id',
  'institutions.$id',
  // Open calls: the public part to everyone, the rest by role (tested in calls.test.ts).
  'calls._index',
  'calls.$id',
  // A published bundled call is public; a draft one only to bureau staff (call-bundles.test.ts).
  'calls.bundles.$id',
  // The API's description: no data (as /api/v1/openapi.json).
  'api.docs',
])
// Pages for any signed-in user, showing only their own records (tested in introductions.test.ts
// and calls.test.ts: a call form for a need the user may not publish, or another's proposal, is 404).
const ANY_USER = new Set([
  'notifications',
  'introductions.$id',
  'consultations',
  'calls.new',
  'calls.$id_.proposals.$proposalId',
])
const ROLE_PAGES: Record<string, string[]> = {
  enterprise: ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'],
  office: ['TTO_ADMIN', 'TTO_MEMBER'],
  expert: ['EXPERT'],
  bureau: ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  admin: ['PLATFORM_ADMIN'],
  'settings.api-tokens': ['ENTERPRISE_ADMIN', 'TTO_ADMIN', 'BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'settings.webhooks': ['ENTERPRISE_ADMIN', 'TTO_ADMIN', 'BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'office_.results.$id.needs': ['TTO_ADMIN', 'TTO_MEMBER'],
  'needs.new': ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'],
  inbox: ['TTO_ADMIN', 'TTO_MEMBER'],
  'office_.results.new': ['TTO_ADMIN', 'TTO_MEMBER'],
  'office_.results.$id_.edit': ['TTO_ADMIN', 'TTO_MEMBER'],
  'office_.import': ['TTO_ADMIN', 'TTO_MEMBER'],
  'office_.import_.$id': ['TTO_ADMIN', 'TTO_MEMBER'],
  'needs.$id_.edit': ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'],
  'expert_.profile': ['EXPERT'],
  'office_.experts.new': ['TTO_ADMIN', 'TTO_MEMBER'],
  'office_.experts.$id_.edit': ['TTO_ADMIN', 'TTO_MEMBER'],
  'bureau_.campaigns': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.campaigns_.$id': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'calls.bundles.new': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.needs': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.needs_.$id': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.contracts': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.report': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.kpis': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.import': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.import_.$id': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.reconciliation': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'bureau_.targets': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'experts_.$id_.book': ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'],
  payments: ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'TTO_ADMIN', 'TTO_MEMBER', 'BUREAU_STAFF', 'PLATFORM_ADMIN'],
  contracts: ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'TTO_ADMIN', 'TTO_MEMBER', 'BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'contracts_.$id': [
    'ENTERPRISE_ADMIN',
    'ENTERPRISE_MEMBER',
    'TTO_ADMIN',
    'TTO_MEMBER',
    'BUREAU_STAFF',
    'PLATFORM_ADMIN',
  ],
  'contracts_.new': ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'TTO_ADMIN', 'TTO_MEMBER'],
  'contracts_.$id_.edit': ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'TTO_ADMIN', 'TTO_MEMBER'],
  'admin_.organizations': ['BUREAU_STAFF', 'PLATFORM_ADMIN'],
  'settings.organization': ['ENTERPRISE_ADMIN', 'TTO_ADMIN'],
}

async function outcome(fn: () => Promise<unknown>) {
  try {
    return await fn()
  } catch (thrown) {
    return thrown
  }
}

const routeName = (file: string) =>
  file
    .split('/')
    .pop()!
    .replace(/\.tsx$/, '')

describe('routes are closed by default', () => {
  it.each(
    Object.keys(routes)
      .map(routeName)
      .filter((n) => !PUBLIC.has(n)),
  )('%s sends anonymous visitors to login', async (name) => {
    const module = routes[`../../app/routes/${name}.tsx`]
    const result = (await outcome(() =>
      module.loader!({ request: getRequest(`/${name}`), params: {}, context: {} }),
    )) as Response
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
  })

  it('every non-public route is a role page with a declared audience', () => {
    const guarded = Object.keys(routes)
      .map(routeName)
      .filter((n) => !PUBLIC.has(n) && !ANY_USER.has(n))
    expect(guarded.sort()).toEqual(Object.keys(ROLE_PAGES).sort())
  })

  it.each(Object.entries(ROLE_PAGES))('%s refuses every other role with 403', async (name, allowed) => {
    const module = routes[`../../app/routes/${name}.tsx`]
    const org = await createOrganization('ENTERPRISE')
    for (const role of ['ENTERPRISE_ADMIN', 'TTO_ADMIN', 'EXPERT', 'BUREAU_STAFF', 'PLATFORM_ADMIN'] as const) {
      if (allowed.includes(role)) continue
      const user = await createUser(org.id, role)
      const cookie = await cookieHeader(user.id)
      const denied = (await outcome(() =>
        module.loader!({ request: getRequest(`/${name}`, cookie), params: {}, context: {} }),
      )) as Response
      expect(denied.status, `${role} on /${name}`).toBe(403)
      // Its mutations too: the role is checked before anything in the form is read.
      if (module.action) {
        const refused = (await outcome(async () =>
          module.action!({ request: await formRequest(`/${name}`, {}, cookie), params: {}, context: {} }),
        )) as Response
        expect(refused.status, `${role} posting to /${name}`).toBe(403)
      }
    }
  })
})

describe('organization scoping', () => {
  it("an enterprise's queries never return another enterprise's needs or contracts", async () => {
    const mine = await createOrganization('ENTERPRISE', '甲公司')
    const theirs = await createOrganization('ENTERPRISE', '乙公司')
    await createNeed(mine.id, { title: '我的需求' })
    await createNeed(theirs.id, { title: '别人的草稿', status: 'DRAFT' })
    const needs = await listNeedsForOrganization(mine.id)
    expect(needs.map((n) => n.title)).toEqual(['我的需求'])
    expect(await listContractsForOrganization(mine.id)).toEqual([])
  })

  it('only a platform admin can create bureau accounts, and the action checks its form', async () => {
    const bureau = await createOrganization('BUREAU', '宝坻区科技局')
    const staff = await createUser(bureau.id, 'BUREAU_STAFF')
    const fields = { name: '新员工', email: 'new-staff@test.cn', password: 'StaffPassw0rd' }
    const refused = await outcome(async () =>
      adminAction({
        request: await formRequest('/admin', fields, await cookieHeader(staff.id)),
        params: {},
        context: {},
      }),
    )
    expect((refused as Response).status).toBe(403)

    const platform = await createOrganization('SERVICE_AGENCY', '平台运营方')
    const admin = await createUser(platform.id, 'PLATFORM_ADMIN')
    await adminAction({
      request: await formRequest('/admin', fields, await cookieHeader(admin.id)),
      params: {},
      context: {},
    })
    const created = await prisma.user.findUniqueOrThrow({
      where: { email: 'new-staff@test.cn' },
      select: { memberships: { select: { role: true, organizationId: true } } },
    })
    expect(created.memberships).toEqual([{ role: 'BUREAU_STAFF', organizationId: bureau.id }])
  })
})
