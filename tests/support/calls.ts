import { action as newCallAction } from '~/routes/calls.new'
import { action as callAction } from '~/routes/calls.$id'
import { prisma } from '~/utils/db.server'
import { expect } from 'vitest'
import { cookieHeader, createUser, csrfFor, formRequest } from './factories'
import { loadMarket } from './market'
import { run, statusOf, type Fn } from './route-calls'

/** A 揭榜挂帅 call as its enterprise publishes it, offices of three institutions, and their forms. */

export const CALL_FORM = {
  intent: 'publish',
  title: '焊缝在线检测揭榜挂帅',
  statement: '压力容器焊缝检测周期长，激光焊接产线常见气孔和未焊透，需要在线监测与无损检测方案。',
  confidentialDetail: '焊缝不合格率 8%，年产 3 万台',
  rewardMinYuan: '300000',
  rewardMaxYuan: '800000',
  deadlineDate: '2099-12-31',
  deadlineTime: '17:00',
  eligibleKinds: 'UNIVERSITY',
  'criteria[0].name': '技术方案可行性',
  'criteria[0].weight': '60',
  'criteria[1].name': '报价合理性',
  'criteria[1].weight': '40',
  requirements: '技术方案、团队、里程碑与报价',
}

export const proposalForm = (price: string, amounts: [string, string]) => ({
  intent: 'submit',
  approach: '结构光视觉跟踪焊缝并监测熔池信号，结合相控阵超声离线复检，形成闭环质量控制。',
  priceYuan: price,
  durationMonths: '12',
  'milestones[0].title': '方案设计与样机',
  'milestones[0].amountYuan': amounts[0],
  'milestones[0].month': '4',
  'milestones[1].title': '产线验证与交付',
  'milestones[1].amountYuan': amounts[1],
  'milestones[1].month': '12',
})

/** The market, its need published as a call by its enterprise, and offices of three institutions. */
export async function setup() {
  const { need } = await loadMarket()
  const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
  const ownerCookie = await cookieHeader(owner.id)
  const weld = await prisma.organization.findFirstOrThrow({ where: { name: '天津大学' } })
  const ndt = await prisma.organization.findFirstOrThrow({ where: { name: '河北工业大学' } })
  const bat = await prisma.organization.findFirstOrThrow({ where: { name: '北京理工大学' } })
  const offices = await Promise.all(
    [weld, ndt, bat].map(async (org) => {
      const user = await createUser(org.id, 'TTO_ADMIN')
      return { org, user, cookie: await cookieHeader(user.id) }
    }),
  )
  const created = await run(
    newCallAction as Fn,
    await formRequest(`/calls/new?need=${need.id}`, { needId: need.id, ...CALL_FORM }, ownerCookie),
  )
  expect(statusOf(created)).toBe(302)
  const call = await prisma.call.findFirstOrThrow({ where: { needId: need.id } })
  return { need, owner, ownerCookie, offices, call }
}

export const post = async (cookie: string, callId: string, fields: Record<string, string>) =>
  run(callAction as Fn, await formRequest(`/calls/${callId}`, fields, cookie), { id: callId })

/** Moves the call's deadline into the past, as the passing of time would. */
export const passDeadline = (callId: string) =>
  prisma.call.update({ where: { id: callId }, data: { deadline: new Date(Date.now() - 60_000) } })

/** Posts a file to the call's page as an office's browser does (multipart). */
export async function uploadAttachment(cookie: string, callId: string, name: string, bytes: Uint8Array) {
  const form = new FormData()
  form.set('csrf', await csrfFor(cookie))
  form.set('file', new File([new Uint8Array(bytes)], name))
  return run(
    callAction as Fn,
    new Request(`http://test.local/calls/${callId}`, { method: 'POST', body: form, headers: { Cookie: cookie } }),
    { id: callId },
  )
}
