import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { testClient } from '../support/api-client'
import { passDeadline, setup } from '../support/calls'
import { createOrganization, createUser, issueToken } from '../support/factories'
import { loadMarket } from '../support/market'

const CALL = {
  title: '焊缝在线检测揭榜挂帅',
  statement: '压力容器焊缝检测周期长，激光焊接产线常见气孔和未焊透，需要在线监测与无损检测方案。',
  rewardMaxYuan: '800000',
  deadlineDate: '2099-12-31',
  eligibleKinds: ['UNIVERSITY'],
  eligibleRegionGroups: [],
  criteria: [
    { name: '技术方案可行性', weight: 60 },
    { name: '报价合理性', weight: 40 },
  ],
  requirements: '技术方案、团队、里程碑与报价',
}

const PROPOSAL = {
  intent: 'submit',
  approach: '结构光视觉跟踪焊缝并监测熔池信号，结合相控阵超声离线复检，形成闭环质量控制。',
  teamExpertIds: [],
  resultIds: [],
  priceYuan: '600000',
  durationMonths: 12,
  milestones: [
    { title: '方案设计与样机', amountYuan: '200000', month: 4 },
    { title: '产线验证与交付', amountYuan: '400000', month: 12 },
  ],
}

describe('/api/v1/calls and /api/v1/proposals, written', () => {
  it('an enterprise drafts, publishes and cancels a call of its own need; another enterprise gets 404', async () => {
    const { need } = await loadMarket()
    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const api = testClient(await issueToken(need.organizationId, owner.id, ['calls:read', 'calls:write']))
    const drafted = await api.POST('/calls', { body: { ...CALL, needId: need.id, intent: 'draft' } as never })
    expect(drafted.response.status).toBe(201)
    const id = drafted.data!.id
    expect(drafted.data).toMatchObject({ needId: need.id, rewardMaxYuan: '800000', publishedAt: null })

    const stranger = await createOrganization('ENTERPRISE')
    const other = testClient(
      await issueToken(stranger.id, (await createUser(stranger.id, 'ENTERPRISE_ADMIN')).id, ['calls:write']),
    )
    const foreign = await other.POST('/calls/{id}/status', {
      params: { path: { id } },
      body: { transition: 'publish' },
    })
    expect(foreign.response.status).toBe(404)
    const badCall = await other.POST('/calls', { body: { ...CALL, needId: need.id } as never })
    expect(badCall.response.status).toBe(404)

    const published = await api.POST('/calls/{id}/status', {
      params: { path: { id } },
      body: { transition: 'publish' },
    })
    expect(published.data?.publishedAt).not.toBeNull()
    const invalid = await api.POST('/calls/{id}/status', {
      params: { path: { id } },
      body: { transition: 'cancel', reason: '' } as never,
    })
    expect(invalid.response.status).toBe(422)
    const cancelled = await api.POST('/calls/{id}/status', {
      params: { path: { id } },
      body: { transition: 'cancel', reason: '需求已由企业自行解决' },
    })
    expect(cancelled.response.status).toBe(200)
    expect((await prisma.call.findUniqueOrThrow({ where: { id } })).status).toBe('CANCELLED')
    expect(await prisma.auditLog.count({ where: { action: { startsWith: 'api.calls.' } } })).toBe(3)
  })

  it('an institution submits and withdraws its proposal; late, ineligible and foreign requests are refused', async () => {
    const s = await setup()
    const [weld] = s.offices
    const api = testClient(await issueToken(weld.org.id, weld.user.id, ['calls:read', 'proposals:write']))
    const submitted = await api.POST('/proposals', { body: { ...PROPOSAL, callId: s.call.id } as never })
    expect(submitted.response.status).toBe(200)
    expect(submitted.data).toMatchObject({ callId: s.call.id, status: 'SUBMITTED', priceYuan: '600000' })
    const id = submitted.data!.id

    const sum = await api.POST('/proposals', {
      body: { ...PROPOSAL, callId: s.call.id, priceYuan: '700000' } as never,
    })
    expect(sum.response.status).toBe(422)

    const institute = await createOrganization('RESEARCH_INSTITUTE')
    const instituteApi = testClient(
      await issueToken(institute.id, (await createUser(institute.id, 'TTO_ADMIN')).id, ['proposals:write']),
    )
    const ineligible = await instituteApi.POST('/proposals', { body: { ...PROPOSAL, callId: s.call.id } as never })
    expect(ineligible.response.status).toBe(409)
    expect(ineligible.error).toMatchObject({ message: expect.stringMatching(/[\u4e00-\u9fff]/) })
    expect(
      (await instituteApi.POST('/proposals/{id}/withdraw', { params: { path: { id } }, body: {} })).response.status,
    ).toBe(404)

    const withdrawn = await api.POST('/proposals/{id}/withdraw', { params: { path: { id } }, body: {} })
    expect(withdrawn.data?.status).toBe('WITHDRAWN')
    await passDeadline(s.call.id)
    const late = await api.POST('/proposals', { body: { ...PROPOSAL, callId: s.call.id } as never })
    expect(late.response.status).toBe(409)
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).status).toBe('WITHDRAWN')
  })
})
