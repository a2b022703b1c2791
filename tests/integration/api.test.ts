import { describe, expect, it } from 'vitest'
import { loader as matchesLoader } from '~/routes/api.v1.needs.$id.matches'
import { loader as openApiLoader } from '~/routes/api.v1.openapi[.]json'
import { action as tokensAction, loader as tokensLoader } from '~/routes/settings.api-tokens'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createOrganization, createUser, formRequest, issueToken } from '../support/factories'
import { loadMarket } from '../support/market'
import { checkConformance } from '../support/openapi-conformance'

async function call(path: string, token?: string) {
  const request = new Request(`http://test.local${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  const id = /needs\/([^/]+)\/matches/.exec(path)![1]
  let response: Response
  try {
    response = await matchesLoader({ request, params: { id }, context: {} })
  } catch (thrown) {
    response = thrown as Response
  }
  await checkConformance(request, response)
  return response
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Body = any
// Resource routes must answer real Responses: anything else loses its status under single fetch.
const json = async (response: Response): Promise<Body> => {
  expect(response).toBeInstanceOf(Response)
  return response.json()
}

const status = (response: Response) => {
  expect(response).toBeInstanceOf(Response)
  return response.status
}

describe('GET /api/v1/needs/:id/matches', () => {
  it('answers the need’s organization with ranked matches, scores, confidences and reasons', async () => {
    const { need } = await loadMarket()
    const admin = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const token = await issueToken(need.organizationId, admin.id)
    const response = await call(`/api/v1/needs/${need.id}/matches?kind=results&limit=5&minConfidence=1`, token)
    expect(status(response)).toBe(200)
    const body = await json(response)
    expect(body.need).toEqual({ id: need.id, externalId: 'N-WELD', title: need.title })
    expect(body.matches.length).toBeGreaterThan(0)
    expect(body.matches[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        externalId: expect.any(String),
        score: expect.any(Number),
        confidence: expect.any(Number),
      }),
    )
    expect(body.matches[0].reasons[0]).toMatch(/^匹配关键词/)
    expect(body.matches[0].reasonsEn[0]).toMatch(/^Matching terms/)
    const groups = await json(await call(`/api/v1/needs/${need.id}/matches?kind=groups&minConfidence=1`, token))
    expect(groups.matches[0].members.length).toBeGreaterThanOrEqual(2)
    expect((await prisma.apiToken.findFirstOrThrow()).lastUsedAt).not.toBeNull()
  })

  it('refuses missing, unknown and revoked tokens with 401', async () => {
    const { need } = await loadMarket()
    const admin = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    expect(status(await call(`/api/v1/needs/${need.id}/matches`))).toBe(401)
    expect(status(await call(`/api/v1/needs/${need.id}/matches`, 'bdt_nonsense'))).toBe(401)
    const token = await issueToken(need.organizationId, admin.id)
    await prisma.apiToken.updateMany({ data: { revokedAt: new Date() } })
    const revoked = await call(`/api/v1/needs/${need.id}/matches`, token)
    expect(status(revoked)).toBe(401)
    expect((await json(revoked)).code).toBe('unauthorized')
  })

  it('hides other organizations’ needs (404) but lets bureau tokens read them', async () => {
    const { need } = await loadMarket()
    const other = await createOrganization('ENTERPRISE', '另一家企业')
    const otherAdmin = await createUser(other.id, 'ENTERPRISE_ADMIN')
    const otherToken = await issueToken(other.id, otherAdmin.id)
    expect(status(await call(`/api/v1/needs/${need.id}/matches`, otherToken))).toBe(404)
    const bureau = await createOrganization('BUREAU', '宝坻区科技局')
    const staff = await createUser(bureau.id, 'BUREAU_STAFF')
    const bureauToken = await issueToken(bureau.id, staff.id)
    expect(status(await call(`/api/v1/needs/${need.id}/matches`, bureauToken))).toBe(200)
  })

  it('validates the query with a specific message', async () => {
    const { need } = await loadMarket()
    const admin = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const token = await issueToken(need.organizationId, admin.id)
    const response = await call(`/api/v1/needs/${need.id}/matches?kind=robots&limit=500`, token)
    expect(status(response)).toBe(400)
    const body = await json(response)
    expect(body.message).toBe('查询参数不正确：kind, limit')
  })

  it('is described by an OpenAPI document', async () => {
    const document: Body = await (openApiLoader() as Response).json()
    expect(document.openapi).toBe('3.1.0')
    expect(document.paths['/needs/{id}/matches'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'id',
      'kind',
      'limit',
      'minConfidence',
    ])
  })
})

describe('API token settings', () => {
  it('lets an organization admin create a token shown once, and revoke it; others cannot touch it', async () => {
    const org = await createOrganization('ENTERPRISE', '企业甲')
    const admin = await createUser(org.id, 'ENTERPRISE_ADMIN')
    const cookie = await cookieHeader(admin.id)
    const created = (await tokensAction({
      request: await formRequest(
        '/settings/api-tokens',
        { intent: 'create', name: 'ERP', scopes: 'needs:write', lifetimeDays: '30' },
        cookie,
      ),
      params: {},
      context: {},
    })) as {
      created: string
    }
    expect(created.created).toMatch(/^bdt_/)
    const row = await prisma.apiToken.findFirstOrThrow()
    expect(row.tokenHash).not.toContain(created.created)
    expect(row.scopes).toEqual(['needs:write'])
    expect(row.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000)
    // An enterprise cannot grant what only institutions do.
    const denied = (await tokensAction({
      request: await formRequest(
        '/settings/api-tokens',
        { intent: 'create', name: 'x', scopes: 'results:write', lifetimeDays: '30' },
        cookie,
      ),
      params: {},
      context: {},
    })) as { init: { status: number } }
    expect(denied.init.status).toBe(400)
    expect(await prisma.apiToken.count()).toBe(1)
    const listed = (await tokensLoader({
      request: new Request('http://test.local/settings/api-tokens', { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    })) as {
      tokens: Array<{ name: string }>
    }
    expect(listed.tokens.map((t) => t.name)).toEqual(['ERP'])

    const stranger = await createUser((await createOrganization('ENTERPRISE', '企业乙')).id, 'ENTERPRISE_ADMIN')
    const strangerCookie = await cookieHeader(stranger.id)
    const refused = await tokensAction({
      request: await formRequest('/settings/api-tokens', { intent: 'revoke', tokenId: row.id }, strangerCookie),
      params: {},
      context: {},
    }).catch((e: Response) => e)
    expect((refused as Response).status).toBe(404)
    await tokensAction({
      request: await formRequest('/settings/api-tokens', { intent: 'revoke', tokenId: row.id }, cookie),
      params: {},
      context: {},
    })
    expect((await prisma.apiToken.findFirstOrThrow()).revokedAt).not.toBeNull()
    expect(await prisma.auditLog.count({ where: { action: { in: ['apiToken.create', 'apiToken.revoke'] } } })).toBe(2)
  })

  it('refuses members who are not admins', async () => {
    const org = await createOrganization('ENTERPRISE', '企业丙')
    const member = await createUser(org.id, 'ENTERPRISE_MEMBER')
    const result = await tokensAction({
      request: await formRequest(
        '/settings/api-tokens',
        { intent: 'create', name: 'x', scopes: 'needs:read' },
        await cookieHeader(member.id),
      ),
      params: {},
      context: {},
    }).catch((e: Response) => e)
    expect((result as Response).status).toBe(403)
    expect(await prisma.apiToken.count()).toBe(0)
  })
})
