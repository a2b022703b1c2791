import { describe, expect, it } from 'vitest'
import { action as campaignsAction } from '~/routes/bureau_.campaigns'
import { loader as unmatchedLoader } from '~/routes/bureau_.needs'
import { action as curateAction, loader as curateLoader } from '~/routes/bureau_.needs_.$id'
import { loader as needLoader } from '~/routes/needs.$id'
import { action as newNeedAction } from '~/routes/needs.new'
import { ensureIndexes } from '~/search/sync.server'
import { searchEngine } from '~/search/engine.server'
import { getFunnel } from '~/contracts/turnover.server'
import { prisma } from '~/utils/db.server'
import {
  cookieHeader,
  createNeed,
  csrfFor,
  createOrganization,
  createUser,
  getRequest,
  postForm,
} from '../support/factories'

async function bureau() {
  const org = await createOrganization('BUREAU', '宝坻区科技局')
  const user = await createUser(org.id, 'BUREAU_STAFF')
  return { org, user, cookie: await cookieHeader(user.id) }
}

const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

const needFields = {
  title: '蔬菜大棚温湿度远程监控',
  summary: '合作社有 60 个蔬菜大棚，需要远程监测温湿度并自动通风，降低人工巡棚成本和病害损失。',
  fieldCode: 'EI.AI',
  keywords: '温湿度、物联网',
  cooperationModes: 'SERVICE',
  intent: 'publish',
}

describe('need-collection campaigns (征集)', () => {
  it('opens a campaign for a town, inviting only that town’s enterprises; bad dates are named', async () => {
    const { cookie } = await bureau()
    const [town, other] = await prisma.area.findMany({ take: 2, orderBy: { code: 'asc' } })
    const inTown = await createOrganization('ENTERPRISE', '宝平农业合作社')
    await prisma.organization.update({ where: { id: inTown.id }, data: { areaId: town.id } })
    const elsewhere = await createOrganization('ENTERPRISE', '海滨机械厂')
    await prisma.organization.update({ where: { id: elsewhere.id }, data: { areaId: other.id } })
    const farmer = await createUser(inTown.id, 'ENTERPRISE_ADMIN')
    const mechanic = await createUser(elsewhere.id, 'ENTERPRISE_ADMIN')

    const fields = { name: '2026 年冬季农业技术需求征集', areaId: town.id, startsOn: iso(0), endsOn: iso(-1) }
    const refused = (await postForm(campaignsAction, '/bureau/campaigns', fields, cookie)) as {
      data: { error: Record<string, string[]> }
    }
    expect(refused.data.error.endsOn).toEqual(['errors.campaign.order'])
    expect(await prisma.campaign.count()).toBe(0)

    const created = (await postForm(
      campaignsAction,
      '/bureau/campaigns',
      { ...fields, endsOn: iso(30) },
      cookie,
    )) as Response
    const campaign = await prisma.campaign.findFirstOrThrow()
    expect(created.headers.get('Location')).toBe(`/bureau/campaigns/${campaign.id}`)
    expect(await prisma.notification.count({ where: { userId: farmer.id, kind: 'campaignOpened' } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: mechanic.id } })).toBe(0)

    // The town's enterprise files a need under it; the other town's cannot.
    const ok = (await postForm(
      newNeedAction,
      '/needs/new',
      { ...needFields, campaignId: campaign.id },
      await cookieHeader(farmer.id),
    )) as Response
    expect(ok.status).toBe(302)
    expect((await prisma.need.findFirstOrThrow({ where: { organizationId: inTown.id } })).campaignId).toBe(campaign.id)
    const wrongTown = (await postForm(
      newNeedAction,
      '/needs/new',
      { ...needFields, campaignId: campaign.id },
      await cookieHeader(mechanic.id),
    )) as { data: { error: Record<string, string[]> } }
    expect(wrongTown.data.error.campaignId).toEqual(['errors.need.campaignClosed'])
    expect(await prisma.need.count({ where: { organizationId: elsewhere.id } })).toBe(0)
  })
})

describe('needs without a good match, and curated expert groups', () => {
  it('lists open needs with no reliable, undeclined match', async () => {
    const { cookie } = await bureau()
    const enterprise = await createOrganization('ENTERPRISE', '宝坻食品厂')
    const lonely = await createNeed(enterprise.id, { title: '无人问津的需求', publishedAt: new Date() })
    const served = await createNeed(enterprise.id, { title: '已有匹配的需求', publishedAt: new Date() })
    const declined = await createNeed(enterprise.id, { title: '匹配被婉拒的需求', publishedAt: new Date() })
    await createNeed(enterprise.id, { title: '草稿', status: 'DRAFT' })
    const office = await createOrganization('UNIVERSITY', '天津农学院')
    const expert = await prisma.expert.create({
      data: { organizationId: office.id, name: '高峰', directions: ['设施农业'] },
    })
    const match = { target: 'EXPERT' as const, expertId: expert.id, score: 0.8, confidence: 4, reasons: [] }
    await prisma.match.create({ data: { ...match, needId: served.id } })
    await prisma.match.create({ data: { ...match, needId: declined.id, status: 'DECLINED' } })
    const page = await unmatchedLoader({ request: getRequest('/bureau/needs', cookie), params: {}, context: {} })
    expect(page.needs.map((n) => n.title).sort()).toEqual([lonely.title, declined.title].sort())
  })

  it('the list, the curation page and the dashboard funnel agree on which needs are matched and connected', async () => {
    await ensureIndexes(searchEngine())
    const { cookie } = await bureau()
    const enterprise = await createOrganization('ENTERPRISE', '宝坻精密铸造厂')
    const owner = await createUser(enterprise.id, 'ENTERPRISE_ADMIN')
    const office = await createOrganization('UNIVERSITY', '河北工业大学')
    const suspended = await createOrganization('UNIVERSITY', '被暂停的研究院', 'SUSPENDED')
    const expert = await prisma.expert.create({
      data: { organizationId: office.id, name: '韩冰', directions: ['铸造'] },
    })
    const hidden = await prisma.expert.create({
      data: { organizationId: suspended.id, name: '吴迪', directions: ['铸造'] },
    })
    const published = { publishedAt: new Date() }
    const needs = {
      reliable: await createNeed(enterprise.id, { title: '铸件缩孔缺陷分析', ...published }),
      weak: await createNeed(enterprise.id, { title: '砂型强度不稳定', ...published }),
      hiddenTarget: await createNeed(enterprise.id, { title: '铸件热处理变形', ...published }),
      declined: await createNeed(enterprise.id, { title: '浇注系统优化', ...published }),
      connected: await createNeed(enterprise.id, { title: '熔炼能耗降低', status: 'IN_PROGRESS', ...published }),
    }
    const match = (
      needId: string,
      expertId: string,
      confidence: number,
      status: 'PROPOSED' | 'DECLINED' = 'PROPOSED',
    ) =>
      prisma.match.create({
        data: { needId, target: 'EXPERT', expertId, score: confidence / 5, confidence, reasons: [], status },
      })
    await match(needs.reliable.id, expert.id, 4)
    await match(needs.weak.id, expert.id, 2)
    await match(needs.hiddenTarget.id, hidden.id, 5)
    await match(needs.declined.id, expert.id, 5, 'DECLINED')
    await prisma.introduction.create({
      data: {
        needId: needs.connected.id,
        requesterOrgId: enterprise.id,
        requestedById: owner.id,
        targetOrgId: office.id,
        expertId: expert.id,
        message: '请求对接',
        status: 'ACCEPTED',
        responseDeadline: new Date(Date.now() + 7 * 86_400_000),
      },
    })

    const list = await unmatchedLoader({ request: getRequest('/bureau/needs', cookie), params: {}, context: {} })
    const listed = new Set(list.needs.map((n) => n.id))
    expect([...listed].sort()).toEqual([needs.weak.id, needs.hiddenTarget.id, needs.declined.id].sort())
    // The best match is shown: the weak one is named; a declined or hidden expert is not a candidate.
    expect(list.needs.find((n) => n.id === needs.weak.id)?.best).toMatchObject({ name: '韩冰', confidence: 2 })
    expect(list.needs.find((n) => n.id === needs.hiddenTarget.id)?.best).toBeNull()
    expect(list.needs.find((n) => n.id === needs.declined.id)?.best).toBeNull()

    for (const need of Object.values(needs)) {
      const page = await curateLoader({
        request: getRequest(`/bureau/needs/${need.id}`, cookie),
        params: { id: need.id },
        context: {},
      })
      const { reliable, connected } = page.need.coverage
      expect(listed.has(need.id), need.title).toBe(reliable === 0 && !connected)
    }

    const funnel = await getFunnel({ year: new Date().getUTCFullYear(), basis: 'BOTH', scope: { kind: 'district' } })
    const step = (name: string) => funnel.find((s) => s.step === name)?.count
    expect(step('needs')).toBe(5)
    expect(step('matched')).toBe(1)
    expect(step('accepted')).toBe(1)
  })

  it('assembles a group for a hard need, notifies each expert once, and the enterprise sees it', async () => {
    await ensureIndexes(searchEngine())
    const { cookie } = await bureau()
    const enterprise = await createOrganization('ENTERPRISE', '宝坻食品厂')
    const owner = await createUser(enterprise.id, 'ENTERPRISE_ADMIN')
    const need = await createNeed(enterprise.id, { title: '速冻水饺冰晶控制' })
    const office = await createOrganization('UNIVERSITY', '天津科技大学')
    const officeStaff = await createUser(office.id, 'TTO_ADMIN')
    const expertUser = await createUser(office.id, 'EXPERT')
    const withAccount = await prisma.expert.create({
      data: { organizationId: office.id, userId: expertUser.id, name: '马丽', directions: ['食品冷冻'] },
    })
    const withoutAccount = await prisma.expert.create({
      data: { organizationId: office.id, name: '孙涛', directions: ['面制品'] },
    })
    const path = `/bureau/needs/${need.id}`
    const tooSmall = (await postForm(curateAction, path, { member: withAccount.id }, cookie, need.id)) as {
      data: { errors: Record<string, string[]> }
    }
    expect(tooSmall.data.errors.members).toEqual(['errors.group.size'])

    const form = new URLSearchParams({
      csrf: await csrfFor(cookie),
      note: '请两位老师联合诊断',
      notify: 'on',
    })
    form.append('member', withAccount.id)
    form.append('member', withoutAccount.id)
    form.append(`aspects.${withAccount.id}`, '冻结曲线、冰晶')
    const send = async () =>
      curateAction({
        request: new Request(`http://test.local${path}`, {
          method: 'POST',
          body: form,
          headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        }),
        params: { id: need.id },
        context: {},
      })
    expect(await send()).toMatchObject({ ok: true, notified: 2 })
    const group = await prisma.expertGroup.findFirstOrThrow({ where: { needId: need.id }, include: { members: true } })
    expect(group.curated).toBe(true)
    expect(group.members.find((m) => m.expertId === withAccount.id)?.aspects).toEqual(['冻结曲线', '冰晶'])
    expect(await prisma.notification.count({ where: { userId: expertUser.id, kind: 'groupInvite' } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: officeStaff.id, kind: 'groupInvite' } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: owner.id, kind: 'groupCurated' } })).toBe(1)

    // Saving again (an adjustment) tells nobody twice.
    expect(await send()).toMatchObject({ ok: true, notified: 0 })
    expect(await prisma.notification.count({ where: { kind: 'groupInvite' } })).toBe(2)
    expect(await prisma.expertGroup.count({ where: { needId: need.id } })).toBe(1)

    const curate = await curateLoader({ request: getRequest(path, cookie), params: { id: need.id }, context: {} })
    expect(
      curate.candidates
        .filter((c) => c.chosen)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['孙涛', '马丽'])
    const page = await needLoader({
      request: getRequest(`/needs/${need.id}`, await cookieHeader(owner.id)),
      params: { id: need.id },
      context: {},
    })
    expect(page.curated?.members.map((m) => m.name).sort()).toEqual(['孙涛', '马丽'])
    const visitor = await needLoader({ request: getRequest(`/needs/${need.id}`), params: { id: need.id }, context: {} })
    expect(visitor.curated).toBeNull()
  })
})
