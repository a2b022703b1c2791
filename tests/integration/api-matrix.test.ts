import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateSchemaTypes, SCHEMA_FILE } from '~/api-client/generate'
import { openApiDocument } from '~/api/openapi.server'
import { createApiToken } from '~/models/api-tokens.server'
import { searchEngine } from '~/search/engine.server'
import { reindexAll } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import { GRANTABLE_SCOPES, type ApiScope } from '~/validation/api-tokens'
import { dispatch } from '../support/api-client'
import { checkConformance } from '../support/openapi-conformance'
import { createOrganization, createUser, issueToken } from '../support/factories'

type Operation = { 'x-scope': string }
const KINDS = ['ENTERPRISE', 'UNIVERSITY', 'SERVICE_AGENCY', 'BUREAU'] as const

/** Every operation of the document, with a concrete path (an id that does not exist) and its scope. */
function operations() {
  const paths = openApiDocument().paths as unknown as Record<string, Record<string, Operation>>
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: `/api/v1${path.replace('{id}', 'no-such-id').replace('{kind}', 'results')}`,
      // The search path names one scope per kind; the concrete path searches results.
      scope: (path === '/search/{kind}' ? 'results:read' : operation['x-scope']) as ApiScope,
    })),
  )
}

const send = (op: { method: string; path: string }, token?: string) =>
  dispatch(
    new Request(`http://test.local${op.path}`, {
      method: op.method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: op.method === 'GET' ? undefined : '{}',
    }),
  )

describe('the API’s scope × role matrix', () => {
  it('answers every operation 401 without a token, 403 without its scope, and lets the scope through', async () => {
    await reindexAll(prisma, searchEngine())
    const orgs = Object.fromEntries(
      await Promise.all(
        KINDS.map(async (kind) => {
          const org = await createOrganization(kind, `机构${kind}`)
          const user = await createUser(
            org.id,
            kind === 'BUREAU' ? 'BUREAU_STAFF' : kind === 'ENTERPRISE' ? 'ENTERPRISE_ADMIN' : 'TTO_ADMIN',
          )
          return [kind, { org, user }] as const
        }),
      ),
    )
    const checked: string[] = []
    for (const op of operations()) {
      expect((await send(op)).status, `${op.method} ${op.path} without a token`).toBe(401)
      for (const kind of KINDS) {
        const { org, user } = orgs[kind]
        const grantable = GRANTABLE_SCOPES[kind]
        if (!grantable.includes(op.scope)) {
          // The organization cannot even be given the scope: its token is refused at issue.
          const refused = await createApiToken(org.id, user.id, { name: 'x', scopes: [op.scope], lifetimeDays: '30' })
          expect(refused.ok, `${kind} granted ${op.scope}`).toBe(false)
          continue
        }
        const others = grantable.filter((s) => s !== op.scope)
        if (others.length) {
          const without = await send(op, await issueToken(org.id, user.id, [...others]))
          expect(without.status, `${kind} ${op.method} ${op.path} without ${op.scope}`).toBe(403)
        }
        const allowed = await send(op, await issueToken(org.id, user.id, [op.scope]))
        expect([401, 403], `${kind} ${op.method} ${op.path} with ${op.scope}`).not.toContain(allowed.status)
        expect(allowed.status, `${kind} ${op.method} ${op.path}`).toBeLessThan(500)
        expect(allowed.headers.get('Content-Type')).toMatch(/json/)
        checked.push(`${kind} ${op.method} ${op.path}`)
      }
    }
    expect(checked.length).toBeGreaterThan(60)
  }, 120_000)
})

describe('the generated TypeScript client', () => {
  it('matches the OpenAPI document (run `npm run api:client` after changing the API)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await generateSchemaTypes())
  })
})

describe('the conformance check every API test runs', () => {
  const get = (path: string) => new Request(`http://test.local/api/v1${path}`)
  const json = (body: unknown, status = 200) => Response.json(body, { status })

  it('refuses an answer the document does not describe', async () => {
    await expect(checkConformance(get('/needs/n1'), json({ id: 'n1' }))).rejects.toThrow(/disagrees/)
    await expect(checkConformance(get('/needs/n1'), json({}, 418))).rejects.toThrow(/status not documented/)
    await expect(checkConformance(get('/nowhere'), json({}))).rejects.toThrow(/no such operation/)
    await expect(
      checkConformance(get('/needs/n1'), new Response('x', { status: 200, headers: { 'Content-Type': 'text/plain' } })),
    ).rejects.toThrow(/documented as application\/json/)
  })
})
