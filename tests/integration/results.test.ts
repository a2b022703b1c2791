import { describe, expect, it } from 'vitest'
import { action as newAction } from '~/routes/office_.results.new'
import { action as editAction, loader as editLoader } from '~/routes/office_.results.$id_.edit'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createOrganization, createUser, getRequest, postForm } from '../support/factories'

const post = postForm

async function office() {
  const org = await createOrganization('UNIVERSITY', '天津理工大学')
  const user = await createUser(org.id, 'TTO_ADMIN')
  const expert = await prisma.expert.create({
    data: { organizationId: org.id, name: '孙伟', directions: ['图像处理'] },
  })
  return { org, user, expert, cookie: await cookieHeader(user.id) }
}

const valid = (expertId: string) => ({
  title: '高速线扫相机视觉检测平台',
  abstract: '面向卷材、板材在线检测的线阵相机成像与照明方案，检测速度每分钟120米。',
  fieldCode: 'EI.AI',
  keywords: '线扫相机、在线检测',
  stage: 'PILOT',
  trl: '6',
  ipType: 'INVENTION_PATENT',
  patentNumbers: 'ZL201810000000.1, CN202110000000.X',
  transferModes: 'SERVICE',
  priceMinYuan: '200000',
  priceMaxYuan: '500000',
  expertIds: expertId,
  intent: 'publish',
})

describe('result listing form', () => {
  it('publishes a result with its team, patents and prices, queued for search and audited', async () => {
    const { org, expert, cookie } = await office()
    const response = (await post(newAction, '/office/results/new', valid(expert.id), cookie)) as Response
    expect(response.status).toBe(302)
    const result = await prisma.researchResult.findFirstOrThrow({
      where: { organizationId: org.id },
      include: { team: true },
    })
    expect(result).toMatchObject({
      status: 'PUBLISHED',
      trl: 6,
      stage: 'PILOT',
      patentNumbers: ['ZL201810000000.1', 'CN202110000000.X'],
      priceMinFen: 20_000_000n,
      priceMaxFen: 50_000_000n,
    })
    expect(result.team).toEqual([expect.objectContaining({ expertId: expert.id, isLead: true })])
    expect(await prisma.job.count({ where: { queue: 'search' } })).toBe(1)
    expect(await prisma.auditLog.count({ where: { action: 'result.create' } })).toBe(1)
  })

  it('names bad patent numbers, TRL, prices and foreign experts, and writes nothing', async () => {
    const { expert, cookie } = await office()
    const bad = (await post(
      newAction,
      '/office/results/new',
      { ...valid(expert.id), patentNumbers: '专利123', trl: '12', priceMinYuan: '900000' },
      cookie,
    )) as { init: ResponseInit; data: { error: Record<string, string[]> } }
    expect(bad.init.status).toBe(400)
    expect(bad.data.error).toMatchObject({
      patentNumbers: ['errors.result.patentNumber'],
      trl: ['errors.result.trl'],
      priceMaxYuan: ['errors.result.priceOrder'],
    })
    const other = await prisma.expert.create({
      data: { organizationId: (await createOrganization('UNIVERSITY', '别的大学')).id, name: '外人', directions: [] },
    })
    const foreign = (await post(newAction, '/office/results/new', valid(other.id), cookie)) as {
      data: { error: Record<string, string[]> }
    }
    expect(foreign.data.error.expertIds).toEqual(['errors.result.expertUnknown'])
    expect(await prisma.researchResult.count()).toBe(0)
  })

  it('publishing a draft from its edit form saves the edits too', async () => {
    const { org, expert, cookie } = await office()
    await post(newAction, '/office/results/new', { ...valid(expert.id), intent: 'draft' }, cookie)
    const draft = await prisma.researchResult.findFirstOrThrow({ where: { organizationId: org.id } })
    expect(draft.status).toBe('DRAFT')
    const fields = { ...valid(expert.id), title: '高速线扫相机视觉检测平台（第二版）', intent: 'publish' }
    await post(editAction, `/office/results/${draft.id}/edit`, fields, cookie, draft.id)
    expect(await prisma.researchResult.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: 'PUBLISHED',
      title: '高速线扫相机视觉检测平台（第二版）',
    })
  })

  it('archives and republishes, and keeps other offices out (404)', async () => {
    const { org, expert, cookie } = await office()
    await post(newAction, '/office/results/new', valid(expert.id), cookie)
    const result = await prisma.researchResult.findFirstOrThrow({ where: { organizationId: org.id } })
    await post(
      editAction,
      `/office/results/${result.id}/edit`,
      { intent: 'changeStatus', transition: 'archive' },
      cookie,
      result.id,
    )
    expect((await prisma.researchResult.findUniqueOrThrow({ where: { id: result.id } })).status).toBe('ARCHIVED')
    await post(
      editAction,
      `/office/results/${result.id}/edit`,
      { intent: 'changeStatus', transition: 'republish' },
      cookie,
      result.id,
    )
    expect((await prisma.researchResult.findUniqueOrThrow({ where: { id: result.id } })).status).toBe('PUBLISHED')

    const stranger = await cookieHeader(
      (await createUser((await createOrganization('UNIVERSITY', '南开大学')).id, 'TTO_ADMIN')).id,
    )
    const page = (await editLoader({
      request: getRequest(`/office/results/${result.id}/edit`, stranger),
      params: { id: result.id },
      context: {},
    }).catch((e: Response) => e)) as Response
    expect(page.status).toBe(404)
    expect(
      (
        (await post(
          editAction,
          `/office/results/${result.id}/edit`,
          { intent: 'changeStatus', transition: 'archive' },
          stranger,
          result.id,
        )) as Response
      ).status,
    ).toBe(404)
    expect(
      ((await post(editAction, `/office/results/${result.id}/edit`, valid(expert.id), stranger, result.id)) as Response)
        .status,
    ).toBe(404)
    expect((await prisma.researchResult.findUniqueOrThrow({ where: { id: result.id } })).status).toBe('PUBLISHED')
  })
})
