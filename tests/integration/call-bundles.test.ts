import { describe, expect, it } from 'vitest'
import { getCampaignCallStats } from '~/calls/funnel.server'
import { getCallPage } from '~/calls/page.server'
import { action as bundleAction, loader as bundleLoader } from '~/routes/calls.bundles.$id'
import { action as newBundleAction, loader as newBundleLoader } from '~/routes/calls.bundles.new'
import { searchEngine } from '~/search/engine.server'
import { reindexAll } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import { getSessionUser } from '~/utils/session.server'
import { cookieHeader, createNeed, createOrganization, createUser, formRequest, getRequest } from '../support/factories'
import { dataOf, run, statusOf, type Fn } from '../support/route-calls'

const TERMS = {
  title: '2026 宝坻区先进制造联合揭榜',
  statement: '区科技局把本年度征集到的先进制造类技术难题合并张榜，面向京津冀高校院所公开揭榜。',
  rewardMaxYuan: '600000',
  districtFundingYuan: '200000',
  deadlineDate: '2099-12-31',
  deadlineTime: '17:00',
  eligibleKinds: 'UNIVERSITY',
  eligibleRegionGroups: 'BEIJING',
  'criteria[0].name': '技术方案可行性',
  'criteria[0].weight': '70',
  'criteria[1].name': '团队能力',
  'criteria[1].weight': '30',
  requirements: '技术方案、团队与报价',
}

/** A campaign with three open needs of two enterprises, the bureau, and a stranger enterprise. */
async function campaign() {
  const bureauOrg = await createOrganization('BUREAU', '宝坻区科技局')
  const staff = await createUser(bureauOrg.id, 'BUREAU_STAFF')
  const campaign = await prisma.campaign.create({
    data: {
      name: '先进制造需求征集',
      startsOn: new Date('2026-01-01'),
      endsOn: new Date('2026-12-31'),
      createdById: staff.id,
    },
  })
  const [a, b] = await Promise.all([
    createOrganization('ENTERPRISE', '宝坻甲公司'),
    createOrganization('ENTERPRISE', '宝坻乙公司'),
  ])
  const needs = [
    await createNeed(a.id, { campaignId: campaign.id, title: '焊缝在线检测' }),
    await createNeed(a.id, { campaignId: campaign.id, title: '注塑件翘曲控制' }),
    await createNeed(b.id, { campaignId: campaign.id, title: '挂面干燥能耗降低' }),
  ]
  // Publication asks the matcher who should hear of each item.
  await reindexAll(prisma, searchEngine())
  const ownerA = await createUser(a.id, 'ENTERPRISE_ADMIN')
  const ownerB = await createUser(b.id, 'ENTERPRISE_ADMIN')
  return {
    campaign,
    needs,
    a,
    b,
    bureau: await cookieHeader(staff.id),
    ownerA: await cookieHeader(ownerA.id),
    ownerB: await cookieHeader(ownerB.id),
  }
}

const create = async (cookie: string, campaignId: string, fields: Record<string, string>, needIds: string[]) => {
  const request = await formRequest(`/calls/bundles/new?campaign=${campaignId}`, fields, cookie)
  const body = new URLSearchParams(await request.text())
  for (const id of needIds) body.append('needIds', id)
  return run(newBundleAction as Fn, new Request(request.url, { method: 'POST', headers: request.headers, body }))
}

describe('bundled calls (联合榜单)', () => {
  it('the bureau publishes several campaign needs as one call; each item is its enterprise’s to award', async () => {
    const s = await campaign()
    const form = (await run(
      newBundleLoader as Fn,
      getRequest(`/calls/bundles/new?campaign=${s.campaign.id}`, s.bureau),
    )) as {
      needs: Array<{ id: string }>
    }
    expect(form.needs.map((n) => n.id).sort()).toEqual(s.needs.map((n) => n.id).sort())
    const created = (await create(
      s.bureau,
      s.campaign.id,
      { ...TERMS, intent: 'publish' },
      s.needs.map((n) => n.id),
    )) as Response
    expect(created.status).toBe(302)
    const bundleId = created.headers.get('Location')!.split('/').pop()!
    const calls = await prisma.call.findMany({ where: { bundleId }, orderBy: { createdAt: 'asc' } })
    expect(calls.map((c) => [c.title, c.organizationId, c.status])).toEqual([
      ['焊缝在线检测', s.a.id, 'PUBLISHED'],
      ['注塑件翘曲控制', s.a.id, 'PUBLISHED'],
      ['挂面干燥能耗降低', s.b.id, 'PUBLISHED'],
    ])
    // The shared terms on every item, per item in fen.
    expect(
      new Set(calls.map((c) => `${c.rewardMaxFen}|${c.districtFundingFen}|${c.deadline.toISOString()}`)).size,
    ).toBe(1)
    expect(calls[0]).toMatchObject({
      rewardMaxFen: 60_000_000n,
      districtFundingFen: 20_000_000n,
      campaignId: s.campaign.id,
    })
    // Each item closes on its own deadline job.
    expect(await prisma.job.count({ where: { queue: 'calls' } })).toBe(3)

    // Public: the bundle page lists its items; each item links back to it.
    const page = (await run(bundleLoader as Fn, getRequest(`/calls/bundles/${bundleId}`), { id: bundleId })) as {
      items: Array<{ id: string; phase: string; enterprise: string }>
      canPublish: boolean
    }
    expect(page.items.map((i) => [i.enterprise, i.phase])).toEqual([
      ['宝坻甲公司', 'OPEN'],
      ['宝坻甲公司', 'OPEN'],
      ['宝坻乙公司', 'OPEN'],
    ])
    expect(page.canPublish).toBe(false)
    const itemPage = await getCallPage(null, calls[2].id)
    expect(itemPage?.call.bundle).toEqual({ id: bundleId, title: TERMS.title })
    // Enterprise B runs its own item, not A's.
    const b = (await getSessionUser(getRequest('/', s.ownerB)))!
    expect((await getCallPage(b, calls[2].id))?.evaluator).toBe('owner')
    expect((await getCallPage(b, calls[0].id))?.evaluator).toBeNull()
    const stats = await getCampaignCallStats(s.campaign.id)
    expect(stats.bundles).toEqual([{ id: bundleId, title: TERMS.title, items: 3, published: true }])
    expect(stats.calls).toBe(3)
  })

  it('is all or nothing: a need that already has a live call refuses the whole bundle', async () => {
    const s = await campaign()
    const first = (await create(s.bureau, s.campaign.id, { ...TERMS, intent: 'publish' }, [
      s.needs[0].id,
      s.needs[1].id,
    ])) as Response
    expect(first.status).toBe(302)
    const again = await create(s.bureau, s.campaign.id, { ...TERMS, intent: 'publish' }, [s.needs[1].id, s.needs[2].id])
    expect(statusOf(again)).toBe(409)
    expect(dataOf<{ errors: Record<string, string[]> }>(again).errors.needIds).toEqual(['errors.call.exists'])
    expect(await prisma.callBundle.count()).toBe(1)
    expect(await prisma.call.count({ where: { needId: s.needs[2].id } })).toBe(0)
    // One need is not a bundle; a need of another campaign is not this campaign's.
    const other = await createNeed(s.b.id, { title: '别的需求' })
    for (const ids of [[s.needs[2].id], [s.needs[2].id, other.id]]) {
      const refused = await create(s.bureau, s.campaign.id, { ...TERMS, intent: 'publish' }, ids)
      expect(statusOf(refused)).toBeGreaterThanOrEqual(400)
      expect(dataOf<{ errors: Record<string, string[]> }>(refused).errors.needIds).toEqual(['errors.call.bundleNeeds'])
    }
    expect(await prisma.callBundle.count()).toBe(1)
  })

  it('a draft is the bureau’s alone, and publishing it twice at once publishes once', async () => {
    const s = await campaign()
    const created = (await create(
      s.bureau,
      s.campaign.id,
      { ...TERMS, intent: 'draft' },
      s.needs.map((n) => n.id),
    )) as Response
    const bundleId = created.headers.get('Location')!.split('/').pop()!
    expect(statusOf(await run(bundleLoader as Fn, getRequest(`/calls/bundles/${bundleId}`), { id: bundleId }))).toBe(
      404,
    )
    expect(
      statusOf(await run(bundleLoader as Fn, getRequest(`/calls/bundles/${bundleId}`, s.ownerA), { id: bundleId })),
    ).toBe(404)
    // An enterprise cannot publish it, nor start a bundle.
    const denied = await run(
      bundleAction as Fn,
      await formRequest(`/calls/bundles/${bundleId}`, { intent: 'publish' }, s.ownerA),
      { id: bundleId },
    )
    expect(statusOf(denied)).toBe(403)
    expect(
      statusOf(await run(newBundleLoader as Fn, getRequest(`/calls/bundles/new?campaign=${s.campaign.id}`, s.ownerA))),
    ).toBe(403)
    const results = await Promise.all(
      [1, 2].map(async () =>
        run(bundleAction as Fn, await formRequest(`/calls/bundles/${bundleId}`, { intent: 'publish' }, s.bureau), {
          id: bundleId,
        }),
      ),
    )
    expect(results.map((r) => dataOf<{ ok: boolean }>(r).ok).sort()).toEqual([false, true])
    expect(await prisma.call.count({ where: { bundleId, status: 'PUBLISHED' } })).toBe(3)
    const deadlineJobs = await prisma.job.count({ where: { queue: 'calls' } })
    expect(deadlineJobs).toBe(3)
    expect(statusOf(await run(bundleLoader as Fn, getRequest(`/calls/bundles/${bundleId}`), { id: bundleId }))).toBe(
      200,
    )
  })
})
