import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { introductionJobsHandler } from '~/introductions/jobs.server'
import { requestGroupIntroduction } from '~/introductions/requests.server'
import { drain } from '~/jobs/worker.server'
import { action as needAction } from '~/routes/needs.$id'
import { action as introAction, loader as introLoader } from '~/routes/introductions.$id'
import { loader as inboxLoader } from '~/routes/inbox'
import { action as notificationsAction, loader as notificationsLoader } from '~/routes/notifications'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createOrganization, createUser, formRequest, getRequest } from '../support/factories'
import { loadMarket } from '../support/market'

async function call<T>(fn: (args: ActionFunctionArgs | LoaderFunctionArgs) => Promise<T>, request: Request, id = '') {
  try {
    return await fn({ request, params: { id }, context: {} })
  } catch (thrown) {
    return thrown as Response
  }
}

/** The market, an enterprise user owning the need, and an office user at the result's institution. */
async function setup() {
  const { need } = await loadMarket()
  await prisma.need.update({ where: { id: need.id }, data: { confidentialDetail: '焊缝不合格率 8%，年产 3 万台' } })
  const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-NDT' } })
  const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
  const officer = await createUser(result.organizationId, 'TTO_ADMIN')
  return {
    need,
    result,
    owner,
    officer,
    ownerCookie: await cookieHeader(owner.id),
    officerCookie: await cookieHeader(officer.id),
  }
}

async function requestIntro(
  s: Awaited<ReturnType<typeof setup>>,
  message = '我们希望了解相控阵检测能否用于产线焊缝。',
) {
  await call(
    needAction,
    await formRequest(
      `/needs/${s.need.id}`,
      { intent: 'introduce', targetKind: 'result', targetId: s.result.id, message },
      s.ownerCookie,
    ),
    s.need.id,
  )
  return prisma.introduction.findFirstOrThrow({ where: { needId: s.need.id } })
}

type IntroData = Awaited<ReturnType<typeof introLoader>>

describe('introductions', () => {
  it('asks a whole expert group at once: one request per member, members already asked skipped', async () => {
    const s = await setup()
    const experts = await prisma.expert.findMany({
      where: { externalId: { in: ['E-NDT', 'E-WELD'] } },
      select: { id: true, organizationId: true },
    })
    const actor = { userId: s.owner.id, organizationId: s.need.organizationId }
    const message = '请专家组一起来看看焊缝检测线的改造方案。'
    const first = await requestGroupIntroduction(actor, {
      needId: s.need.id,
      expertIds: [experts[0].id],
      message,
    }).then(async () =>
      requestGroupIntroduction(actor, { needId: s.need.id, expertIds: experts.map((e) => e.id), message }),
    )
    expect(first).toMatchObject({ ok: true, skipped: 1 })
    const intros = await prisma.introduction.findMany({ where: { needId: s.need.id }, select: { expertId: true } })
    expect(intros.map((i) => i.expertId).sort()).toEqual(experts.map((e) => e.id).sort())
    expect(await prisma.auditLog.count({ where: { action: 'introduction.request' } })).toBe(2)

    const again = await requestGroupIntroduction(actor, {
      needId: s.need.id,
      expertIds: experts.map((e) => e.id),
      message,
    })
    expect(again).toEqual({ ok: false, error: 'errors.intro.groupUnavailable' })
    const stranger = await requestGroupIntroduction(
      { userId: s.officer.id, organizationId: s.result.organizationId },
      { needId: s.need.id, expertIds: experts.map((e) => e.id), message },
    )
    expect(stranger).toEqual({ ok: false, error: 'errors.intro.needNotOpen' })
  })

  it('a request notifies the office, queues its reminder and expiry, and shows in the inbox', async () => {
    const s = await setup()
    const intro = await requestIntro(s)
    expect(intro).toMatchObject({ status: 'REQUESTED', targetOrgId: s.result.organizationId, resultId: s.result.id })
    const days = (intro.responseDeadline.getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThan(7.1)
    expect(await prisma.notification.count({ where: { userId: s.officer.id, kind: 'introRequested' } })).toBe(1)
    expect(await prisma.job.count({ where: { queue: 'introductions' } })).toBe(2)
    expect(await prisma.auditLog.count({ where: { action: 'introduction.request' } })).toBe(1)
    const inbox = (await call(inboxLoader, getRequest('/inbox', s.officerCookie))) as Awaited<
      ReturnType<typeof inboxLoader>
    >
    expect(inbox.requests.map((r) => r.id)).toEqual([intro.id])

    const again = (await call(
      needAction,
      await formRequest(
        `/needs/${s.need.id}`,
        { intent: 'introduce', targetKind: 'result', targetId: s.result.id, message: '再次请求对接，请尽快答复。' },
        s.ownerCookie,
      ),
      s.need.id,
    )) as { init: ResponseInit; data: { errors: Record<string, string[]> } }
    expect(again.init.status).toBe(409)
    expect(again.data.errors['']).toEqual(['errors.intro.duplicate'])
  })

  it('reveals the confidential detail and contacts only after acceptance, then both sides exchange messages', async () => {
    const s = await setup()
    const intro = await requestIntro(s)
    const before = (await call(
      introLoader,
      getRequest(`/introductions/${intro.id}`, s.officerCookie),
      intro.id,
    )) as IntroData
    expect(before.intro.need.confidentialDetail).toBeNull()
    expect(before.intro.requestedBy.email).toBeNull()
    expect(before.canRespond).toBe(true)

    // The enterprise cannot answer its own request.
    const selfAnswer = (await call(
      introAction,
      await formRequest(`/introductions/${intro.id}`, { intent: 'respond', decision: 'ACCEPTED' }, s.ownerCookie),
      intro.id,
    )) as Response
    expect(selfAnswer.status).toBe(404)

    await call(
      introAction,
      await formRequest(`/introductions/${intro.id}`, { intent: 'respond', decision: 'ACCEPTED' }, s.officerCookie),
      intro.id,
    )
    expect(await prisma.introduction.findUniqueOrThrow({ where: { id: intro.id } })).toMatchObject({
      status: 'ACCEPTED',
      respondedById: s.officer.id,
    })
    expect((await prisma.need.findUniqueOrThrow({ where: { id: s.need.id } })).status).toBe('IN_PROGRESS')
    expect(await prisma.notification.count({ where: { userId: s.owner.id, kind: 'introAccepted' } })).toBe(1)

    for (const [cookie, body] of [
      [s.officerCookie, '可以，下周安排现场调研。'],
      [s.ownerCookie, '好的，请联系我们的设备部。'],
    ]) {
      await call(
        introAction,
        await formRequest(`/introductions/${intro.id}`, { intent: 'message', body }, cookie),
        intro.id,
      )
    }
    for (const cookie of [s.ownerCookie, s.officerCookie]) {
      const seen = (await call(introLoader, getRequest(`/introductions/${intro.id}`, cookie), intro.id)) as IntroData
      expect(seen.intro.need.confidentialDetail).toBe('焊缝不合格率 8%，年产 3 万台')
      expect(seen.intro.requestedBy.email).toBe(s.owner.email)
      expect(seen.intro.messages.map((m) => m.body)).toEqual(['可以，下周安排现场调研。', '好的，请联系我们的设备部。'])
    }
  })

  it('is invisible to any third organization, for reading and for writing', async () => {
    const s = await setup()
    const intro = await requestIntro(s)
    const stranger = await createUser((await createOrganization('ENTERPRISE', '丙公司')).id, 'ENTERPRISE_ADMIN')
    const cookie = await cookieHeader(stranger.id)
    expect(
      ((await call(introLoader, getRequest(`/introductions/${intro.id}`, cookie), intro.id)) as Response).status,
    ).toBe(404)
    expect(
      (
        (await call(
          introAction,
          await formRequest(`/introductions/${intro.id}`, { intent: 'message', body: '你好' }, cookie),
          intro.id,
        )) as Response
      ).status,
    ).toBe(404)
    expect(await prisma.introductionMessage.count()).toBe(0)
  })

  it('needs a note when declining for “other”, and stores the structured reason', async () => {
    const s = await setup()
    const intro = await requestIntro(s)
    const bad = (await call(
      introAction,
      await formRequest(
        `/introductions/${intro.id}`,
        { intent: 'respond', decision: 'DECLINED', reason: 'OTHER' },
        s.officerCookie,
      ),
      intro.id,
    )) as { init: ResponseInit; data: { error: Record<string, string[]> } }
    expect(bad.init.status).toBe(400)
    expect(bad.data.error.note).toEqual(['errors.intro.noteForOther'])
    await call(
      introAction,
      await formRequest(
        `/introductions/${intro.id}`,
        { intent: 'respond', decision: 'DECLINED', reason: 'TOO_EARLY', note: '还在实验室阶段' },
        s.officerCookie,
      ),
      intro.id,
    )
    expect(await prisma.introduction.findUniqueOrThrow({ where: { id: intro.id } })).toMatchObject({
      status: 'DECLINED',
      declineReason: 'TOO_EARLY',
      declineNote: '还在实验室阶段',
    })
    const messages = (await call(
      introAction,
      await formRequest(`/introductions/${intro.id}`, { intent: 'message', body: '能再考虑吗' }, s.ownerCookie),
      intro.id,
    )) as {
      data: { error: Record<string, string[]> }
    }
    expect(messages.data.error['']).toEqual(['errors.intro.notAccepted'])
  })

  it('reminds before the deadline and expires after it, as background jobs', async () => {
    const s = await setup()
    const intro = await requestIntro(s)
    await prisma.job.updateMany({ where: { queue: 'introductions', kind: 'remind' }, data: { runAt: new Date() } })
    expect(await drain(prisma, introductionJobsHandler())).toBe(1)
    expect((await prisma.introduction.findUniqueOrThrow({ where: { id: intro.id } })).remindedAt).not.toBeNull()
    expect(await prisma.notification.count({ where: { userId: s.officer.id, kind: 'introReminder' } })).toBe(1)

    await prisma.introduction.update({
      where: { id: intro.id },
      data: { responseDeadline: new Date(Date.now() - 1000) },
    })
    const overdue = (await call(
      introLoader,
      getRequest(`/introductions/${intro.id}`, s.officerCookie),
      intro.id,
    )) as IntroData
    expect(overdue.intro.overdue).toBe(true)
    expect(overdue.canRespond).toBe(false)
    const late = (await call(
      introAction,
      await formRequest(`/introductions/${intro.id}`, { intent: 'respond', decision: 'ACCEPTED' }, s.officerCookie),
      intro.id,
    )) as {
      data: { error: Record<string, string[]> }
    }
    expect(late.data.error['']).toEqual(['errors.intro.notPending'])

    await prisma.job.updateMany({ where: { queue: 'introductions', kind: 'expire' }, data: { runAt: new Date() } })
    expect(await drain(prisma, introductionJobsHandler())).toBe(1)
    expect((await prisma.introduction.findUniqueOrThrow({ where: { id: intro.id } })).status).toBe('EXPIRED')
    expect(await prisma.notification.count({ where: { userId: s.owner.id, kind: 'introExpired' } })).toBe(1)
  })
})

describe('notifications', () => {
  it('lists only the user’s own notifications and marks them read', async () => {
    const s = await setup()
    await requestIntro(s)
    const mine = (await call(notificationsLoader, getRequest('/notifications', s.officerCookie))) as Awaited<
      ReturnType<typeof notificationsLoader>
    >
    expect(mine.notifications).toHaveLength(1)
    expect(mine.notifications[0]).toMatchObject({
      title: 'notifications.introRequested',
      params: { need: s.need.title },
      read: false,
    })
    const theirs = (await call(notificationsLoader, getRequest('/notifications', s.ownerCookie))) as Awaited<
      ReturnType<typeof notificationsLoader>
    >
    expect(theirs.notifications).toHaveLength(0)
    await call(notificationsAction, await formRequest('/notifications', {}, s.officerCookie))
    expect(await prisma.notification.count({ where: { userId: s.officer.id, readAt: null } })).toBe(0)
  })
})
