import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { testClient } from '../support/api-client'
import { parties } from '../support/contract-parties'
import { createOrganization, createUser, issueToken } from '../support/factories'

const DAY = 24 * 60 * 60 * 1000

async function setup() {
  const p = await parties()
  const admin = async (organizationId: string) =>
    (await prisma.membership.findFirstOrThrow({ where: { organizationId } })).userId
  const scopes = ['introductions:read', 'introductions:write'] as const
  const outsider = await createOrganization('UNIVERSITY', '另一所大学')
  await prisma.organization.update({ where: { id: p.enterprise.id }, data: { contactName: '赵经理' } })
  await prisma.organization.update({ where: { id: p.university.id }, data: { contactName: '钱老师' } })
  const request = () =>
    prisma.introduction.create({
      data: {
        needId: p.need.id,
        requesterOrgId: p.enterprise.id,
        requestedById: p.intro.requestedById,
        targetOrgId: p.university.id,
        resultId: p.intro.resultId,
        message: '想请贵校团队评估焊缝检测方案',
        responseDeadline: new Date(Date.now() + 7 * DAY),
      },
    })
  return {
    ...p,
    request,
    enterpriseApi: testClient(await issueToken(p.enterprise.id, await admin(p.enterprise.id), [...scopes])),
    officeApi: testClient(await issueToken(p.university.id, await admin(p.university.id), [...scopes])),
    outsiderApi: testClient(
      await issueToken(outsider.id, (await createUser(outsider.id, 'TTO_ADMIN')).id, [...scopes]),
    ),
    readOnlyApi: testClient(await issueToken(p.university.id, await admin(p.university.id), ['introductions:read'])),
  }
}

describe('/api/v1/introductions', () => {
  it('lets the office read and answer a request; contacts appear once accepted; others get 404', async () => {
    const s = await setup()
    const intro = await s.request()
    const received = await s.officeApi.GET('/introductions', {
      params: { query: { side: 'target', status: 'REQUESTED' } },
    })
    expect(received.data!.data.map((i) => i.id)).toEqual([intro.id])
    expect(received.data!.data).toMatchObject([{ direction: 'REQUEST', requesterContact: null }])
    expect((await s.enterpriseApi.GET('/introductions', { params: { query: { side: 'target' } } })).data!.data).toEqual(
      [],
    )
    const path = { params: { path: { id: intro.id } } }
    expect((await s.outsiderApi.GET('/introductions/{id}', path)).response.status).toBe(404)
    expect(
      (
        await s.outsiderApi.POST('/introductions/{id}/response', {
          ...path,
          body: { intent: 'respond', decision: 'ACCEPTED' },
        })
      ).response.status,
    ).toBe(404)
    // The enterprise asked; only the institution answers.
    const wrongSide = await s.enterpriseApi.POST('/introductions/{id}/response', {
      ...path,
      body: { intent: 'respond', decision: 'ACCEPTED' },
    })
    expect(wrongSide.error).toMatchObject({ status: 403, code: 'not_your_turn' })
    expect(
      (
        await s.readOnlyApi.POST('/introductions/{id}/response', {
          ...path,
          body: { intent: 'respond', decision: 'ACCEPTED' },
        })
      ).response.status,
    ).toBe(403)
    const noReason = await s.officeApi.POST('/introductions/{id}/response', {
      ...path,
      body: { decision: 'DECLINED' } as never,
    })
    expect(noReason.response.status).toBe(422)
    expect(noReason.error!.errors!.reason.message).toMatch(/[\u4e00-\u9fa5]/)

    const accepted = await s.officeApi.POST('/introductions/{id}/response', {
      ...path,
      body: { intent: 'respond', decision: 'ACCEPTED' },
    })
    expect(accepted.data).toMatchObject({ status: 'ACCEPTED', requesterContact: { name: '赵经理' } })
    const asRequester = await s.enterpriseApi.GET('/introductions/{id}', path)
    expect(asRequester.data).toMatchObject({ status: 'ACCEPTED', targetContact: { name: '钱老师' } })
    const again = await s.officeApi.POST('/introductions/{id}/response', {
      ...path,
      body: { intent: 'respond', decision: 'DECLINED', reason: 'CAPACITY' },
    })
    expect(again.error).toMatchObject({ status: 409, code: 'not_pending' })
  })

  it('keeps one answer when accept and decline arrive at once, ten times over', async () => {
    const s = await setup()
    for (let round = 0; round < 10; round++) {
      const intro = await s.request()
      const path = { params: { path: { id: intro.id } } }
      const answers = await Promise.all([
        s.officeApi.POST('/introductions/{id}/response', {
          ...path,
          body: { intent: 'respond', decision: 'ACCEPTED' },
        }),
        s.officeApi.POST('/introductions/{id}/response', {
          ...path,
          body: { intent: 'respond', decision: 'DECLINED', reason: 'CAPACITY' },
        }),
      ])
      expect(answers.map((a) => a.response.status).sort()).toEqual([200, 409])
      const stored = await prisma.introduction.findUniqueOrThrow({ where: { id: intro.id } })
      const winner = answers.find((a) => a.response.status === 200)!.data!
      expect(stored.status).toBe(winner.status)
    }
  })
})
