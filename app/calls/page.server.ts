import { prisma } from '~/utils/db.server'
import { beijingDateTime } from '~/utils/format'
import { serialize } from '~/utils/serialize'
import { platformNow } from '~/utils/clock.server'
import { isApplicantOffice, OFFICE_ROLES, runsCall } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session.server'
import { criteriaOf, isEligible } from './calls.server'
import { evaluatorRole, proposalForEvaluator } from './evaluation.server'
import { callPhase, ENTERED_PROPOSAL_STATUSES } from './states'

type Milestones = Array<{ title: string; amountFen: string; month: number }>

const attachmentSelect = { id: true, fileName: true, size: true, sha256: true, createdAt: true } as const

/** The office membership through which a user answers calls, if any. */
const officeOf = (user: SessionUser | null) => user?.memberships.find((m) => OFFICE_ROLES.includes(m.role))

/**
 * A call as its viewer may see it. Everyone sees a published call's public part; its enterprise
 * (and invited reviewers, once declared free of conflict) see the proposals after the deadline;
 * an institution's office sees its own proposal only; the confidential part reaches the owner,
 * the reviewers and shortlisted applicants. A draft is the owner's alone: null for anyone else.
 */
export async function getCallPage(user: SessionUser | null, callId: string) {
  const call = await prisma.call.findUnique({
    where: { id: callId },
    include: {
      need: { select: { id: true, title: true, field: { select: { nameZh: true, nameEn: true } } } },
      organization: { select: { name: true } },
      campaign: { select: { id: true, name: true } },
      bundle: { select: { id: true, title: true } },
    },
  })
  if (!call) return null
  const owner = runsCall(user, call)
  if (call.status === 'DRAFT' && !owner) return null
  const office = officeOf(user)
  const expertMembership = user?.memberships.find((m) => m.role === 'EXPERT')
  // Independent reads at once: who the viewer is to this call, and what the page shows them.
  const [now, invitation, officeOrg, mine, expertOrg, expertAsked, enteredCount, choices, reviewers, contracts] =
    await Promise.all([
      platformNow(),
      user ? prisma.callReviewer.findUnique({ where: { callId_userId: { callId, userId: user.id } } }) : null,
      office
        ? prisma.organization.findUnique({
            where: { id: office.organizationId },
            select: { id: true, kind: true, regionCode: true, verification: true },
          })
        : null,
      office
        ? prisma.proposal.findUnique({
            where: { callId_organizationId: { callId, organizationId: office.organizationId } },
            include: { attachments: { select: attachmentSelect, orderBy: { createdAt: 'asc' } } },
          })
        : null,
      expertMembership
        ? prisma.organization.findUniqueOrThrow({ where: { id: expertMembership.organizationId } })
        : null,
      expertMembership
        ? prisma.auditLog.count({
            where: { action: 'call.expertInterest', entityType: 'Call', entityId: callId, actorId: user!.id },
          })
        : 0,
      // Submitted proposals so far: everyone sees how many, never whose or what, before the deadline.
      prisma.proposal.count({ where: { callId, status: { in: [...ENTERED_PROPOSAL_STATUSES] } } }),
      office ? applicantChoices(office.organizationId) : null,
      owner
        ? prisma.callReviewer.findMany({
            where: { callId },
            select: { id: true, declaredAt: true, user: { select: { name: true, email: true } } },
            orderBy: { createdAt: 'asc' },
          })
        : [],
      owner
        ? prisma.contract.findMany({
            where: { proposal: { callId } },
            select: { id: true, projectName: true, status: true, sellerName: true },
          })
        : [],
    ])
  const phase = callPhase(call, now)
  const evaluator = user && !owner ? await evaluatorRole(user.id, user, call, invitation) : owner ? 'owner' : null
  const expert = expertOrg ? { eligible: isEligible(call, expertOrg), asked: expertAsked > 0 } : null
  const showConfidential =
    Boolean(evaluator) || (mine !== null && (mine.status === 'SHORTLISTED' || mine.status === 'AWARDED'))
  const evaluation = evaluator && phase !== 'OPEN' ? await evaluationSummary(callId, user!.id) : null
  return {
    call: {
      ...call,
      confidentialDetail: showConfidential ? call.confidentialDetail : null,
      criteria: criteriaOf(call),
    },
    phase,
    now,
    owner,
    evaluator,
    /** An expert (who acts for themself) may ask their institution's office to answer. */
    expert,
    invitation: invitation && !owner ? { declared: Boolean(invitation.declaredAt) } : null,
    enteredCount,
    applicant:
      officeOrg && choices
        ? {
            eligible: isEligible(call, officeOrg),
            proposal: mine ? { ...mine, milestones: mine.milestones as Milestones } : null,
            choices,
          }
        : null,
    reviewers,
    contracts,
    evaluation,
  }
}

/** The call page's data as the page receives it (money as strings, the deadline in Beijing time). */
export async function getCallPageView(user: SessionUser | null, callId: string) {
  const page = await getCallPage(user, callId)
  if (!page) return null
  return serialize({
    ...page,
    signedIn: Boolean(user),
    call: { ...page.call, deadlineText: beijingDateTime(page.call.deadline) },
  })
}
export type CallPageView = NonNullable<Awaited<ReturnType<typeof getCallPageView>>>

/** The experts and published results an office can put into its proposal. */
async function applicantChoices(organizationId: string) {
  const [experts, results] = await Promise.all([
    prisma.expert.findMany({
      where: { organizationId, status: 'PUBLISHED' },
      select: { id: true, name: true, title: true },
      orderBy: { name: 'asc' },
      take: 200,
    }),
    prisma.researchResult.findMany({
      where: { organizationId, status: 'PUBLISHED' },
      select: { id: true, title: true },
      orderBy: { publishedAt: 'desc' },
      take: 200,
    }),
  ])
  return { experts, results }
}

/** The ranked proposals with every evaluator's weighted total, best average first. */
async function evaluationSummary(callId: string, userId: string) {
  const proposals = await prisma.proposal.findMany({
    where: { callId, status: { in: [...ENTERED_PROPOSAL_STATUSES] } },
    select: {
      id: true,
      status: true,
      priceFen: true,
      durationMonths: true,
      submittedAt: true,
      outcomeReason: true,
      organization: { select: { name: true } },
      scores: {
        select: { reviewerUserId: true, totalCenti: true, reviewer: { select: { name: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
  const ranked = proposals.map((p) => {
    const average = p.scores.length
      ? Math.round(p.scores.reduce((s, x) => s + x.totalCenti, 0) / p.scores.length)
      : null
    return {
      ...p,
      averageCenti: average,
      scoredByMe: p.scores.some((s) => s.reviewerUserId === userId),
      scores: p.scores.map((s) => ({ reviewer: s.reviewer.name, totalCenti: s.totalCenti })),
    }
  })
  ranked.sort((a, b) => (b.averageCenti ?? -1) - (a.averageCenti ?? -1))
  return ranked
}

/**
 * One proposal in full for the applicant's office or an evaluator (whose view is written to the
 * audit log); null for anyone else, other applicants included.
 */
export async function getProposalPage(user: SessionUser, callId: string, proposalId: string) {
  const actor = { userId: user.id, organizationId: user.memberships[0]?.organizationId ?? null, viewer: user }
  const basic = await prisma.proposal.findFirst({ where: { id: proposalId, callId }, select: { organizationId: true } })
  if (!basic) return null
  const applicant = isApplicantOffice(user, basic)
  const evaluated = applicant ? null : await proposalForEvaluator(actor, proposalId)
  if (!applicant && !evaluated) return null
  const proposal = await prisma.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: {
      call: { select: { id: true, title: true, status: true, deadline: true, criteria: true, organizationId: true } },
      organization: { select: { name: true } },
      attachments: { select: attachmentSelect, orderBy: { createdAt: 'asc' } },
      messages: {
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
        orderBy: { createdAt: 'asc' },
      },
      scores: {
        select: {
          reviewerUserId: true,
          scores: true,
          totalCenti: true,
          comment: true,
          reviewer: { select: { name: true } },
        },
      },
    },
  })
  const [experts, results] = await Promise.all([
    prisma.expert.findMany({
      where: { id: { in: proposal.teamExpertIds } },
      select: { id: true, name: true, title: true },
    }),
    prisma.researchResult.findMany({ where: { id: { in: proposal.resultIds } }, select: { id: true, title: true } }),
  ])
  const phase = callPhase(proposal.call, await platformNow())
  return {
    proposal: { ...proposal, milestones: proposal.milestones as Milestones },
    criteria: criteriaOf(proposal.call),
    phase,
    experts,
    results,
    role: applicant ? ('applicant' as const) : evaluated!.role,
    // Applicants never see reviewers' scores; evaluators see everyone's.
    scores: applicant ? [] : proposal.scores.map((s) => ({ ...s, reviewer: s.reviewer.name })),
    myScore: proposal.scores.find((s) => s.reviewerUserId === user.id) ?? null,
    canScore: !applicant && phase === 'EVALUATING',
    canMessage: phase === 'EVALUATING',
  }
}

/** An attachment's bytes for the applicant's office or an evaluator after the deadline; null otherwise. */
export async function getAttachmentForDownload(user: SessionUser, callId: string, attachmentId: string) {
  const attachment = await prisma.proposalAttachment.findFirst({
    where: { id: attachmentId, proposal: { callId } },
    select: {
      fileName: true,
      contentType: true,
      data: true,
      sha256: true,
      proposalId: true,
      proposal: { select: { organizationId: true } },
    },
  })
  if (!attachment) return null
  if (isApplicantOffice(user, attachment.proposal)) return attachment
  const actor = { userId: user.id, organizationId: user.memberships[0]?.organizationId ?? null, viewer: user }
  return (await proposalForEvaluator(actor, attachment.proposalId)) ? attachment : null
}
