import { describe, expect, it } from 'vitest'
import { drain } from '~/jobs/worker.server'
import { listOfficeLeads, matchesQueueHandler, refreshNeedMatches } from '~/matching/refresh.server'
import { recordMatchFeedback } from '~/models/matches.server'
import { matchCounts, takeNewMatches } from '~/models/needs.server'
import { loader as enterpriseLoader } from '~/routes/enterprise'
import { loader as inboxLoader } from '~/routes/inbox'
import { searchEngine } from '~/search/engine.server'
import { searchQueueHandler } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createUser, getRequest } from '../support/factories'
import { creditCodeOf, importRows, loadMarket } from '../support/market'

const engine = () => searchEngine()
/** What the app server's workers do: apply the search outbox, then the match refreshes it asks for. */
async function runWorkers() {
  await drain(prisma, searchQueueHandler(prisma, engine()))
  await drain(prisma, matchesQueueHandler(prisma, engine()))
}

describe('stored matches and "new since last visit"', () => {
  it('stores the matches shown by default once a need is searchable, and tells the enterprise', async () => {
    const { need } = await loadMarket()
    await runWorkers()
    // The ten best of each kind are stored at any confidence; those of 3 or more are shown and new.
    const all = await prisma.match.findMany({ where: { needId: need.id } })
    expect(all.every((m) => m.confidence >= 1 && m.status === 'PROPOSED')).toBe(true)
    const stored = all.filter((m) => m.confidence >= 3)
    expect(stored.length).toBeGreaterThan(0)
    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    // Notifications go to members at the time of the change; run a refresh again with no news.
    expect(await refreshNeedMatches(prisma, engine(), need.id)).toBe(0)
    const counts = await matchCounts(need.organizationId)
    expect(counts.get(need.id)).toEqual({ shown: stored.length, fresh: stored.length })

    const response = await enterpriseLoader({
      request: getRequest('/enterprise', await cookieHeader(owner.id)),
      params: {},
      context: {},
    })
    const row = response.needs.find((n) => n.id === need.id)
    expect(row?.matches).toEqual({ shown: stored.length, fresh: stored.length })

    const fresh = await takeNewMatches(need.id, owner.id)
    expect(fresh.sort()).toEqual(stored.map((m) => m.expertId ?? m.resultId).sort())
    expect((await matchCounts(need.organizationId)).get(need.id)?.fresh).toBe(0)
    expect(await takeNewMatches(need.id, owner.id)).toEqual([])
  })

  it('a newly published result reaches the needs it matches: a new match, a notification, an office lead', async () => {
    const { need } = await loadMarket()
    await runWorkers()
    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    await takeNewMatches(need.id, owner.id)
    const before = await prisma.match.count({ where: { needId: need.id } })

    const report = await importRows('results', [
      {
        externalId: 'R-PORE',
        title: '激光焊接气孔与未焊透在线监测系统',
        abstract: '采集熔池光谱与声发射信号，在线识别焊缝气孔、未焊透，适用于压力容器焊接产线。',
        institution: '天津大学',
        creditCode: creditCodeOf('天津大学'),
        field: '先进制造',
        keywords: ['焊缝', '无损检测', '在线监测'],
        maturity: '中试',
        transferModes: ['技术开发'],
      },
    ])
    expect(report.errors).toEqual([])
    await runWorkers()
    const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-PORE' } })
    const match = await prisma.match.findFirst({ where: { needId: need.id, resultId: result.id } })
    expect(match).not.toBeNull()
    expect(await prisma.match.count({ where: { needId: need.id } })).toBeGreaterThan(before)
    expect((await matchCounts(need.organizationId)).get(need.id)?.fresh).toBeGreaterThanOrEqual(1)
    const notes = await prisma.notification.findMany({ where: { userId: owner.id, kind: 'newMatches' } })
    expect(notes).toHaveLength(1)
    expect(JSON.parse(notes[0].body ?? '{}')).toMatchObject({ title: need.title })

    const office = result.organizationId
    const leads = await listOfficeLeads(prisma, office)
    const lead = leads.find((l) => l.needId === need.id)
    expect(lead?.offers.map((o) => o.id)).toContain(result.id)
    const staff = await createUser(office, 'TTO_MEMBER')
    const page = await inboxLoader({
      request: getRequest('/inbox', await cookieHeader(staff.id)),
      params: {},
      context: {},
    })
    expect(page.leads.map((l) => l.needId)).toContain(need.id)
    // Another office sees none of it.
    const other = await prisma.organization.findFirstOrThrow({ where: { name: '北京理工大学' } })
    expect((await listOfficeLeads(prisma, other.id)).flatMap((l) => l.offers.map((o) => o.id))).not.toContain(result.id)
  })

  it('keeps feedback: a declined match stays declined, is not new and not an office lead', async () => {
    const { need } = await loadMarket()
    await runWorkers()
    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const stored = await prisma.match.findFirstOrThrow({ where: { needId: need.id, resultId: { not: null } } })
    await recordMatchFeedback(prisma, engine(), {
      needId: need.id,
      target: { kind: 'result', id: stored.resultId ?? '' },
      decision: 'DECLINED',
      reason: 'OUTSIDE_FIELD',
      userId: owner.id,
      organizationId: need.organizationId,
    })
    await refreshNeedMatches(prisma, engine(), need.id)
    const after = await prisma.match.findUniqueOrThrow({ where: { id: stored.id } })
    expect(after.status).toBe('DECLINED')
    const result = await prisma.researchResult.findUniqueOrThrow({ where: { id: stored.resultId ?? '' } })
    const leads = await listOfficeLeads(prisma, result.organizationId)
    expect(leads.flatMap((l) => l.offers.map((o) => o.id))).not.toContain(result.id)
  })

  it('a closed need gets no new matches', async () => {
    const { need } = await loadMarket()
    await prisma.need.update({ where: { id: need.id }, data: { status: 'CLOSED' } })
    expect(await refreshNeedMatches(prisma, engine(), need.id)).toBe(0)
    expect(await prisma.match.count({ where: { needId: need.id } })).toBe(0)
  })
})
