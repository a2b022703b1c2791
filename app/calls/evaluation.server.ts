import { Prisma } from '~/generated/prisma/client'
import { draftContractFromAward } from '~/contracts/from-award.server'
import { createNotifications, notifyOrganization } from '~/models/notifications.server'
import { enqueueIndexing } from '~/search/enqueue.server'
import { recordAudit } from '~/utils/audit.server'
import { platformNow } from '~/utils/clock.server'
import { prisma } from '~/utils/db.server'
import { NOT_FOUND, type Outcome } from '~/utils/outcome'
import { ENTERPRISE_ROLES, OFFICE_ROLES, isApplicantOffice, runsCall, type Viewer } from '~/utils/permissions.server'
import { criteriaOf } from './calls.server'
import { CONTENDING_PROPOSAL_STATUSES, ENTERED_PROPOSAL_STATUSES, callPhase, weightedTotalCenti } from './states'

/** A signed-in person acting on a call's evaluation. */
export interface Evaluator {
  userId: string
  /** The organization they act for (audit); null for an expert reviewer's own account. */
  organizationId: string | null
  viewer: Viewer
}

type Tx = Prisma.TransactionClient
type CallRow = NonNullable<Awaited<ReturnType<typeof prisma.call.findUnique>>>

/**
 * How a user takes part in a call's evaluation: as its owner (the enterprise, or bureau staff for
 * a campaign call) or as an invited reviewer who declared no conflict of interest and belongs to
 * none of the applying institutions. Null for everyone else, applicants included.
 */
export async function evaluatorRole(
  userId: string,
  viewer: Viewer,
  call: Pick<CallRow, 'id' | 'organizationId' | 'campaignId'>,
  /** The user's invitation to review, when the caller has read it already. */
  invitation?: { declaredAt: Date | null } | null,
): Promise<'owner' | 'reviewer' | null> {
  if (runsCall(viewer, call)) return 'owner'
  const reviewer =
    invitation !== undefined
      ? invitation
      : await prisma.callReviewer.findUnique({
          where: { callId_userId: { callId: call.id, userId } },
          select: { declaredAt: true },
        })
  if (!reviewer?.declaredAt) return null
  return (await hasConflict(prisma, userId, call.id)) ? null : 'reviewer'
}

/** A reviewer belongs to (or is an expert of) an institution that applied. */
async function hasConflict(db: Pick<Tx, 'membership' | 'proposal' | 'expert'>, userId: string, callId: string) {
  const [memberships, expert] = await Promise.all([
    db.membership.findMany({ where: { userId }, select: { organizationId: true } }),
    db.expert.findUnique({ where: { userId }, select: { organizationId: true } }),
  ])
  const own = [...memberships.map((m) => m.organizationId), ...(expert ? [expert.organizationId] : [])]
  const applying = await db.proposal.count({
    where: { callId, organizationId: { in: own }, status: { not: 'DRAFT' } },
  })
  return applying > 0
}

async function ownedCall(actor: Evaluator, callId: string) {
  const call = await prisma.call.findUnique({ where: { id: callId } })
  return call && runsCall(actor.viewer, call) ? call : null
}

/** Invites bureau staff or an expert (of another institution) to review; the owner's own people score anyway. */
export async function inviteReviewer(actor: Evaluator, callId: string, email: string): Promise<Outcome> {
  const call = await ownedCall(actor, callId)
  if (!call) return NOT_FOUND
  if (call.status !== 'PUBLISHED') return { ok: false, error: 'errors.call.decided', field: 'email' }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, memberships: { select: { role: true, organizationId: true } } },
  })
  const eligible = user?.memberships.some((m) => m.role === 'BUREAU_STAFF' || m.role === 'EXPERT')
  if (!user || !eligible) return { ok: false, error: 'errors.call.reviewerUnknown', field: 'email' }
  if (user.memberships.some((m) => m.organizationId === call.organizationId)) {
    return { ok: false, error: 'errors.call.reviewerOwn', field: 'email' }
  }
  try {
    await prisma.$transaction(async (tx) => {
      await tx.callReviewer.create({ data: { callId, userId: user.id, invitedById: actor.userId } })
      await createNotifications(tx, [
        { userId: user.id, kind: 'callReviewInvited', params: { title: call.title }, link: `/calls/${callId}` },
      ])
      await recordAudit(tx, {
        actorId: actor.userId,
        actorOrgId: actor.organizationId,
        action: 'call.inviteReviewer',
        entityType: 'Call',
        entityId: callId,
        data: { reviewerId: user.id },
      })
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, error: 'errors.call.reviewerTwice', field: 'email' }
    }
    throw error
  }
  return { ok: true }
}

/** The invited reviewer declares no conflict of interest; refused when their institution applied. */
export async function declareNoConflict(actor: Evaluator, callId: string, declaration: string): Promise<Outcome> {
  const reviewer = await prisma.callReviewer.findUnique({ where: { callId_userId: { callId, userId: actor.userId } } })
  if (!reviewer) return NOT_FOUND
  if (await hasConflict(prisma, actor.userId, callId)) return { ok: false, error: 'errors.call.conflict' }
  await prisma.$transaction(async (tx) => {
    await tx.callReviewer.update({ where: { id: reviewer.id }, data: { declaredAt: new Date(), declaration } })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'call.declareNoConflict',
      entityType: 'Call',
      entityId: callId,
      data: { declaration },
    })
  })
  return { ok: true }
}

/** An evaluator's proposal after the deadline, or null; records the view in the audit log. */
export async function proposalForEvaluator(actor: Evaluator, proposalId: string) {
  const proposal = await prisma.proposal.findUnique({ where: { id: proposalId }, include: { call: true } })
  if (!proposal || !ENTERED_PROPOSAL_STATUSES.includes(proposal.status)) return null
  if (callPhase(proposal.call, await platformNow()) === 'OPEN') return null
  const role = await evaluatorRole(actor.userId, actor.viewer, proposal.call)
  if (!role) return null
  await recordAudit(prisma, {
    actorId: actor.userId,
    actorOrgId: actor.organizationId,
    action: 'proposal.view',
    entityType: 'Proposal',
    entityId: proposal.id,
    data: { role },
  })
  return { proposal, role }
}

/** One evaluator's scores (0–10 per criterion) and comment; scoring again replaces them. */
export async function scoreProposal(
  actor: Evaluator,
  proposalId: string,
  scores: number[],
  comment: string | undefined,
): Promise<Outcome> {
  const found = await proposalForEvaluator(actor, proposalId)
  if (!found) return NOT_FOUND
  const { proposal } = found
  if (proposal.call.status !== 'PUBLISHED') return { ok: false, error: 'errors.call.decided' }
  const criteria = criteriaOf(proposal.call)
  if (scores.length !== criteria.length) return { ok: false, error: 'errors.proposal.score', field: 'scores' }
  const totalCenti = weightedTotalCenti(
    scores,
    criteria.map((c) => c.weight),
  )
  await prisma.$transaction(async (tx) => {
    await tx.proposalScore.upsert({
      where: { proposalId_reviewerUserId: { proposalId, reviewerUserId: actor.userId } },
      create: { proposalId, reviewerUserId: actor.userId, scores, totalCenti, comment: comment ?? null },
      update: { scores, totalCenti, comment: comment ?? null },
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'proposal.score',
      entityType: 'Proposal',
      entityId: proposalId,
      data: { scores, totalCenti },
    })
  })
  return { ok: true }
}

/** A question to the applicant, or its answer: after the deadline, between evaluators and the applicant. */
export async function postProposalMessage(actor: Evaluator, proposalId: string, body: string): Promise<Outcome> {
  const proposal = await prisma.proposal.findUnique({ where: { id: proposalId }, include: { call: true } })
  if (!proposal || !ENTERED_PROPOSAL_STATUSES.includes(proposal.status)) return NOT_FOUND
  const applicant = isApplicantOffice(actor.viewer, proposal)
  const evaluator = applicant ? null : await evaluatorRole(actor.userId, actor.viewer, proposal.call)
  if (!applicant && !evaluator) return NOT_FOUND
  if (callPhase(proposal.call, await platformNow()) !== 'EVALUATING')
    return { ok: false, error: 'errors.proposal.threadClosed' }
  await prisma.$transaction(async (tx) => {
    await tx.proposalMessage.create({
      data: {
        proposalId,
        authorUserId: actor.userId,
        authorOrgId: applicant ? proposal.organizationId : actor.organizationId,
        body,
      },
    })
    const link = `/calls/${proposal.callId}/proposals/${proposalId}`
    const params = { title: proposal.call.title }
    if (applicant) {
      await notifyOrganization(tx, proposal.call.organizationId, 'proposalAnswered', params, link, {
        roles: ENTERPRISE_ROLES,
      })
    } else {
      await notifyOrganization(tx, proposal.organizationId, 'proposalQuestion', params, link, { roles: OFFICE_ROLES })
    }
  })
  return { ok: true }
}

/** Shortlists a proposal: its institution now sees the call's confidential part. */
export async function shortlistProposal(actor: Evaluator, callId: string, proposalId: string): Promise<Outcome> {
  const call = await ownedCall(actor, callId)
  if (!call) return NOT_FOUND
  if (callPhase(call, await platformNow()) !== 'EVALUATING') return { ok: false, error: 'errors.call.notEvaluating' }
  return prisma.$transaction(async (tx) => {
    const proposal = await tx.proposal.findFirst({
      where: { id: proposalId, callId },
      select: { organizationId: true },
    })
    if (!proposal) return NOT_FOUND
    const { count } = await tx.proposal.updateMany({
      where: { id: proposalId, callId, status: 'SUBMITTED' },
      data: { status: 'SHORTLISTED' },
    })
    if (count === 0) return { ok: false, error: 'errors.proposal.notSubmitted' } as const
    await notifyOrganization(
      tx,
      proposal.organizationId,
      'proposalShortlisted',
      { title: call.title },
      `/calls/${callId}`,
      {
        roles: OFFICE_ROLES,
      },
    )
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'proposal.shortlist',
      entityType: 'Proposal',
      entityId: proposalId,
    })
    return { ok: true } as const
  })
}

/**
 * Decides a call after its deadline: the awarded proposals (one, or several for lots) each start a
 * draft 技术开发 contract; every other contending proposal is unsuccessful with its reason; every
 * applicant is told. One decision per call: the call's row is locked and moves from PUBLISHED once.
 * With no proposal awarded the call is closed instead.
 */
export async function decideCall(
  actor: Evaluator,
  callId: string,
  decision: { awardedIds: string[]; note: string; reasons: Record<string, string> },
): Promise<Outcome<{ contractIds: string[] }>> {
  const call = await ownedCall(actor, callId)
  if (!call) return NOT_FOUND
  if (callPhase(call, await platformNow()) !== 'EVALUATING') return { ok: false, error: 'errors.call.notEvaluating' }
  const contending = await prisma.proposal.findMany({
    where: { callId, status: { in: [...CONTENDING_PROPOSAL_STATUSES] } },
    select: { id: true, organizationId: true, priceFen: true, milestones: true },
  })
  const contendingIds = new Set(contending.map((p) => p.id))
  if (decision.awardedIds.some((id) => !contendingIds.has(id))) return { ok: false, error: 'errors.call.awardUnknown' }
  const losers = contending.filter((p) => !decision.awardedIds.includes(p.id))
  if (losers.some((p) => (decision.reasons[p.id] ?? '').trim().length < 4)) {
    return { ok: false, error: 'errors.call.reasonMissing' }
  }
  const need = await prisma.need.findUniqueOrThrow({ where: { id: call.needId }, select: { fieldCode: true } })
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Call" WHERE "id" = ${callId} FOR UPDATE`
    const now = new Date()
    const { count } = await tx.call.updateMany({
      where: { id: callId, status: 'PUBLISHED' },
      data: {
        status: decision.awardedIds.length ? 'AWARDED' : 'CLOSED',
        decidedAt: now,
        decisionNote: decision.note,
      },
    })
    if (count === 0) return { ok: false, error: 'errors.call.decided' } as const
    const contractIds: string[] = []
    // Bureau staff deciding a campaign call act for the enterprise the contract is drawn up by.
    const auditActor = { userId: actor.userId, organizationId: actor.organizationId ?? call.organizationId }
    const link = `/calls/${callId}`
    for (const proposal of contending) {
      const won = decision.awardedIds.includes(proposal.id)
      const reason = won ? decision.note : decision.reasons[proposal.id].trim()
      await tx.proposal.update({
        where: { id: proposal.id },
        data: { status: won ? 'AWARDED' : 'UNSUCCESSFUL', outcomeReason: reason, decidedAt: now },
      })
      if (won) {
        contractIds.push(
          await draftContractFromAward(
            tx,
            auditActor,
            { ...call, fieldCode: need.fieldCode },
            {
              id: proposal.id,
              organizationId: proposal.organizationId,
              priceFen: proposal.priceFen,
              milestones: proposal.milestones as Array<{ title: string; amountFen: string; month: number }>,
            },
          ),
        )
      }
      await notifyOrganization(
        tx,
        proposal.organizationId,
        won ? 'proposalAwarded' : 'proposalUnsuccessful',
        { title: call.title, reason },
        link,
        { roles: OFFICE_ROLES },
      )
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: decision.awardedIds.length ? 'call.award' : 'call.close',
      entityType: 'Call',
      entityId: callId,
      data: { awardedIds: decision.awardedIds, note: decision.note, contractIds },
    })
    await enqueueIndexing(tx, 'needs', [call.needId])
    return { ok: true, contractIds } as const
  })
}
