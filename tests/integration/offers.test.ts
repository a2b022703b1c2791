import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { requestIntroduction } from '~/introductions/requests.server'
import { respondToIntroduction } from '~/introductions/responses.server'
import { action as leadsAction } from '~/routes/office_.results.$id.needs'
import { loader as introLoader } from '~/routes/introductions.$id'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createUser, getRequest, postForm } from '../support/factories'
import { loadMarket } from '../support/market'

async function call<T>(
  fn: (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<T>,
  request: Request,
  id: string,
) {
  try {
    return await fn({ request, params: { id }, context: {} })
  } catch (thrown) {
    return thrown as Response
  }
}

async function setup() {
  const { need } = await loadMarket()
  const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-WELD' } })
  const officeUser = await createUser(result.organizationId, 'TTO_ADMIN')
  const ownerUser = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
  return {
    need,
    result,
    office: { userId: officeUser.id, organizationId: result.organizationId },
    owner: { userId: ownerUser.id, organizationId: need.organizationId },
    officeCookie: await cookieHeader(officeUser.id),
    ownerCookie: await cookieHeader(ownerUser.id),
  }
}

const MESSAGE = '我们的相控阵超声检测成果可直接用于贵公司的焊缝在线检测。'

describe('an office offers a solution for a matched need (我们可以解决)', () => {
  it('reaches the enterprise as an introduction it accepts; the office cannot answer its own offer', async () => {
    const s = await setup()
    const sent = (await postForm(
      leadsAction,
      `/office/results/${s.result.id}/needs`,
      { needId: s.need.id, message: MESSAGE },
      s.officeCookie,
      s.result.id,
    )) as Response
    expect(sent.status).toBe(302)
    const intro = await prisma.introduction.findFirstOrThrow({ where: { needId: s.need.id, resultId: s.result.id } })
    expect(sent.headers.get('Location')).toBe(`/introductions/${intro.id}`)
    expect(intro).toMatchObject({
      direction: 'OFFER',
      requesterOrgId: s.need.organizationId,
      targetOrgId: s.result.organizationId,
      status: 'REQUESTED',
    })
    const told = await prisma.notification.findMany({ where: { userId: s.owner.userId, kind: 'introOffered' } })
    expect(told).toHaveLength(1)

    const again = (await postForm(
      leadsAction,
      `/office/results/${s.result.id}/needs`,
      { needId: s.need.id, message: MESSAGE },
      s.officeCookie,
      s.result.id,
    )) as { data: { error: string } }
    expect(again.data.error).toBe('errors.intro.duplicate')

    // The office sees its offer but cannot answer it; the enterprise can.
    const officePage = (await call(
      introLoader,
      getRequest(`/introductions/${intro.id}`, s.officeCookie),
      intro.id,
    )) as {
      canRespond: boolean
    }
    expect(officePage.canRespond).toBe(false)
    expect(await respondToIntroduction(s.office, intro.id, { decision: 'ACCEPTED' })).toEqual({
      ok: false,
      error: 'errors.notFound',
    })
    const ownerPage = (await call(introLoader, getRequest(`/introductions/${intro.id}`, s.ownerCookie), intro.id)) as {
      canRespond: boolean
    }
    expect(ownerPage.canRespond).toBe(true)
    expect((await respondToIntroduction(s.owner, intro.id, { decision: 'ACCEPTED' })).ok).toBe(true)
    expect((await prisma.need.findUniqueOrThrow({ where: { id: s.need.id } })).status).toBe('IN_PROGRESS')
    expect(await prisma.notification.count({ where: { userId: s.office.userId, kind: 'introAccepted' } })).toBe(1)
  })

  it('answers an introduction once when two answers arrive at once, ten times over', async () => {
    const s = await setup()
    for (let trial = 0; trial < 10; trial++) {
      await prisma.introduction.deleteMany()
      const asked = await requestIntroduction(s.owner, {
        needId: s.need.id,
        targetKind: 'result',
        targetId: s.result.id,
        message: MESSAGE,
      })
      if (!asked.ok) throw new Error(asked.error)
      const outcomes = await Promise.all([
        respondToIntroduction(s.office, asked.id, { decision: 'ACCEPTED' }),
        respondToIntroduction(s.office, asked.id, { decision: 'DECLINED', reason: 'CAPACITY' }),
      ])
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
      expect(
        await prisma.auditLog.count({
          where: { entityId: asked.id, action: { in: ['introduction.accept', 'introduction.decline'] } },
        }),
      ).toBe(1)
    }
  })
})
