import { describe, expect, it } from 'vitest'
import { loader as searchLoader } from '~/routes/search.$kind'
import { action as needAction, loader as needLoader } from '~/routes/needs.$id'
import { loader as leadsLoader } from '~/routes/office_.results.$id.needs'
import { loader as expertLoader } from '~/routes/expert'
import { loader as expertProfileLoader } from '~/routes/experts.$id'
import { loader as institutionLoader } from '~/routes/institutions.$id'
import { searchEngine } from '~/search/engine.server'
import { reindexAll } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createOrganization, createUser, formRequest, getRequest } from '../support/factories'
import { loadMarket } from '../support/market'

type SearchData = Awaited<ReturnType<typeof searchLoader>>
type NeedData = Awaited<ReturnType<typeof needLoader>>

const search = (path: string, cookie = '') =>
  searchLoader({
    request: getRequest(path, cookie),
    params: { kind: path.split('/')[2].split('?')[0] },
    context: {},
  }) as Promise<SearchData>

const openNeed = (id: string, cookie = '') =>
  (needLoader({ request: getRequest(`/needs/${id}`, cookie), params: { id }, context: {} }) as Promise<NeedData>).catch(
    (e: Response) => e,
  )

/** The IDs of results by their external IDs, sorted (a hit carries only what the page shows). */
const resultIds = async (...externalIds: string[]) =>
  (await prisma.researchResult.findMany({ where: { externalId: { in: externalIds } }, select: { id: true } }))
    .map((r) => r.id)
    .sort()

describe('search pages', () => {
  it('finds published results in Chinese with highlights and facet counts', async () => {
    await loadMarket()
    const data = await search('/search/results?q=焊缝检测')
    expect(data.hits.map((h) => h.hit.id).sort()).toEqual(await resultIds('R-NDT', 'R-WELD'))
    // The page gets the highlighted text (the engine's markers around the query's words).
    expect(data.hits.map((h) => (h.kind === 'results' ? h.hit.title + h.hit.abstract : '')).join('')).toContain(
      '\u0002',
    )
    // 河北工业大学 is in Tianjin (Beichen District), as its reference entry says.
    const region = data.facets.find((f) => f.attribute === 'regionGroup')!
    expect(Object.fromEntries(region.values)).toEqual({ TIANJIN: 2 })
    const stage = data.facets.find((f) => f.attribute === 'stage')!
    expect(Object.fromEntries(stage.values)).toEqual({ PILOT: 1, INDUSTRIAL: 1 })
    const filtered = await search('/search/results?q=焊缝检测&stage=INDUSTRIAL')
    expect(filtered.hits.map((h) => h.hit.id)).toEqual(await resultIds('R-NDT'))
  })

  it('never lists drafts, and ignores nonsense filters', async () => {
    await loadMarket()
    await prisma.researchResult.updateMany({ where: { externalId: 'R-NDT' }, data: { status: 'DRAFT' } })
    await reindexAll(prisma, searchEngine())
    const data = await search('/search/results?q=焊缝&region=MARS&page=-3')
    expect(data.hits.map((h) => h.hit.id)).toEqual(await resultIds('R-WELD'))
    expect(data.page).toBe(1)
  })

  it('answers 404 for an unknown listing kind', async () => {
    const thrown = await searchLoader({
      request: getRequest('/search/contracts'),
      params: { kind: 'contracts' },
      context: {},
    }).catch((e: Response) => e)
    expect((thrown as Response).status).toBe(404)
  })
})

describe('need page', () => {
  it('shows visitors the public teaser only, without confidential detail or matches', async () => {
    const { need } = await loadMarket()
    await prisma.need.update({ where: { id: need.id }, data: { confidentialDetail: '焊缝不合格率 8%' } })
    const data = (await openNeed(need.id)) as NeedData
    expect(data.need.title).toBe(need.title)
    expect(data.need.confidentialDetail).toBeNull()
    expect(data.matches).toBeNull()
  })

  it('hides another enterprise’s draft (404) and shows the owner the detail and the match panel', async () => {
    const { need } = await loadMarket()
    await prisma.need.update({ where: { id: need.id }, data: { status: 'DRAFT', confidentialDetail: '保密' } })
    const stranger = await createUser((await createOrganization()).id, 'ENTERPRISE_ADMIN')
    expect(((await openNeed(need.id, await cookieHeader(stranger.id))) as Response).status).toBe(404)
    const owner = await createUser(need.organizationId, 'ENTERPRISE_MEMBER')
    const data = (await openNeed(need.id, await cookieHeader(owner.id))) as NeedData
    expect(data.need.confidentialDetail).toBe('保密')
    expect(data.matches!.items.length).toBeGreaterThan(0)
    expect(data.canGiveFeedback).toBe(true)
  })

  it('takes feedback from the owning enterprise only, validated', async () => {
    const { need } = await loadMarket()
    const expert = await prisma.expert.findFirstOrThrow({ where: { externalId: 'E-WELD' } })
    const stranger = await createUser((await createOrganization()).id, 'ENTERPRISE_ADMIN')
    const fields = {
      intent: 'feedback',
      decision: 'DECLINED',
      targetKind: 'expert',
      targetId: expert.id,
      reason: 'CAPACITY',
    }
    const refused = await needAction({
      request: await formRequest(`/needs/${need.id}`, fields, await cookieHeader(stranger.id)),
      params: { id: need.id },
      context: {},
    }).catch((e: Response) => e)
    expect((refused as Response).status).toBe(404)

    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const cookie = await cookieHeader(owner.id)
    const invalid = (await needAction({
      request: await formRequest(`/needs/${need.id}`, { ...fields, reason: '' }, cookie),
      params: { id: need.id },
      context: {},
    })) as { init: ResponseInit; data: { errors: Record<string, string[]> } }
    expect(invalid.init.status).toBe(400)
    expect(invalid.data.errors.reason).toEqual(['errors.match.reason'])
    expect(await prisma.match.count()).toBe(0)

    await needAction({
      request: await formRequest(`/needs/${need.id}`, fields, cookie),
      params: { id: need.id },
      context: {},
    })
    expect(await prisma.match.findFirstOrThrow()).toMatchObject({ status: 'DECLINED', feedbackReason: 'CAPACITY' })

    // A draft result, or one of an institution not yet approved, is nothing a match could name.
    const institution = await prisma.organization.findFirstOrThrow({ where: { id: expert.organizationId } })
    const draft = await prisma.researchResult.create({
      data: { organizationId: institution.id, title: '未发布的成果', abstract: '草稿', status: 'DRAFT' },
    })
    const pending = await createOrganization('UNIVERSITY', '待审核大学', 'PENDING')
    const unapproved = await prisma.researchResult.create({
      data: { organizationId: pending.id, title: '待审核机构的成果', abstract: '已发布', status: 'PUBLISHED' },
    })
    for (const target of [draft, unapproved]) {
      const hidden = await needAction({
        request: await formRequest(
          `/needs/${need.id}`,
          { ...fields, decision: 'ACCEPTED', targetKind: 'result', targetId: target.id },
          cookie,
        ),
        params: { id: need.id },
        context: {},
      }).catch((e: Response) => e)
      expect((hidden as Response).status).toBe(404)
    }
    expect(await prisma.match.count()).toBe(1)
  })
})

describe('reverse matching pages', () => {
  it('shows an office the needs its result could answer, and hides other offices’ results (404)', async () => {
    const { need } = await loadMarket()
    const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-NDT' } })
    const officer = await createUser(result.organizationId, 'TTO_MEMBER')
    const data = (await leadsLoader({
      request: getRequest(`/office/results/${result.id}/needs`, await cookieHeader(officer.id)),
      params: { id: result.id },
      context: {},
    })) as Awaited<ReturnType<typeof leadsLoader>>
    expect(data.needs.map((n) => n.needId)).toEqual([need.id])
    expect(data.enterprises[0].name).toBe('天津恒信重工机械有限公司')

    const otherOffice = await createOrganization('UNIVERSITY', '别的大学')
    const stranger = await createUser(otherOffice.id, 'TTO_ADMIN')
    const refused = await leadsLoader({
      request: getRequest(`/office/results/${result.id}/needs`, await cookieHeader(stranger.id)),
      params: { id: result.id },
      context: {},
    }).catch((e: Response) => e)
    expect((refused as Response).status).toBe(404)
  })

  it('shows an expert the open needs that fit their directions', async () => {
    const { need } = await loadMarket()
    const expert = await prisma.expert.findFirstOrThrow({ where: { externalId: 'E-NDT' } })
    const user = await createUser(expert.organizationId, 'EXPERT')
    await prisma.expert.update({ where: { id: expert.id }, data: { userId: user.id } })
    const data = (await expertLoader({
      request: getRequest('/expert', await cookieHeader(user.id)),
      params: {},
      context: {},
    })) as Awaited<ReturnType<typeof expertLoader>>
    expect(data.leads.map((l) => l.needId)).toEqual([need.id])
  })
})

describe('public profiles', () => {
  it('shows an expert’s profile without contacts until an introduction with them is accepted', async () => {
    const { need } = await loadMarket()
    const expert = await prisma.expert.update({
      where: { id: (await prisma.expert.findFirstOrThrow({ where: { externalId: 'E-NDT' } })).id },
      data: { email: 'wu@hebut.edu.cn', phone: '022-00000000' },
    })
    const open = (id: string, cookie = '') =>
      expertProfileLoader({ request: getRequest(`/experts/${id}`, cookie), params: { id }, context: {} }) as Promise<
        Awaited<ReturnType<typeof expertProfileLoader>>
      >
    const anonymous = await open(expert.id)
    expect(anonymous.expert.name).toBe('吴海燕')
    expect(anonymous.expert.email).toBeNull()
    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const cookie = await cookieHeader(owner.id)
    expect((await open(expert.id, cookie)).expert.email).toBeNull()
    await prisma.introduction.create({
      data: {
        needId: need.id,
        requesterOrgId: need.organizationId,
        requestedById: owner.id,
        targetOrgId: expert.organizationId,
        expertId: expert.id,
        message: '希望对接',
        status: 'ACCEPTED',
        responseDeadline: new Date(Date.now() + 86_400_000),
      },
    })
    expect((await open(expert.id, cookie)).expert).toMatchObject({ email: 'wu@hebut.edu.cn', phone: '022-00000000' })
    await prisma.expert.update({ where: { id: expert.id }, data: { status: 'DRAFT' } })
    expect(((await open(expert.id).catch((e: Response) => e)) as Response).status).toBe(404)
  })

  it('lists an institution’s published results and experts', async () => {
    await loadMarket()
    const tju = await prisma.organization.findFirstOrThrow({ where: { name: '天津大学' } })
    const data = (await institutionLoader({
      request: getRequest(`/institutions/${tju.id}`),
      params: { id: tju.id },
      context: {},
    })) as Awaited<ReturnType<typeof institutionLoader>>
    expect(data.institution.results.map((r) => r.title)).toEqual(['激光焊接焊缝跟踪与在线质量检测'])
    expect(data.institution.experts.map((e) => e.name)).toEqual(['周建国'])
    const enterprise = await createOrganization('ENTERPRISE', '某企业')
    const refused = await institutionLoader({
      request: getRequest(`/institutions/${enterprise.id}`),
      params: { id: enterprise.id },
      context: {},
    }).catch((e: Response) => e)
    expect((refused as Response).status).toBe(404)
  })
})
