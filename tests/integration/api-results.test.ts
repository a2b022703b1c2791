import { afterEach, describe, expect, it } from 'vitest'
import { drain } from '~/jobs/worker.server'
import { verifySignature, webhookJobsHandler } from '~/webhooks/deliveries.server'
import { createEndpoint } from '~/webhooks/endpoints.server'
import { testClient } from '../support/api-client'
import { closeReceivers, receiver } from '../support/webhook-receiver'
import { callApi, type ApiHandler } from '../support/api'
import { action as resultsAction, loader as resultsLoader } from '~/routes/api.v1.results'
import { loader as resultLoader } from '~/routes/api.v1.results.$id'
import { action as statusAction } from '~/routes/api.v1.results.$id.status'
import { action as editAction } from '~/routes/office_.results.$id_.edit'
import { prisma } from '~/utils/db.server'
import { reloadEnv } from '~/utils/env.server'
import { cookieHeader, createOrganization, createUser, formRequest, issueToken } from '../support/factories'

afterEach(closeReceivers)

type Handler = ApiHandler
const api = callApi

async function institution() {
  const org = await createOrganization('UNIVERSITY', `大学${Math.random().toString(36).slice(2, 6)}`)
  const admin = await createUser(org.id, 'TTO_ADMIN')
  const expert = await prisma.expert.create({
    data: { organizationId: org.id, name: '王教授', directions: ['注塑成型'], status: 'PUBLISHED' },
  })
  return { org, admin, expert, token: await issueToken(org.id, admin.id, ['results:read', 'results:write']) }
}

const result = (fieldCode: string, i: number, expertIds: string[] = []) => ({
  title: `注塑模具随形冷却技术 ${i}`,
  abstract: '采用金属增材制造随形冷却水路，缩短注塑周期并减少翘曲变形。',
  fieldCode,
  keywords: ['随形冷却', '注塑模具'],
  transferModes: ['TRANSFER', 'LICENSE'],
  priceMaxYuan: '800000',
  expertIds,
  intent: 'publish',
})

describe('/api/v1/results', () => {
  it('creates a result with its team, publishes and archives it; other organizations get 404', async () => {
    const a = await institution()
    const field = await prisma.techField.findFirstOrThrow({ where: { parentCode: null } })
    const created = await api(resultsAction as Handler, 'POST', '/api/v1/results', a.token, {
      ...result(field.code, 1, [a.expert.id]),
      intent: 'draft',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ status: 'DRAFT', expertIds: [a.expert.id], priceMaxYuan: '800000' })
    const id = created.body.id
    const published = await api(
      statusAction as Handler,
      'POST',
      `/api/v1/results/${id}/status`,
      a.token,
      { transition: 'publish' },
      id,
    )
    expect(published.body.status).toBe('PUBLISHED')
    const archived = await api(
      statusAction as Handler,
      'POST',
      `/api/v1/results/${id}/status`,
      a.token,
      { transition: 'archive' },
      id,
    )
    expect(archived.body.status).toBe('ARCHIVED')

    // Another institution's expert cannot be put on the team; its token does not see the result.
    const b = await institution()
    const foreign = await api(
      resultsAction as Handler,
      'POST',
      '/api/v1/results',
      b.token,
      result(field.code, 2, [a.expert.id]),
    )
    expect(foreign.status).toBe(422)
    expect(foreign.body.errors.expertIds.message).toMatch(/[\u4e00-\u9fff]/)
    expect((await api(resultLoader as Handler, 'GET', `/api/v1/results/${id}`, b.token, undefined, id)).status).toBe(
      404,
    )
    // An enterprise cannot be given results:write.
    const enterprise = await createOrganization('ENTERPRISE')
    const owner = await createUser(enterprise.id, 'ENTERPRISE_ADMIN')
    await expect(issueToken(enterprise.id, owner.id, ['results:write'])).rejects.toThrow('errors.token.scopeDenied')
  })

  it('syncs: 1,000 results imported through the API, 10 changed on the page, exactly those 10 fetched with updatedSince and announced once each, signed', async () => {
    // A bulk import is more than a minute's worth of requests at the default rate.
    process.env.API_RATE_LIMIT = '5000'
    reloadEnv()
    const a = await institution()
    const client = testClient(a.token)
    const field = await prisma.techField.findFirstOrThrow({ where: { parentCode: null } })
    const ids: string[] = []
    for (let i = 0; i < 1000; i++) {
      const created = await client.POST('/results', { body: result(field.code, i) as never })
      expect(created.response.status).toBe(201)
      ids.push(created.data!.id)
    }
    // All of them, page by page.
    let cursor: string | null = null
    let listed = 0
    do {
      const query: { limit: number; cursor?: string } = cursor ? { limit: 100, cursor } : { limit: 100 }
      const page = await client.GET('/results', { params: { query } })
      listed += page.data!.data.length
      cursor = page.data!.nextCursor
    } while (cursor)
    expect(listed).toBe(1000)

    // The institution's system listens for changes from here on.
    const hook = await receiver()
    const endpoint = await createEndpoint(
      { userId: a.admin.id, organizationId: a.org.id },
      { url: hook.url, events: ['result.changed'] },
    )
    if (!endpoint.ok) throw new Error(endpoint.error)
    const { secret } = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })

    const since = new Date()
    const cookie = await cookieHeader(a.admin.id)
    const changed = ids.filter((_, i) => i % 100 === 7)
    for (const id of changed) {
      const response = await editAction({
        request: await formRequest(
          `/office/results/${id}/edit`,
          {
            intent: 'publish',
            title: '注塑模具随形冷却技术（更新）',
            abstract: '采用金属增材制造随形冷却水路，缩短注塑周期并减少翘曲变形；新增中试数据。',
            fieldCode: field.code,
            keywords: '随形冷却、注塑模具',
            transferModes: 'TRANSFER',
            ipType: 'NONE',
          },
          cookie,
        ),
        params: { id },
        context: {},
      }).catch((thrown: unknown) => thrown)
      expect((response as Response).status).toBe(302)
    }
    const synced = await client.GET('/results', {
      params: { query: { limit: 100, updatedSince: since.toISOString() } },
    })
    expect(synced.data!.data.map((r) => r.id).sort()).toEqual([...changed].sort())
    expect(synced.data!.data.every((r) => r.title === '注塑模具随形冷却技术（更新）')).toBe(true)

    await drain(prisma, webhookJobsHandler())
    expect(hook.received.every((r) => verifySignature(secret, r.signature, r.body))).toBe(true)
    const announced = hook.received.map((r) => JSON.parse(r.body) as { type: string; data: { resultId: string } })
    expect(announced.every((e) => e.type === 'result.changed')).toBe(true)
    expect(announced.map((e) => e.data.resultId).sort()).toEqual([...changed].sort())
    delete process.env.API_RATE_LIMIT
    reloadEnv()
  }, 180_000)

  it('limits each token to API_RATE_LIMIT requests a minute, with Retry-After', async () => {
    process.env.API_RATE_LIMIT = '3'
    reloadEnv()
    try {
      const a = await institution()
      const statuses: number[] = []
      for (let i = 0; i < 4; i++)
        statuses.push((await api(resultsLoader as Handler, 'GET', '/api/v1/results', a.token)).status)
      expect(statuses).toEqual([200, 200, 200, 429])
    } finally {
      delete process.env.API_RATE_LIMIT
      reloadEnv()
    }
  })
})
