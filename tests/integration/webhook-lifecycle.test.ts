import { afterEach, describe, expect, it } from 'vitest'
import { CALLS_QUEUE } from '~/calls/deadline-job'
import { callJobsHandler } from '~/calls/jobs.server'
import { requestIntroduction } from '~/introductions/requests.server'
import { respondToIntroduction } from '~/introductions/responses.server'
import { drain } from '~/jobs/worker.server'
import { action as newContractAction } from '~/routes/contracts_.new'
import { prisma } from '~/utils/db.server'
import { webhookJobsHandler } from '~/webhooks/deliveries.server'
import { passDeadline, post, proposalForm, setup } from '../support/calls'
import { form, parties, step } from '../support/contract-parties'
import { createOrganization, createUser, issueToken, postForm } from '../support/factories'
import { loadMarket } from '../support/market'
import { testClient } from '../support/api-client'
import { closeReceivers, subscribe } from '../support/webhook-receiver'

afterEach(closeReceivers)

const deliver = () => drain(prisma, webhookJobsHandler())

describe('webhook events through a record’s life', () => {
  it('contract.status_changed: each step, and a registered amendment, to both parties once', async () => {
    const p = await parties()
    const buyer = await subscribe(p.enterprise.id, 'contract.status_changed')
    const seller = await subscribe(p.university.id, 'contract.status_changed')
    await postForm(newContractAction, '/contracts/new', form(p), p.buyer)
    const { id } = await prisma.contract.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })
    await step(id, p.buyer, { intent: 'confirm', termsVersion: '1' })
    await step(id, p.seller, { intent: 'confirm', termsVersion: '1' })
    await step(id, p.buyer, { intent: 'sign' })
    await step(id, p.seller, { intent: 'submit' })
    await step(id, p.bureau, { intent: 'register', registrationNumber: '2026110108000777' })
    const figures = { amountYuan: '1500000', techAmountYuan: '1200000', reason: '增加第二期开发内容' }
    await step(id, p.buyer, { intent: 'proposeAmendment', ...figures })
    const amendment = await prisma.contractAmendment.findFirstOrThrow({ where: { contractId: id } })
    await step(id, p.seller, { intent: 'confirmAmendment', amendmentId: amendment.id })
    await step(id, p.bureau, { intent: 'registerAmendment', amendmentId: amendment.id })
    await deliver()
    for (const side of [buyer, seller]) {
      expect(side.events().map((e) => `${e.data.from}→${e.data.to}`)).toEqual([
        'DRAFT→SIGNED',
        'SIGNED→SUBMITTED',
        'SUBMITTED→REGISTERED',
        'REGISTERED→AMENDED',
      ])
      expect(side.events().every((e) => e.data.contractId === id)).toBe(true)
    }
  })

  it('introduction.requested and introduction.answered reach the institution, then both sides', async () => {
    const { need } = await loadMarket()
    const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-NDT' } })
    const enterprise = await subscribe(need.organizationId, 'introduction.requested', 'introduction.answered')
    const institution = await subscribe(result.organizationId, 'introduction.requested', 'introduction.answered')
    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const officer = await createUser(result.organizationId, 'TTO_ADMIN')
    const asked = await requestIntroduction(
      { userId: owner.id, organizationId: need.organizationId },
      { needId: need.id, targetKind: 'result', targetId: result.id, message: '希望了解该成果的中试条件与许可方式。' },
    )
    expect(asked.ok).toBe(true)
    const intro = await prisma.introduction.findFirstOrThrow()
    await respondToIntroduction({ userId: officer.id, organizationId: result.organizationId }, intro.id, {
      decision: 'ACCEPTED',
    })
    await deliver()
    expect(institution.events().map((e) => e.type)).toEqual(['introduction.requested', 'introduction.answered'])
    expect(enterprise.events().map((e) => e.type)).toEqual(['introduction.answered'])
    expect(institution.events()[1].data).toMatchObject({ introductionId: intro.id })
  })

  it('call.deadline: the enterprise hears once, with the number of proposals', async () => {
    const s = await setup()
    const hook = await subscribe(s.call.organizationId, 'call.deadline')
    await post(s.offices[0].cookie, s.call.id, proposalForm('600000', ['200000', '400000']))
    await passDeadline(s.call.id)
    await prisma.job.updateMany({ where: { queue: CALLS_QUEUE }, data: { runAt: new Date() } })
    await drain(prisma, callJobsHandler())
    await drain(prisma, callJobsHandler())
    await deliver()
    expect(hook.events()).toEqual([
      expect.objectContaining({ type: 'call.deadline', data: { callId: s.call.id, proposals: 1 } }),
    ])
  })

  it('expert.changed: an institution hears of its own expert’s changes, through the API too', async () => {
    const university = await createOrganization('UNIVERSITY', '河北工业大学')
    const admin = await createUser(university.id, 'TTO_ADMIN')
    const hook = await subscribe(university.id, 'expert.changed')
    const api = testClient(await issueToken(university.id, admin.id, ['experts:read', 'experts:write']))
    const created = await api.POST('/experts', {
      body: {
        name: '王志强',
        title: '教授',
        directions: ['焊接机器人', '焊缝跟踪'],
        keywords: ['激光焊接'],
        fieldCodes: [],
        email: 'wangzq@example.edu.cn',
        available: true,
        intent: 'publish',
      } as never,
    })
    expect(created.response.status).toBe(201)
    await api.POST('/experts/{id}/status', {
      params: { path: { id: created.data!.id } },
      body: { transition: 'archive' } as never,
    })
    await deliver()
    const events = hook.events()
    expect(events.map((e) => e.type)).toEqual(['expert.changed', 'expert.changed'])
    expect(events.every((e) => e.data.expertId === created.data!.id)).toBe(true)
  })
})
