import { describe, expect, it } from 'vitest'
import { getCallFunnel, getCampaignCallStats } from '~/calls/funnel.server'
import { callJobsHandler } from '~/calls/jobs.server'
import { drain } from '~/jobs/worker.server'
import { parseTurnoverFilter } from '~/contracts/turnover-query.server'
import { action as newCallAction } from '~/routes/calls.new'
import { loader as callLoader } from '~/routes/calls.$id'
import { action as proposalAction, loader as proposalLoader } from '~/routes/calls.$id_.proposals.$proposalId'
import { loader as attachmentLoader } from '~/routes/calls.$id_.attachments.$attachmentId'
import { loader as listLoader } from '~/routes/calls._index'
import { searchEngine } from '~/search/engine.server'
import { syncDocuments } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createOrganization, createUser, formRequest, getRequest } from '../support/factories'
import { CALL_FORM, passDeadline, post, proposalForm, setup, uploadAttachment } from '../support/calls'
import { loadMarket } from '../support/market'
import { dataOf, run, statusOf, type Fn } from '../support/route-calls'

describe('揭榜挂帅 calls', () => {
  it('runs a call from publication to award: notices, sealed proposals, reviewers, scores, outcome and contract', async () => {
    const s = await setup()
    const [weld, ndt, bat] = s.offices
    // Publishing told the matched institutions' offices.
    const told = await prisma.notification.findMany({ where: { kind: 'callPublished' }, select: { userId: true } })
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([weld.user.id, ndt.user.id]))

    // The call is public and found by the list with the engine.
    await syncDocuments(prisma, searchEngine(), 'needs', [s.need.id])
    const list = dataOf<{ calls: Array<{ id: string }> }>(await run(listLoader as Fn, getRequest('/calls?q=焊缝')))
    expect(list.calls.map((c) => c.id)).toContain(s.call.id)

    expect(statusOf(await post(weld.cookie, s.call.id, proposalForm('600000', ['200000', '400000'])))).toBe(200)
    expect(statusOf(await post(ndt.cookie, s.call.id, proposalForm('500000', ['250000', '250000'])))).toBe(200)

    // Before the deadline the owner sees how many, not whose; nobody sees another's proposal.
    const before = dataOf<{ enteredCount: number; evaluation: unknown }>(
      await run(callLoader as Fn, getRequest(`/calls/${s.call.id}`, s.ownerCookie), { id: s.call.id }),
    )
    expect(before.enteredCount).toBe(2)
    expect(before.evaluation).toBeNull()
    const weldProposal = await prisma.proposal.findFirstOrThrow({ where: { organizationId: weld.org.id } })
    const ndtProposal = await prisma.proposal.findFirstOrThrow({ where: { organizationId: ndt.org.id } })
    const peek = (cookie: string, proposalId: string) =>
      run(proposalLoader as Fn, getRequest(`/calls/${s.call.id}/proposals/${proposalId}`, cookie), {
        id: s.call.id,
        proposalId,
      })
    expect(statusOf(await peek(s.ownerCookie, weldProposal.id))).toBe(404)
    expect(statusOf(await peek(ndt.cookie, weldProposal.id))).toBe(404)

    // Reviewers: bureau staff, and an expert of the third institution.
    const bureau = await createOrganization('BUREAU', '宝坻区科技局')
    const staff = await createUser(bureau.id, 'BUREAU_STAFF', 'staff@baodi.gov.cn')
    const expertUser = await createUser(bat.org.id, 'EXPERT', 'expert@bit.edu.cn')
    for (const email of ['staff@baodi.gov.cn', 'expert@bit.edu.cn']) {
      expect(statusOf(await post(s.ownerCookie, s.call.id, { intent: 'invite', email }))).toBe(200)
    }
    const reviewers = [
      { user: staff, cookie: await cookieHeader(staff.id) },
      { user: expertUser, cookie: await cookieHeader(expertUser.id) },
    ]
    for (const r of reviewers) {
      const declared = await post(r.cookie, s.call.id, {
        intent: 'declare',
        declaration: '与各揭榜单位无利害关系',
        noConflict: 'on',
      })
      expect(statusOf(declared)).toBe(200)
    }

    // The third institution sees the call but nothing of the proposals, before or after the deadline.
    await passDeadline(s.call.id)
    const third = dataOf<{ evaluation: unknown; applicant: { proposal: unknown } }>(
      await run(callLoader as Fn, getRequest(`/calls/${s.call.id}`, bat.cookie), { id: s.call.id }),
    )
    expect(third.evaluation).toBeNull()
    expect(third.applicant.proposal).toBeNull()
    expect(statusOf(await peek(bat.cookie, weldProposal.id))).toBe(404)

    // Late: a proposal after the deadline is refused with the deadline in Beijing time.
    const late = dataOf<{ errors: Record<string, string[]>; params: { deadline: string } }>(
      await post(bat.cookie, s.call.id, proposalForm('100000', ['50000', '50000'])),
    )
    expect(late.errors['']).toEqual(['errors.proposal.late'])
    expect(late.params.deadline).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)

    // At the deadline a job tells the enterprise and the declared reviewers that evaluation opens.
    await prisma.job.updateMany({ where: { queue: 'calls' }, data: { runAt: new Date(Date.now() - 1000) } })
    await drain(prisma, callJobsHandler())
    expect(await prisma.notification.count({ where: { kind: 'callDeadlinePassed', userId: s.owner.id } })).toBe(1)
    expect(await prisma.notification.count({ where: { kind: 'callReviewOpen' } })).toBe(2)

    // Two reviewers score both proposals (0–10 per criterion, weighted 60/40).
    const score = async (cookie: string, proposalId: string, scores: [number, number]) =>
      run(
        proposalAction as Fn,
        await formRequest(
          `/calls/${s.call.id}/proposals/${proposalId}`,
          { intent: 'score', 'scores[0]': String(scores[0]), 'scores[1]': String(scores[1]), comment: '方案完整' },
          cookie,
        ),
        { id: s.call.id, proposalId },
      )
    expect(statusOf(await score(reviewers[0].cookie, weldProposal.id, [9, 7]))).toBe(200)
    expect(statusOf(await score(reviewers[1].cookie, weldProposal.id, [8, 8]))).toBe(200)
    expect(statusOf(await score(reviewers[0].cookie, ndtProposal.id, [6, 9]))).toBe(200)
    // Each reviewer's view of a proposal is in the audit log.
    expect(await prisma.auditLog.count({ where: { action: 'proposal.view', entityId: weldProposal.id } })).toBe(2)
    const summary = dataOf<{ evaluation: Array<{ id: string; averageCenti: number }> }>(
      await run(callLoader as Fn, getRequest(`/calls/${s.call.id}`, s.ownerCookie), { id: s.call.id }),
    )
    // (9×60 + 7×40) / 10 = 82.00 and (8×60 + 8×40) / 10 = 80.00: average 81.00 points.
    expect(summary.evaluation.map((p) => [p.id, p.averageCenti])).toEqual([
      [weldProposal.id, 8100],
      [ndtProposal.id, 7200],
    ])

    // Award: reasons are required for the unsuccessful one.
    const noReason = dataOf<{ errors: Record<string, string[]> }>(
      await post(s.ownerCookie, s.call.id, { intent: 'award', awardedIds: weldProposal.id, note: '综合得分第一' }),
    )
    expect(noReason.errors['']).toEqual(['errors.call.reasonMissing'])
    const awarded = await post(s.ownerCookie, s.call.id, {
      intent: 'award',
      awardedIds: weldProposal.id,
      note: '综合得分第一',
      [`reasons.${ndtProposal.id}`]: '离线检测不满足在线要求',
    })
    expect(statusOf(awarded)).toBe(200)

    const outcome = dataOf<{ applicant: { proposal: { status: string; outcomeReason: string } } }>(
      await run(callLoader as Fn, getRequest(`/calls/${s.call.id}`, ndt.cookie), { id: s.call.id }),
    )
    expect(outcome.applicant.proposal).toMatchObject({
      status: 'UNSUCCESSFUL',
      outcomeReason: '离线检测不满足在线要求',
    })
    expect(await prisma.notification.count({ where: { kind: 'proposalUnsuccessful', userId: ndt.user.id } })).toBe(1)

    const contract = await prisma.contract.findFirstOrThrow({
      where: { proposalId: weldProposal.id },
      include: { milestones: { orderBy: { seq: 'asc' } } },
    })
    expect(contract).toMatchObject({
      status: 'DRAFT',
      type: 'DEVELOPMENT_COMMISSIONED',
      buyerOrgId: s.need.organizationId,
      sellerOrgId: weld.org.id,
      amountFen: 60_000_000n,
      paymentMode: 'INSTALMENTS',
      needId: s.need.id,
    })
    expect(contract.milestones.map((m) => [m.title, m.amountFen])).toEqual([
      ['方案设计与样机', 20_000_000n],
      ['产线验证与交付', 40_000_000n],
    ])
  })

  it('keeps one proposal per institution and one decision per call when the same request comes ten times at once', async () => {
    const s = await setup()
    const [weld, ndt] = s.offices
    await Promise.all(
      Array.from({ length: 10 }, () => post(weld.cookie, s.call.id, proposalForm('600000', ['200000', '400000']))),
    )
    await post(ndt.cookie, s.call.id, proposalForm('500000', ['250000', '250000']))
    expect(await prisma.proposal.count({ where: { callId: s.call.id, organizationId: weld.org.id } })).toBe(1)
    await passDeadline(s.call.id)
    const [a, b] = await prisma.proposal.findMany({ where: { callId: s.call.id }, orderBy: { priceFen: 'desc' } })
    // Ten awards at once, half for each proposal: exactly one decision holds.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const [win, lose] = i % 2 ? [a, b] : [b, a]
        return post(s.ownerCookie, s.call.id, {
          intent: 'award',
          awardedIds: win.id,
          note: '评审结果',
          [`reasons.${lose.id}`]: '综合得分较低',
        })
      }),
    )
    expect(results.filter((r) => statusOf(r) === 200)).toHaveLength(1)
    expect(await prisma.contract.count({ where: { proposal: { callId: s.call.id } } })).toBe(1)
    expect(await prisma.proposal.count({ where: { callId: s.call.id, status: 'AWARDED' } })).toBe(1)
    expect(await prisma.proposal.count({ where: { callId: s.call.id, status: 'UNSUCCESSFUL' } })).toBe(1)
  })

  it('excludes a reviewer whose institution applied, and refuses invalid calls and proposals with specific messages', async () => {
    const s = await setup()
    const [weld] = s.offices
    await post(weld.cookie, s.call.id, proposalForm('600000', ['200000', '400000']))
    const colleague = await createUser(weld.org.id, 'EXPERT', 'colleague@tju.edu.cn')
    expect(statusOf(await post(s.ownerCookie, s.call.id, { intent: 'invite', email: 'colleague@tju.edu.cn' }))).toBe(
      200,
    )
    const refused = dataOf<{ errors: Record<string, string[]> }>(
      await post(await cookieHeader(colleague.id), s.call.id, {
        intent: 'declare',
        declaration: '与各揭榜单位无利害关系',
        noConflict: 'on',
      }),
    )
    expect(refused.errors['']).toEqual(['errors.call.conflict'])

    const badSum = dataOf<{ errors: Record<string, string[]> }>(
      await post(weld.cookie, s.call.id, proposalForm('600000', ['200000', '300000'])),
    )
    expect(badSum.errors.milestones).toEqual(['errors.proposal.milestoneSum'])

    const other = await createNeed2(s.need.organizationId)
    const badCall = dataOf<{ errors: Record<string, string[]> }>(
      await run(
        newCallAction as Fn,
        await formRequest(
          `/calls/new?need=${other.id}`,
          { ...CALL_FORM, needId: other.id, 'criteria[1].weight': '30' },
          s.ownerCookie,
        ),
      ),
    )
    expect(badCall.errors.criteria).toEqual(['errors.call.criteriaSum'])
    // Another enterprise cannot publish this enterprise's need.
    const stranger = await createUser((await createOrganization()).id, 'ENTERPRISE_ADMIN')
    const foreign = await run(
      newCallAction as Fn,
      await formRequest(
        `/calls/new?need=${other.id}`,
        { ...CALL_FORM, needId: other.id },
        await cookieHeader(stranger.id),
      ),
    )
    expect(statusOf(foreign)).toBe(404)
  })

  it('lets bureau staff publish a campaign need as a funded call, and only them set district funding', async () => {
    const { need } = await loadMarket()
    const bureau = await createOrganization('BUREAU', '宝坻区科技局')
    const staff = await createUser(bureau.id, 'BUREAU_STAFF')
    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const form = { needId: need.id, ...CALL_FORM, districtFundingYuan: '200000' }
    const byEnterprise = dataOf<{ errors: Record<string, string[]> }>(
      await run(
        newCallAction as Fn,
        await formRequest(`/calls/new?need=${need.id}`, form, await cookieHeader(owner.id)),
      ),
    )
    expect(byEnterprise.errors.districtFundingYuan).toEqual(['errors.call.fundingBureauOnly'])
    // Not a campaign's need: the bureau does not publish it for the enterprise.
    const staffCookie = await cookieHeader(staff.id)
    expect(
      statusOf(await run(newCallAction as Fn, await formRequest(`/calls/new?need=${need.id}`, form, staffCookie))),
    ).toBe(404)
    const campaign = await prisma.campaign.create({
      data: {
        name: '2026 年企业技术需求征集',
        startsOn: new Date('2026-01-01'),
        endsOn: new Date('2026-12-31'),
        createdById: staff.id,
      },
    })
    await prisma.need.update({ where: { id: need.id }, data: { campaignId: campaign.id } })
    expect(
      statusOf(await run(newCallAction as Fn, await formRequest(`/calls/new?need=${need.id}`, form, staffCookie))),
    ).toBe(302)
    const call = await prisma.call.findFirstOrThrow({ where: { needId: need.id } })
    expect(call).toMatchObject({
      campaignId: campaign.id,
      districtFundingFen: 20_000_000n,
      organizationId: need.organizationId,
    })
    // Both the bureau and the enterprise run it.
    for (const cookie of [staffCookie, await cookieHeader(owner.id)]) {
      const page = dataOf<{ owner: boolean }>(
        await run(callLoader as Fn, getRequest(`/calls/${call.id}`, cookie), { id: call.id }),
      )
      expect(page.owner).toBe(true)
    }
  })

  it("lets an expert ask their institution's office to answer, once", async () => {
    const s = await setup()
    const [weld] = s.offices
    const expertUser = await createUser(weld.org.id, 'EXPERT', 'expert@tju.edu.cn')
    const expert = await prisma.expert.findFirstOrThrow({ where: { organizationId: weld.org.id } })
    await prisma.expert.update({ where: { id: expert.id }, data: { userId: expertUser.id } })
    const cookie = await cookieHeader(expertUser.id)
    expect(statusOf(await post(cookie, s.call.id, { intent: 'askOffice', note: '我们有导管挤出中试线' }))).toBe(200)
    const told = await prisma.notification.findFirstOrThrow({ where: { kind: 'callExpertInterest' } })
    expect(told.userId).toBe(weld.user.id)
    expect(JSON.parse(told.body ?? '{}')).toMatchObject({ expert: expert.name, note: '我们有导管挤出中试线' })
    const again = dataOf<{ errors: Record<string, string[]> }>(await post(cookie, s.call.id, { intent: 'askOffice' }))
    expect(again.errors['']).toEqual(['errors.call.alreadyAsked'])
    // An expert has no proposal of their own to submit.
    expect(statusOf(await post(cookie, s.call.id, proposalForm('600000', ['200000', '400000'])))).toBe(404)
  })

  it('counts calls, proposals, awards and contracts in the dashboard funnel and the campaign figures', async () => {
    const s = await setup()
    const [weld, ndt] = s.offices
    const staff = await createUser((await createOrganization('BUREAU', '宝坻区科技局')).id, 'BUREAU_STAFF')
    const campaign = await prisma.campaign.create({
      data: {
        name: '2026 年企业技术需求征集',
        startsOn: new Date('2026-01-01'),
        endsOn: new Date('2026-12-31'),
        createdById: staff.id,
      },
    })
    await prisma.need.update({ where: { id: s.need.id }, data: { campaignId: campaign.id } })
    await post(weld.cookie, s.call.id, proposalForm('600000', ['200000', '400000']))
    await post(ndt.cookie, s.call.id, proposalForm('500000', ['250000', '250000']))
    await passDeadline(s.call.id)
    const [a, b] = await prisma.proposal.findMany({ where: { callId: s.call.id }, orderBy: { priceFen: 'desc' } })
    await post(s.ownerCookie, s.call.id, {
      intent: 'award',
      awardedIds: a.id,
      note: '综合得分第一',
      [`reasons.${b.id}`]: '综合得分较低',
    })
    const year = new Date().getUTCFullYear()
    const filter = parseTurnoverFilter(new URL(`http://test.local/bureau?year=${year}`))
    const steps = async () => Object.fromEntries((await getCallFunnel(filter)).map((r) => [r.step, r.count]))
    expect(await steps()).toEqual({ calls: 1, proposals: 2, awarded: 1, contracted: 0 })
    // The award's contract, once registered, counts as concluded and as the campaign's turnover.
    await prisma.contract.updateMany({
      where: { proposalId: a.id },
      data: { status: 'REGISTERED', registeredAt: new Date(), registrationNumber: '1201150000000001' },
    })
    expect(await steps()).toEqual({ calls: 1, proposals: 2, awarded: 1, contracted: 1 })
    const stats = await getCampaignCallStats(campaign.id)
    expect(stats).toMatchObject({
      calls: 1,
      answered: 1,
      awarded: 1,
      registeredContracts: 1,
      registeredAmountFen: 60_000_000n,
    })
    expect(stats.medianDaysToAward).not.toBeNull()
  })

  it('stores attachments with their hash and serves them only to the applicant and, after the deadline, evaluators', async () => {
    const s = await setup()
    const [weld, ndt] = s.offices
    await post(weld.cookie, s.call.id, { ...proposalForm('600000', ['200000', '400000']), intent: 'save' })
    const upload = (cookie: string, name: string, bytes: Uint8Array) => uploadAttachment(cookie, s.call.id, name, bytes)
    const pdf = new TextEncoder().encode('%PDF-1.4\n% proposal\n')
    const wrong = dataOf<{ errors: Record<string, string[]> }>(
      await upload(weld.cookie, 'plan.pdf', new Uint8Array([1, 2, 3, 4])),
    )
    expect(wrong.errors.file).toEqual(['errors.proposal.attachmentType'])
    expect(statusOf(await upload(weld.cookie, '技术方案.pdf', pdf))).toBe(200)
    const attachment = await prisma.proposalAttachment.findFirstOrThrow()
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/)
    const download = (cookie: string) =>
      run(attachmentLoader as Fn, getRequest(`/calls/${s.call.id}/attachments/${attachment.id}`, cookie), {
        id: s.call.id,
        attachmentId: attachment.id,
      })
    const own = (await download(weld.cookie)) as Response
    expect(own.status).toBe(200)
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(pdf)
    expect(statusOf(await download(ndt.cookie))).toBe(404)
    // Submitted, then before the deadline the enterprise cannot open it; after, it can.
    await post(weld.cookie, s.call.id, proposalForm('600000', ['200000', '400000']))
    expect(statusOf(await download(s.ownerCookie))).toBe(404)
    await passDeadline(s.call.id)
    expect(statusOf(await download(s.ownerCookie))).toBe(200)
  })
})

function createNeed2(organizationId: string) {
  return prisma.need.create({
    data: { organizationId, title: '焊接烟尘治理', summary: '焊接车间烟尘浓度高', status: 'PUBLISHED' },
  })
}
