import { describe, expect, it } from 'vitest'
import { loader as callLoader } from '~/routes/calls.$id'
import { loader as proposalLoader } from '~/routes/calls.$id_.proposals.$proposalId'
import { MAX_ATTACHMENTS } from '~/validation/calls'
import { prisma } from '~/utils/db.server'
import { passDeadline, post, proposalForm, setup, uploadAttachment } from '../support/calls'
import { cookieHeader, createOrganization, createUser, getRequest } from '../support/factories'
import { dataOf, run, statusOf, type Fn } from '../support/route-calls'

type Refusal = { errors: Record<string, string[]> }
const pdf = (n: number) => new TextEncoder().encode(`%PDF-1.4\n% part ${n}\n`)

describe('揭榜挂帅 rules', () => {
  it('limits attachments to 10 MB each and five a proposal, storing nothing beyond', async () => {
    const s = await setup()
    const [weld] = s.offices
    await post(weld.cookie, s.call.id, { ...proposalForm('600000', ['200000', '400000']), intent: 'save' })
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set(pdf(0))
    const tooBig = await uploadAttachment(weld.cookie, s.call.id, '大文件.pdf', big)
    expect(statusOf(tooBig)).toBe(413)
    expect(dataOf<Refusal>(tooBig).errors.file).toEqual(['errors.proposal.attachmentSize'])
    for (let i = 1; i <= MAX_ATTACHMENTS; i++)
      expect(statusOf(await uploadAttachment(weld.cookie, s.call.id, `附件${i}.pdf`, pdf(i)))).toBe(200)
    const sixth = await uploadAttachment(weld.cookie, s.call.id, '附件6.pdf', pdf(6))
    expect(dataOf<Refusal>(sixth).errors.file).toEqual(['errors.proposal.attachmentCount'])
    expect(await prisma.proposalAttachment.count()).toBe(MAX_ATTACHMENTS)
  })

  it('lets an office withdraw and submit again before the deadline, and neither after it', async () => {
    const s = await setup()
    const [weld] = s.offices
    const form = proposalForm('600000', ['200000', '400000'])
    await post(weld.cookie, s.call.id, form)
    expect(statusOf(await post(weld.cookie, s.call.id, { intent: 'withdraw' }))).toBe(200)
    expect((await prisma.proposal.findFirstOrThrow()).status).toBe('WITHDRAWN')
    expect(statusOf(await post(weld.cookie, s.call.id, form))).toBe(200)
    expect((await prisma.proposal.findFirstOrThrow()).status).toBe('SUBMITTED')
    await passDeadline(s.call.id)
    const late = await post(weld.cookie, s.call.id, { intent: 'withdraw' })
    expect(dataOf<Refusal>(late).errors['']).toEqual(['errors.proposal.late'])
    expect((await prisma.proposal.findFirstOrThrow()).status).toBe('SUBMITTED')
  })

  it('refuses an institution the call does not admit', async () => {
    const s = await setup()
    // The call admits universities only.
    const institute = await createOrganization('RESEARCH_INSTITUTE', '某研究所')
    const office = await cookieHeader((await createUser(institute.id, 'TTO_ADMIN')).id)
    const refused = await post(office, s.call.id, proposalForm('600000', ['200000', '400000']))
    expect(dataOf<Refusal>(refused).errors['']).toEqual(['errors.proposal.ineligible'])
    expect(await prisma.proposal.count()).toBe(0)
  })

  it('releases the confidential part to a shortlisted applicant only, and nothing to uninvited bureau staff', async () => {
    const s = await setup()
    const [weld, ndt] = s.offices
    for (const office of [weld, ndt]) await post(office.cookie, s.call.id, proposalForm('600000', ['200000', '400000']))
    const page = async (cookie: string) =>
      dataOf<{ call: { confidentialDetail: string | null }; evaluation: unknown }>(
        await run(callLoader as Fn, getRequest(`/calls/${s.call.id}`, cookie), { id: s.call.id }),
      )
    expect((await page(weld.cookie)).call.confidentialDetail).toBeNull()
    await passDeadline(s.call.id)
    const weldProposal = await prisma.proposal.findFirstOrThrow({ where: { organizationId: weld.org.id } })
    expect(statusOf(await post(s.ownerCookie, s.call.id, { intent: 'shortlist', proposalId: weldProposal.id }))).toBe(
      200,
    )
    expect((await page(weld.cookie)).call.confidentialDetail).toBe(s.call.confidentialDetail)
    expect((await page(ndt.cookie)).call.confidentialDetail).toBeNull()

    // Bureau staff not invited to review an enterprise's call see it as the public does.
    const staff = await cookieHeader((await createUser((await createOrganization('BUREAU')).id, 'BUREAU_STAFF')).id)
    const bureauView = await page(staff)
    expect(bureauView.evaluation).toBeNull()
    expect(bureauView.call.confidentialDetail).toBeNull()
    const peek = await run(
      proposalLoader as Fn,
      getRequest(`/calls/${s.call.id}/proposals/${weldProposal.id}`, staff),
      {
        id: s.call.id,
        proposalId: weldProposal.id,
      },
    )
    expect(statusOf(peek)).toBe(404)
    expect(await prisma.auditLog.count({ where: { action: 'proposal.view' } })).toBe(0)
  })
})
