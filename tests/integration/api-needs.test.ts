import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { action as needsAction, loader as needsLoader } from '~/routes/api.v1.needs'
import { action as needAction, loader as needLoader } from '~/routes/api.v1.needs.$id'
import { action as statusAction } from '~/routes/api.v1.needs.$id.status'
import { loader as openApiLoader } from '~/routes/api.v1.openapi[.]json'
import { prisma } from '~/utils/db.server'
import { createOrganization, createUser, issueToken } from '../support/factories'
import { checkConformance } from '../support/openapi-conformance'

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<Response> | Response
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Body = any

async function api(
  handler: Handler,
  method: string,
  path: string,
  token: string,
  options: { body?: unknown; key?: string; id?: string } = {},
) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.key) headers['Idempotency-Key'] = options.key
  const request = new Request(`http://test.local${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const response = await handler({ request, params: { id: options.id ?? '' }, context: {} })
  expect(response).toBeInstanceOf(Response)
  await checkConformance(request, response)
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body }
}

const NEED = {
  title: '注塑件翘曲变形控制',
  summary: '汽车内饰注塑件出模后翘曲超差，返工率高，希望优化模具冷却与工艺参数。',
  fieldCode: 'ADV_MFG',
  keywords: ['注塑', '翘曲'],
  cooperationModes: ['DEVELOPMENT'],
  budgetMaxYuan: '300000.50',
}

async function enterprise(scopes: Parameters<typeof issueToken>[2] = ['needs:read', 'needs:write']) {
  const org = await createOrganization('ENTERPRISE', `企业${Math.random().toString(36).slice(2, 6)}`)
  const admin = await createUser(org.id, 'ENTERPRISE_ADMIN')
  return { org, admin, token: await issueToken(org.id, admin.id, scopes) }
}

describe('/api/v1/needs', () => {
  it('creates, reads, changes and publishes a need with the form’s rules, audited as through the API', async () => {
    const { org, token } = await enterprise()
    const field = await prisma.techField.findFirstOrThrow({ where: { parentCode: null } })
    const created = await api(needsAction as Handler, 'POST', '/api/v1/needs', token, {
      body: { ...NEED, fieldCode: field.code },
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('Location')).toBe(`/api/v1/needs/${created.body.id}`)
    expect(created.body).toMatchObject({ title: NEED.title, status: 'DRAFT', budgetMaxYuan: '300000.5' })
    const id = created.body.id as string

    const patched = await api(needAction as Handler, 'PATCH', `/api/v1/needs/${id}`, token, {
      id,
      body: { title: '注塑件翘曲与缩痕控制' },
    })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({
      title: '注塑件翘曲与缩痕控制',
      summary: NEED.summary,
      keywords: NEED.keywords,
    })

    const published = await api(statusAction as Handler, 'POST', `/api/v1/needs/${id}/status`, token, {
      id,
      body: { transition: 'publish' },
    })
    expect(published.body.status).toBe('PUBLISHED')
    const again = await api(statusAction as Handler, 'POST', `/api/v1/needs/${id}/status`, token, {
      id,
      body: { transition: 'publish' },
    })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: 'invalid_transition', status: 409 })

    const read = await api(needLoader as Handler, 'GET', `/api/v1/needs/${id}`, token, { id })
    expect(read.body).toMatchObject({ id, status: 'PUBLISHED', title: '注塑件翘曲与缩痕控制' })
    const audited = await prisma.auditLog.findMany({ where: { entityId: id, action: { startsWith: 'api.' } } })
    expect(audited.map((a) => a.action).sort()).toEqual(['api.needs.create', 'api.needs.publish', 'api.needs.update'])
    expect(await prisma.need.count({ where: { organizationId: org.id } })).toBe(1)
  })

  it('answers invalid fields with problem details in Chinese and English', async () => {
    const { token } = await enterprise()
    const bad = await api(needsAction as Handler, 'POST', '/api/v1/needs', token, {
      body: { ...NEED, title: '短', budgetMaxYuan: '12.345' },
    })
    expect(bad.status).toBe(422)
    expect(bad.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect(bad.body.code).toBe('invalid_body')
    expect(bad.body.errors.title.message).toMatch(/[\u4e00-\u9fff]/)
    expect(bad.body.errors.title.messageEn).toMatch(/[a-z]/)
    expect(bad.body.errors.budgetMaxYuan).toBeDefined()
    expect(await prisma.need.count()).toBe(0)
  })

  it('enforces scopes, expiry and organization: 403, 401 and 404', async () => {
    const reader = await enterprise(['needs:read'])
    const refused = await api(needsAction as Handler, 'POST', '/api/v1/needs', reader.token, { body: NEED })
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe('insufficient_scope')

    const writer = await enterprise()
    const need = await prisma.need.create({
      data: { organizationId: writer.org.id, title: '别家的需求', summary: '别家的需求说明', status: 'DRAFT' },
    })
    for (const [handler, method] of [
      [needLoader, 'GET'],
      [needAction, 'PATCH'],
    ] as const) {
      const other = await api(handler as Handler, method, `/api/v1/needs/${need.id}`, reader.token, {
        id: need.id,
        body: method === 'PATCH' ? { title: '改别人的' } : undefined,
      })
      expect(other.status, method).toBe(method === 'PATCH' ? 403 : 404)
    }
    const otherWriter = await enterprise()
    const patched = await api(needAction as Handler, 'PATCH', `/api/v1/needs/${need.id}`, otherWriter.token, {
      id: need.id,
      body: { title: '改别人的需求' },
    })
    expect(patched.status).toBe(404)
    expect((await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).title).toBe('别家的需求')

    await prisma.apiToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } })
    const expired = await api(needsLoader as Handler, 'GET', '/api/v1/needs', writer.token)
    expect(expired.status).toBe(401)
    expect(expired.body.code).toBe('token_expired')
  })

  it('acts once per Idempotency-Key, also for ten identical requests at once, and refuses a reused key', async () => {
    const { org, token } = await enterprise()
    const field = await prisma.techField.findFirstOrThrow({ where: { parentCode: null } })
    const body = { ...NEED, fieldCode: field.code }
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api(needsAction as Handler, 'POST', '/api/v1/needs', token, { body, key: 'erp-need-42' }),
      ),
    )
    expect(await prisma.need.count({ where: { organizationId: org.id } })).toBe(1)
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1)
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true)
    const replay = await api(needsAction as Handler, 'POST', '/api/v1/needs', token, { body, key: 'erp-need-42' })
    expect(replay.status).toBe(201)
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true')
    expect(replay.body.id).toBe(answers.find((a) => a.status === 201)!.body.id)
    const reused = await api(needsAction as Handler, 'POST', '/api/v1/needs', token, {
      body: { ...body, title: '另一个需求标题' },
      key: 'erp-need-42',
    })
    expect(reused.status).toBe(422)
    expect(reused.body.code).toBe('idempotency_key_reused')
    expect(await prisma.need.count({ where: { organizationId: org.id } })).toBe(1)
  })

  it('pages with a cursor across changes and syncs with updatedSince', async () => {
    const { org, token } = await enterprise()
    const base = Date.UTC(2026, 10, 1)
    for (let i = 0; i < 5; i++) {
      await prisma.need.create({
        data: { organizationId: org.id, title: `需求 ${i}`, summary: '说明', updatedAt: new Date(base + i * 1000) },
      })
    }
    const first = await api(needsLoader as Handler, 'GET', '/api/v1/needs?limit=2', token)
    expect(first.body.data.map((n: Body) => n.title)).toEqual(['需求 0', '需求 1'])
    // 需求 0 changes while the client pages: it is listed again after the others.
    const changedAt = new Date()
    await prisma.need.updateMany({ where: { title: '需求 0' }, data: { summary: '新说明' } })
    const seen: string[] = first.body.data.map((n: Body) => n.title)
    let cursor = first.body.nextCursor
    while (cursor) {
      const page = await api(needsLoader as Handler, 'GET', `/api/v1/needs?limit=2&cursor=${cursor}`, token)
      seen.push(...page.body.data.map((n: Body) => n.title))
      cursor = page.body.nextCursor
    }
    expect(seen).toEqual(['需求 0', '需求 1', '需求 2', '需求 3', '需求 4', '需求 0'])
    const since = await api(
      needsLoader as Handler,
      'GET',
      `/api/v1/needs?updatedSince=${encodeURIComponent(changedAt.toISOString())}`,
      token,
    )
    expect(since.body.data.map((n: Body) => n.title)).toEqual(['需求 0'])
    const bad = await api(needsLoader as Handler, 'GET', '/api/v1/needs?limit=500&updatedSince=yesterday', token)
    expect(bad.status).toBe(400)
    expect(bad.body.message).toBe('查询参数不正确：limit, updatedSince')
  })

  it('documents every /api/v1 route, and only those', async () => {
    const document: Body = await ((await openApiLoader()) as Response).json()
    const routes = readdirSync('app/routes')
      .filter((f) => f.startsWith('api.v1.') && !f.includes('openapi'))
      .map((f) =>
        f
          .replace(/^api\.v1\./, '/')
          .replace(/\.tsx?$/, '')
          .replace(/\.\$([a-zA-Z]+)/g, '/{$1}')
          .replace(/\./g, '/'),
      )
    expect(Object.keys(document.paths).sort()).toEqual(routes.sort())
    expect(document.components.schemas.NeedInput.required).toEqual(
      expect.arrayContaining(['title', 'summary', 'fieldCode', 'cooperationModes']),
    )
  })
})
