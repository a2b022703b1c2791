import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { testClient } from '../support/api-client'
import { createNeed, createOrganization, createUser, issueToken } from '../support/factories'
import { loadMarket } from '../support/market'

const DAY = 24 * 60 * 60 * 1000

/** A token of the organization that imported the result with this external id. */
async function institutionOf(resultExternalId: string) {
  const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: resultExternalId } })
  const admin = await createUser(result.organizationId, 'TTO_ADMIN')
  const token = await issueToken(result.organizationId, admin.id, ['results:read', 'experts:read', 'calls:read'])
  return { result, organizationId: result.organizationId, api: testClient(token) }
}

describe('/api/v1/search and the reverse matches', () => {
  it('searches published listings with the pages’ ranking and facets, by the kind’s scope', async () => {
    const { need } = await loadMarket()
    const { result, api } = await institutionOf((await prisma.researchResult.findFirstOrThrow()).externalId!)
    const found = await api.GET('/search/{kind}', {
      params: { path: { kind: 'results' }, query: { q: result.title.slice(0, 4) } },
    })
    expect(found.response.status).toBe(200)
    expect(found.data!.hits.map((h) => h.id)).toContain(result.id)
    expect(found.data!.total).toBeGreaterThan(0)
    expect(Object.keys(found.data!.facets)).toEqual(['field', 'region', 'stage', 'mode', 'institution'])
    // needs:read is not among the token's scopes.
    const needs = await api.GET('/search/{kind}', { params: { path: { kind: 'needs' }, query: { q: need.title } } })
    expect(needs.error).toMatchObject({ status: 403, code: 'insufficient_scope' })
    const unknown = await api.GET('/search/{kind}', { params: { path: { kind: 'robots' as 'results' } } })
    expect(unknown.response.status).toBe(404)
  })

  it('finds open needs for the institution’s own result and expert, with reasons; another’s is 404', async () => {
    const { need } = await loadMarket()
    const weld = await prisma.researchResult.findFirstOrThrow({ where: { title: { contains: '焊' } } })
    const { api, organizationId } = await institutionOf(weld.externalId!)
    const leads = await api.GET('/results/{id}/matches', {
      params: { path: { id: weld.id }, query: { minConfidence: 1 } },
    })
    expect(leads.response.status).toBe(200)
    expect(leads.data!.needs.map((n) => n.needId)).toContain(need.id)
    expect(leads.data!.needs[0].reasons.length).toBeGreaterThan(0)
    expect(leads.data!.needs[0].reasonsEn.length).toBe(leads.data!.needs[0].reasons.length)
    const expert = await prisma.expert.findFirstOrThrow({ where: { organizationId } })
    const expertLeads = await api.GET('/experts/{id}/matches', { params: { path: { id: expert.id } } })
    expect(expertLeads.response.status).toBe(200)
    const foreign = await prisma.researchResult.findFirstOrThrow({ where: { organizationId: { not: organizationId } } })
    const hidden = await api.GET('/results/{id}/matches', { params: { path: { id: foreign.id } } })
    expect(hidden.response.status).toBe(404)
  })
})

describe('/api/v1/calls and /api/v1/proposals', () => {
  it('lists published calls to everyone, drafts only to their enterprise, and proposals only to their institution', async () => {
    const { need } = await loadMarket()
    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const call = (status: 'DRAFT' | 'PUBLISHED', title: string, needId = need.id) =>
      prisma.call.create({
        data: {
          needId,
          organizationId: need.organizationId,
          createdById: owner.id,
          title,
          statement: '焊缝缺陷在线识别，漏检率低于千分之一',
          confidentialDetail: '产线节拍 12 秒',
          rewardMaxFen: 50_000_000n,
          deadline: new Date(Date.now() + 30 * DAY),
          criteria: [
            { name: '技术方案', weight: 60 },
            { name: '团队', weight: 40 },
          ],
          requirements: '技术方案与团队介绍',
          status,
          publishedAt: status === 'PUBLISHED' ? new Date() : null,
        },
      })
    const published = await call('PUBLISHED', '焊缝检测揭榜')
    const draft = await call('DRAFT', '草稿榜单', (await createNeed(need.organizationId)).id)
    const ownerApi = testClient(await issueToken(need.organizationId, owner.id, ['calls:read']))
    const { api: office, organizationId } = await institutionOf(
      (await prisma.researchResult.findFirstOrThrow()).externalId!,
    )
    const seen = await office.GET('/calls')
    expect(seen.data!.data.map((c) => c.id)).toEqual([published.id])
    expect(seen.data!.data).toMatchObject([{ phase: 'OPEN', rewardMaxYuan: '500000', criteria: [{ weight: 60 }, {}] }])
    expect(JSON.stringify(seen.data)).not.toContain('产线节拍')
    expect((await office.GET('/calls/{id}', { params: { path: { id: draft.id } } })).response.status).toBe(404)
    expect(
      (await ownerApi.GET('/calls', { params: { query: { status: 'DRAFT' } } })).data!.data.map((c) => c.id),
    ).toEqual([draft.id])

    const proposal = await prisma.proposal.create({
      data: {
        callId: published.id,
        organizationId,
        createdById: owner.id,
        approach: '结构光与深度学习结合的焊缝识别',
        priceFen: 40_000_000n,
        durationMonths: 6,
        milestones: [{ title: '样机', amountFen: '40000000', month: 6 }],
        status: 'SUBMITTED',
        submittedAt: new Date(),
      },
    })
    const mine = await office.GET('/proposals', { params: { query: { callId: published.id } } })
    expect(mine.data!.data).toEqual([
      expect.objectContaining({
        id: proposal.id,
        priceYuan: '400000',
        milestones: [{ title: '样机', amountYuan: '400000', month: 6 }],
      }),
    ])
    // The enterprise evaluates proposals on the call's pages (audited), not through the API.
    expect((await ownerApi.GET('/proposals/{id}', { params: { path: { id: proposal.id } } })).response.status).toBe(404)
    const stranger = await createOrganization('UNIVERSITY', '另一所大学')
    const strangerApi = testClient(
      await issueToken(stranger.id, (await createUser(stranger.id, 'TTO_ADMIN')).id, ['calls:read']),
    )
    expect((await strangerApi.GET('/proposals')).data!.data).toEqual([])
  })
})
