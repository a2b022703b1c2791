import { describe, expect, it } from 'vitest'
import { action as newAction } from '~/routes/office_.experts.new'
import { action as editAction, loader as editLoader } from '~/routes/office_.experts.$id_.edit'
import { action as ownAction, loader as ownLoader } from '~/routes/expert_.profile'
import { loader as publicLoader } from '~/routes/experts.$id'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createOrganization, createUser, getRequest, postForm } from '../support/factories'

const post = postForm

const valid = {
  name: '陈晓东',
  title: '研究员',
  directions: '工业视觉检测、缺陷识别',
  keywords: '深度学习，表面缺陷',
  fieldCodes: 'EI.AI',
  bio: '长期从事工业视觉检测研究。',
  achievements: '为十余家企业建设在线检测产线。',
  email: 'Chen@Example.cn',
  phone: '022-27401234',
  contactVisibility: 'AFTER_INTRODUCTION',
  available: 'on',
  consultationFeeYuan: '800.50',
  consultationMinutes: '60',
  intent: 'publish',
}

async function office(name = '天津理工大学') {
  const org = await createOrganization('UNIVERSITY', name)
  const user = await createUser(org.id, 'TTO_ADMIN')
  return { org, user, cookie: await cookieHeader(user.id) }
}

describe('expert profiles', () => {
  it('an office adds an expert: exact fee, normalised e-mail, queued for search, audited', async () => {
    const { org, cookie } = await office()
    const response = (await post(newAction, '/office/experts/new', valid, cookie)) as Response
    expect(response.status).toBe(302)
    const expert = await prisma.expert.findFirstOrThrow({ where: { organizationId: org.id } })
    expect(response.headers.get('Location')).toBe(`/office/experts/${expert.id}/edit?saved=1`)
    expect(expert).toMatchObject({
      status: 'PUBLISHED',
      directions: ['工业视觉检测', '缺陷识别'],
      keywords: ['深度学习', '表面缺陷'],
      fieldCodes: ['EI.AI'],
      email: 'chen@example.cn',
      consultationFeeFen: 80050n,
      consultationMinutes: 60,
      available: true,
    })
    expect(await prisma.job.count({ where: { dedupeKey: `search:experts:${expert.id}` } })).toBe(1)
    expect(await prisma.auditLog.count({ where: { entityId: expert.id, action: 'expert.create' } })).toBe(1)
  })

  it('names each bad field and writes nothing', async () => {
    const { cookie } = await office()
    const bad = {
      ...valid,
      directions: '',
      phone: '12345',
      consultationMinutes: '',
      email: '',
    }
    const reply = (await post(newAction, '/office/experts/new', bad, cookie)) as {
      data: { error: Record<string, string[]> }
    }
    expect(reply.data.error).toMatchObject({
      directions: ['errors.expert.directionsRequired'],
      phone: ['errors.expert.phone'],
      consultationMinutes: ['errors.expert.consultationPair'],
    })
    const noContact = (await post(newAction, '/office/experts/new', { ...valid, email: '', phone: '' }, cookie)) as {
      data: { error: Record<string, string[]> }
    }
    expect(noContact.data.error.email).toEqual(['errors.expert.contactRequired'])
    const unknownField = (await post(newAction, '/office/experts/new', { ...valid, fieldCodes: 'NOPE' }, cookie)) as {
      data: { error: Record<string, string[]> }
    }
    expect(unknownField.data.error.fieldCodes).toEqual(['errors.need.fieldUnknown'])
    expect(await prisma.expert.count()).toBe(0)
  })

  it('another office can neither open nor change the expert (404)', async () => {
    const { org, cookie } = await office()
    await post(newAction, '/office/experts/new', valid, cookie)
    const expert = await prisma.expert.findFirstOrThrow({ where: { organizationId: org.id } })
    const stranger = (await office('南开大学')).cookie
    const page = (await editLoader({
      request: getRequest(`/office/experts/${expert.id}/edit`, stranger),
      params: { id: expert.id },
      context: {},
    }).catch((e: Response) => e)) as Response
    expect(page.status).toBe(404)
    const attempts: Array<Record<string, string>> = [
      { ...valid, name: '改名' },
      { intent: 'changeStatus', transition: 'archive' },
    ]
    for (const fields of attempts) {
      const refused = (await post(
        editAction,
        `/office/experts/${expert.id}/edit`,
        fields,
        stranger,
        expert.id,
      )) as Response
      expect(refused.status).toBe(404)
    }
    expect(await prisma.expert.findUniqueOrThrow({ where: { id: expert.id } })).toMatchObject({
      name: '陈晓东',
      status: 'PUBLISHED',
    })
  })

  it('an expert edits their own profile and can take it offline; the public page then answers 404', async () => {
    const { org } = await office()
    const user = await createUser(org.id, 'EXPERT')
    const expert = await prisma.expert.create({
      data: { organizationId: org.id, userId: user.id, name: '陈晓东', directions: ['视觉'] },
    })
    const cookie = await cookieHeader(user.id)
    const form = await ownLoader({ request: getRequest('/expert/profile', cookie), params: {}, context: {} })
    expect(form.id).toBe(expert.id)
    const saved = (await post(
      ownAction,
      '/expert/profile',
      { ...valid, available: '', contactVisibility: 'PUBLIC' },
      cookie,
    )) as Response
    expect(saved.headers.get('Location')).toBe('/expert/profile?saved=1')
    expect(await prisma.expert.findUniqueOrThrow({ where: { id: expert.id } })).toMatchObject({
      available: false,
      contactVisibility: 'PUBLIC',
      achievements: valid.achievements,
    })
    const visitor = { request: getRequest(`/experts/${expert.id}`), params: { id: expert.id }, context: {} }
    expect((await publicLoader(visitor)).expert.name).toBe('陈晓东')

    await post(ownAction, '/expert/profile', { intent: 'changeStatus', transition: 'archive' }, cookie)
    expect((await prisma.expert.findUniqueOrThrow({ where: { id: expert.id } })).status).toBe('ARCHIVED')
    expect(((await publicLoader(visitor).catch((e: Response) => e)) as Response).status).toBe(404)
    await post(ownAction, '/expert/profile', { intent: 'changeStatus', transition: 'republish' }, cookie)
    expect((await prisma.expert.findUniqueOrThrow({ where: { id: expert.id } })).status).toBe('PUBLISHED')
  })
})
