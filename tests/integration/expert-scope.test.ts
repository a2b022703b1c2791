import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { requestIntroduction } from '~/introductions/requests.server'
import { loader as consultationsLoader } from '~/routes/consultations'
import { action as introAction, loader as introLoader } from '~/routes/introductions.$id'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createUser, formRequest, getRequest } from '../support/factories'
import { loadMarket } from '../support/market'

async function call<T>(fn: (args: ActionFunctionArgs | LoaderFunctionArgs) => Promise<T>, request: Request, id = '') {
  try {
    return await fn({ request, params: { id }, context: {} })
  } catch (thrown) {
    return thrown as Response
  }
}

/**
 * An expert account at an institution: its own introductions and consultations, never a
 * colleague's or the institution's (its results, payments, contracts).
 */
async function setup() {
  const { need } = await loadMarket()
  const own = await prisma.expert.findFirstOrThrow({ where: { externalId: 'E-NDT' } })
  const colleague = await prisma.expert.create({
    data: {
      organizationId: own.organizationId,
      name: '同事专家',
      directions: ['焊接机器人'],
      status: 'PUBLISHED',
    },
  })
  const result = await prisma.researchResult.create({
    data: {
      organizationId: own.organizationId,
      title: '焊缝缺陷超声成像软件',
      abstract: '相控阵超声数据的缺陷自动识别。',
      status: 'PUBLISHED',
      publishedAt: new Date(),
    },
  })
  const expertUser = await createUser(own.organizationId, 'EXPERT')
  await prisma.expert.update({ where: { id: own.id }, data: { userId: expertUser.id } })
  const officer = await createUser(own.organizationId, 'TTO_ADMIN')
  const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
  const actor = { userId: owner.id, organizationId: need.organizationId }
  const message = '希望了解焊缝检测方面的合作可能。'
  const ask = async (targetKind: 'expert' | 'result', targetId: string) => {
    const outcome = await requestIntroduction(actor, { needId: need.id, targetKind, targetId, message })
    if (!outcome.ok) throw new Error(outcome.error)
    await prisma.introduction.update({ where: { id: outcome.id }, data: { status: 'ACCEPTED' } })
    return outcome.id
  }
  return {
    need,
    own,
    colleague,
    expertUser,
    officer,
    expertCookie: await cookieHeader(expertUser.id),
    officerCookie: await cookieHeader(officer.id),
    ownIntro: await ask('expert', own.id),
    colleagueIntro: await ask('expert', colleague.id),
    resultIntro: await ask('result', result.id),
  }
}

describe('an expert account keeps to its own business', () => {
  it('reads and writes its own introduction, and gets 404 on a colleague’s or the institution’s', async () => {
    const s = await setup()
    const own = (await call(introLoader, getRequest(`/introductions/${s.ownIntro}`, s.expertCookie), s.ownIntro)) as {
      canDraftContract: boolean
      canRespond: boolean
    }
    expect(own.canDraftContract).toBe(false)
    expect(own.canRespond).toBe(false)

    for (const id of [s.colleagueIntro, s.resultIntro]) {
      const read = (await call(introLoader, getRequest(`/introductions/${id}`, s.expertCookie), id)) as Response
      expect(read.status).toBe(404)
      const post = (await call(
        introAction,
        await formRequest(
          `/introductions/${id}`,
          { intent: 'message', body: '我也想参与这个项目的讨论。' },
          s.expertCookie,
        ),
        id,
      )) as Response
      expect(post.status).toBe(404)
    }
    expect(await prisma.introductionMessage.count({ where: { introductionId: { not: s.ownIntro } } })).toBe(0)

    await call(
      introAction,
      await formRequest(
        `/introductions/${s.ownIntro}`,
        { intent: 'message', body: '可以先安排一次线上交流。' },
        s.expertCookie,
      ),
      s.ownIntro,
    )
    expect(await prisma.introductionMessage.count({ where: { introductionId: s.ownIntro } })).toBe(1)
    // The office still sees all three.
    for (const id of [s.ownIntro, s.colleagueIntro, s.resultIntro]) {
      const read = await call(introLoader, getRequest(`/introductions/${id}`, s.officerCookie), id)
      expect(read).not.toBeInstanceOf(Response)
    }
  })

  it('is told of its own introductions only; the office of all, and of the expert’s messages', async () => {
    const s = await setup()
    const expertNews = await prisma.notification.findMany({
      where: { userId: s.expertUser.id },
      select: { link: true },
    })
    expect(expertNews.map((n) => n.link)).toEqual([`/introductions/${s.ownIntro}`])
    const officeNews = await prisma.notification.count({ where: { userId: s.officer.id, kind: 'introRequested' } })
    expect(officeNews).toBe(3)
    await call(
      introAction,
      await formRequest(
        `/introductions/${s.ownIntro}`,
        { intent: 'message', body: '可以先安排一次线上交流。' },
        s.expertCookie,
      ),
      s.ownIntro,
    )
    expect(await prisma.notification.count({ where: { userId: s.officer.id, kind: 'introMessage' } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: s.expertUser.id, kind: 'introMessage' } })).toBe(0)
  })

  it('lists its own consultations, not a colleague’s; the office lists both', async () => {
    const s = await setup()
    const base = { enterpriseId: s.need.organizationId, priceFen: 50_000n, minutes: 60, topic: '焊缝检测咨询' }
    await prisma.consultation.create({
      data: { ...base, expertId: s.own.id, startsAt: new Date('2026-12-02T02:00:00Z') },
    })
    await prisma.consultation.create({
      data: { ...base, expertId: s.colleague.id, startsAt: new Date('2026-12-03T02:00:00Z') },
    })
    type Data = { consultations: Array<{ expert: string; canConfirm: boolean }> }
    const mine = (await call(consultationsLoader, getRequest('/consultations', s.expertCookie))) as Data
    expect(mine.consultations.map((c) => c.expert)).toEqual([s.own.name])
    expect(mine.consultations[0].canConfirm).toBe(false)
    const office = (await call(consultationsLoader, getRequest('/consultations', s.officerCookie))) as Data
    expect(office.consultations.map((c) => c.expert).sort()).toEqual([s.own.name, s.colleague.name].sort())
  })
})
