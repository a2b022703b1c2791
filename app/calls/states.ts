import type { CallStatus, ProposalStatus } from '~/generated/prisma/enums'

/**
 * Where a call stands. A published call takes proposals until its deadline and is evaluated
 * after it; the phase is derived from the deadline on every read, so nothing has to flip it.
 */
export const CALL_PHASES = ['DRAFT', 'OPEN', 'EVALUATING', 'AWARDED', 'CLOSED', 'CANCELLED'] as const
export type CallPhase = (typeof CALL_PHASES)[number]

export function callPhase(call: { status: CallStatus; deadline: Date }, now: Date): CallPhase {
  if (call.status !== 'PUBLISHED') return call.status
  return now < call.deadline ? 'OPEN' : 'EVALUATING'
}

/** Calls still live: a need has at most one (a unique index in the open_calls migration). */
export const LIVE_CALL_STATUSES: readonly CallStatus[] = ['DRAFT', 'PUBLISHED', 'AWARDED']

/** Proposals in the competition: submitted and not withdrawn. */
export const ENTERED_PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  'SUBMITTED',
  'SHORTLISTED',
  'AWARDED',
  'UNSUCCESSFUL',
]

/** Proposals the owner may still shortlist or award. */
export const CONTENDING_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['SUBMITTED', 'SHORTLISTED']

/** The applicant may still change or withdraw it (and only while the call is open). */
export const EDITABLE_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['DRAFT', 'SUBMITTED', 'WITHDRAWN']

/** Weighted total in hundredths of a point (0–10,000 = 0–100 points) of 0–10 scores per criterion. */
export function weightedTotalCenti(scores: number[], weights: number[]): number {
  return scores.reduce((sum, score, i) => sum + score * (weights[i] ?? 0) * 10, 0)
}
