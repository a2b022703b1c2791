import { describe, expect, it } from 'vitest'
import { action as newNeedAction } from '~/routes/needs.new'
import { action as editAction, loader as editLoader } from '~/routes/needs.$id_.edit'
import { action as needAction } from '~/routes/needs.$id'
import { loader as keywordsLoader } from '~/routes/needs.keywords'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createNeed, createOrganization, createUser, getRequest, postForm } from '../support/factories'

const valid = {
  title: '注塑件表面缺陷自动检测',
  summary: '汽车内饰注塑件表面划痕、缩痕靠人工目检，漏检率高，希望引入机器视觉自动检测。',
  confidentialDetail: '主机厂要求漏检率低于千分之一',
  fieldCode: 'EI.AI',
  keywords: '机器视觉、缺陷检测',
  budgetMinYuan: '300000',
  budgetMaxYuan: '500,000',
  cooperationModes: 'DEVELOPMENT',
  wantedStage: 'PILOT',
  intent: 'publish',
}

async function enterpriseUser() {
  const org = await createOrganization('ENTERPRISE', '天津华宝汽车饰件有限公司')
  const user = await createUser(org.id, 'ENTERPRISE_MEMBER')
  return { org, user, cookie: await cookieHeader(user.id) }
}

const post = postForm

describe('posting a need', () => {
  it('publishes a need with its public teaser, confidential detail and budget in fen, queued for search', async () => {
    const { org, cookie } = await enterpriseUser()
    const response = (await post(newNeedAction, '/needs/new', valid, cookie)) as Response
    expect(response.status).toBe(302)
    const need = await prisma.need.findFirstOrThrow({ where: { organizationId: org.id } })
    expect(response.headers.get('Location')).toBe(`/needs/${need.id}`)
    expect(need).toMatchObject({
      status: 'PUBLISHED',
      keywords: ['机器视觉', '缺陷检测'],
      budgetMinFen: 30_000_000n,
      budgetMaxFen: 50_000_000n,
      cooperationModes: ['DEVELOPMENT'],
      wantedStage: 'PILOT',
      confidentialDetail: '主机厂要求漏检率低于千分之一',
    })
    expect(need.publishedAt).not.toBeNull()
    expect(await prisma.job.count({ where: { queue: 'search' } })).toBe(1)
    expect(await prisma.auditLog.count({ where: { action: 'need.create', entityId: need.id } })).toBe(1)
  })

  it('names every problem with a message key and writes nothing', async () => {
    const { cookie } = await enterpriseUser()
    const result = (await post(
      newNeedAction,
      '/needs/new',
      { ...valid, summary: '太短', cooperationModes: '', budgetMinYuan: '900000', fieldCode: 'NOPE' },
      cookie,
    )) as { init: ResponseInit; data: { error: Record<string, string[]> } }
    expect(result.init.status).toBe(400)
    expect(result.data.error).toMatchObject({
      summary: ['errors.need.summaryShort'],
      cooperationModes: ['errors.need.modesRequired'],
      budgetMaxYuan: ['errors.need.budgetOrder'],
    })
    const unknownField = (await post(newNeedAction, '/needs/new', { ...valid, fieldCode: 'NOPE' }, cookie)) as {
      data: { error: Record<string, string[]> }
    }
    expect(unknownField.data.error.fieldCode).toEqual(['errors.need.fieldUnknown'])
    expect(await prisma.need.count()).toBe(0)
    expect(await prisma.job.count()).toBe(0)
  })

  it('refuses offices and experts', async () => {
    const office = await createOrganization('UNIVERSITY', '某大学')
    const officer = await createUser(office.id, 'TTO_ADMIN')
    const result = (await post(newNeedAction, '/needs/new', valid, await cookieHeader(officer.id))) as Response
    expect(result.status).toBe(403)
    expect(await prisma.need.count()).toBe(0)
  })
})

describe('need lifecycle', () => {
  it('goes draft → published → closed → reopened, and refuses a transition its state does not allow', async () => {
    const { org, cookie } = await enterpriseUser()
    await post(newNeedAction, '/needs/new', { ...valid, intent: 'draft' }, cookie)
    const need = await prisma.need.findFirstOrThrow({ where: { organizationId: org.id } })
    expect(need.status).toBe('DRAFT')
    const step = (intent: string) =>
      post(needAction, `/needs/${need.id}`, { intent: 'changeStatus', transition: intent }, cookie, need.id)
    await step('publish')
    expect((await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('PUBLISHED')
    const refused = (await step('reopen')) as { init: ResponseInit }
    expect(refused.init.status).toBe(409)
    await step('close')
    const closed = await prisma.need.findUniqueOrThrow({ where: { id: need.id } })
    expect(closed.status).toBe('CLOSED')
    expect(closed.closedAt).not.toBeNull()
    await step('reopen')
    expect((await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('PUBLISHED')
    expect(await prisma.auditLog.count({ where: { entityId: need.id, action: { startsWith: 'need.' } } })).toBe(4)
  })

  it('lets the owner edit, keeps a published need published, and refuses editing a closed one', async () => {
    const { org, cookie } = await enterpriseUser()
    const need = await createNeed(org.id, { status: 'PUBLISHED', publishedAt: new Date('2026-01-01') })
    const loaded = (await editLoader({
      request: getRequest(`/needs/${need.id}/edit`, cookie),
      params: { id: need.id },
      context: {},
    })) as {
      defaults: { title: string }
    }
    expect(loaded.defaults.title).toBe(need.title)
    await post(
      editAction,
      `/needs/${need.id}/edit`,
      { ...valid, intent: 'draft', title: '改过的标题' },
      cookie,
      need.id,
    )
    const edited = await prisma.need.findUniqueOrThrow({ where: { id: need.id } })
    expect(edited).toMatchObject({ title: '改过的标题', status: 'PUBLISHED' })
    expect(edited.publishedAt!.toISOString()).toBe('2026-01-01T00:00:00.000Z')

    await prisma.need.update({ where: { id: need.id }, data: { status: 'CLOSED' } })
    const refused = (await post(editAction, `/needs/${need.id}/edit`, valid, cookie, need.id)) as {
      data: { error: Record<string, string[]> }
    }
    expect(refused.data.error['']).toEqual(['errors.need.notEditable'])
  })

  it('answers 404 to another enterprise, for the edit page, the edit action and status changes', async () => {
    const { org } = await enterpriseUser()
    const need = await createNeed(org.id)
    const other = await createOrganization('ENTERPRISE', '乙公司')
    const stranger = await cookieHeader((await createUser(other.id, 'ENTERPRISE_ADMIN')).id)
    const page = (await editLoader({
      request: getRequest(`/needs/${need.id}/edit`, stranger),
      params: { id: need.id },
      context: {},
    }).catch((e: Response) => e)) as Response
    expect(page.status).toBe(404)
    expect(((await post(editAction, `/needs/${need.id}/edit`, valid, stranger, need.id)) as Response).status).toBe(404)
    expect(
      (
        (await post(
          needAction,
          `/needs/${need.id}`,
          { intent: 'changeStatus', transition: 'close' },
          stranger,
          need.id,
        )) as Response
      ).status,
    ).toBe(404)
    expect((await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('PUBLISHED')
  })
})

describe('keyword suggestions', () => {
  it('suggests key terms from the text to signed-in users', async () => {
    const { cookie } = await enterpriseUser()
    const response = (await keywordsLoader({
      request: getRequest(
        `/needs/keywords?text=${encodeURIComponent('锂电池正极材料批次一致性。前驱体共沉淀工艺颗粒不均')}`,
        cookie,
      ),
      params: {},
      context: {},
    })) as Response
    const { keywords } = (await response.json()) as { keywords: string[] }
    expect(keywords).toEqual(expect.arrayContaining(['锂电池', '正极材料']))
    const anonymous = (await keywordsLoader({
      request: getRequest('/needs/keywords?text=x'),
      params: {},
      context: {},
    }).catch((e: Response) => e)) as Response
    expect(anonymous.status).toBe(302)
  })
})
