import { z } from 'zod'
import { cancelCall, createCall, publishCall } from '~/calls/calls.server'
import { saveProposal, withdrawProposal } from '~/calls/proposals.server'
import { prisma } from '~/utils/db.server'
import type { Outcome, Refusal } from '~/utils/outcome'
import { CallFormSchema, CallTransitionSchema, ProposalFormSchema } from '~/validation/calls'
import { apiSessionUser, type ApiCaller } from './auth.server'
import { auditApiWrite, parseBody } from './body.server'
import { callsResource, callView, proposalsResource, proposalView } from './calls.server'
import { notFoundOf } from './paging.server'
import { fieldProblem, refusalProblem } from './problem.server'

/**
 * Writing calls and proposals through the API, by the pages' schemas and model functions: an
 * enterprise (or the bureau, for a campaign's need) drafts, publishes and cancels its calls; an
 * institution saves, submits and withdraws its proposal. Evaluation and award stay on the pages,
 * where reviewers declare their interests and every view of a proposal is audited.
 */

/** A new proposal names its call; the rest is the proposal form. */
export const ProposalCreateSchema = ProposalFormSchema.safeExtend({
  callId: z.string({ error: 'errors.call.notFound' }).min(1, { message: 'errors.call.notFound' }),
})

/** A model command's refusal as a problem: 404, a field's 422, or 409 with its message. */
function refused(
  outcome: Refusal & { params?: Record<string, string> },
  resource: { names: { zh: string; en: string } },
) {
  if (outcome.notFound) return notFoundOf(resource)
  if (outcome.field) return fieldProblem({ [outcome.field]: [outcome.error] })
  return refusalProblem(409, 'refused', outcome.error, outcome.params)
}

async function callActor(caller: ApiCaller) {
  return { userId: caller.userId, organizationId: caller.organizationId, viewer: await apiSessionUser(caller) }
}

async function callAnswer(id: string, status = 200) {
  const call = await prisma.call.findUniqueOrThrow({ where: { id } })
  return Response.json(await callView(call), {
    status,
    ...(status === 201 ? { headers: { Location: `/api/v1/calls/${id}` } } : {}),
  })
}

/** POST /api/v1/calls: a call from one of the caller's needs, published or (`intent: draft`) kept as a draft. */
export async function createCallApi(caller: ApiCaller, body: string) {
  const input = parseBody(CallFormSchema, body)
  if (input instanceof Response) return input
  const outcome = await createCall(await callActor(caller), input)
  if (!outcome.ok) return refused(outcome, callsResource)
  await auditApiWrite(caller, 'calls.create', 'Call', outcome.id)
  return callAnswer(outcome.id, 201)
}

/** POST /api/v1/calls/:id/status: publish a draft, or cancel with a reason. */
export async function changeCallStatusApi(caller: ApiCaller, id: string, body: string) {
  const input = parseBody(CallTransitionSchema, body)
  if (input instanceof Response) return input
  const actor = await callActor(caller)
  const outcome: Outcome =
    input.transition === 'publish' ? await publishCall(actor, id) : await cancelCall(actor, id, input.reason)
  if (!outcome.ok) return refused(outcome, callsResource)
  await auditApiWrite(caller, `calls.${input.transition}`, 'Call', id)
  return callAnswer(id)
}

/** POST /api/v1/proposals: the caller institution's proposal to a call, saved (`save`) or submitted. */
export async function saveProposalApi(caller: ApiCaller, body: string) {
  const input = parseBody(ProposalCreateSchema, body)
  if (input instanceof Response) return input
  const { callId, ...form } = input
  const outcome = await saveProposal({ userId: caller.userId, organizationId: caller.organizationId }, callId, form)
  if (!outcome.ok) return refused(outcome, callsResource)
  await auditApiWrite(caller, `proposals.${form.intent}`, 'Proposal', outcome.id)
  return Response.json(proposalView(await prisma.proposal.findUniqueOrThrow({ where: { id: outcome.id } })))
}

/** POST /api/v1/proposals/:id/withdraw: withdraws the caller's proposal before the call's deadline. */
export async function withdrawProposalApi(caller: ApiCaller, id: string) {
  const proposal = await prisma.proposal.findFirst({ where: { id, organizationId: caller.organizationId } })
  if (!proposal) return notFoundOf(proposalsResource)
  const outcome = await withdrawProposal(
    { userId: caller.userId, organizationId: caller.organizationId },
    proposal.callId,
  )
  if (!outcome.ok) return refused(outcome, proposalsResource)
  await auditApiWrite(caller, 'proposals.withdraw', 'Proposal', id)
  return Response.json(proposalView(await prisma.proposal.findUniqueOrThrow({ where: { id } })))
}
