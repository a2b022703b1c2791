import { z } from 'zod'
import { criteriaOf } from '~/calls/calls.server'
import { CALL_PHASES, callPhase } from '~/calls/states'
import type { Call, Prisma, Proposal } from '~/generated/prisma/client'
import { CallStatus, ProposalStatus } from '~/generated/prisma/enums'
import { platformNow } from '~/utils/clock.server'
import { prisma } from '~/utils/db.server'
import { optionalYuanText, yuanText } from '~/utils/format'
import { isBureau, tokenViewer } from '~/utils/permissions.server'
import { instantField, yuanField, type ReadResource, PAGE_ORDER } from './paging.server'

export const CallViewSchema = z.object({
  id: z.string(),
  needId: z.string(),
  organizationId: z.string().describe('The enterprise that evaluates and awards'),
  campaignId: z.string().nullable(),
  title: z.string(),
  statement: z.string().describe('The public problem statement (the confidential part is never sent)'),
  rewardMinYuan: yuanField,
  rewardMaxYuan: z.string(),
  districtFundingYuan: yuanField,
  deadline: instantField,
  phase: z.enum(CALL_PHASES).describe('OPEN until the deadline, then EVALUATING until decided'),
  eligibleKinds: z.array(z.string()),
  eligibleRegionGroups: z.array(z.string()),
  criteria: z.array(z.object({ name: z.string(), weight: z.number() })),
  requirements: z.string(),
  publishedAt: instantField.nullable(),
  decidedAt: instantField.nullable(),
  createdAt: instantField,
  updatedAt: instantField,
})

export async function callView(c: Call): Promise<z.infer<typeof CallViewSchema>> {
  return {
    id: c.id,
    needId: c.needId,
    organizationId: c.organizationId,
    campaignId: c.campaignId,
    title: c.title,
    statement: c.statement,
    rewardMinYuan: optionalYuanText(c.rewardMinFen),
    rewardMaxYuan: yuanText(c.rewardMaxFen),
    districtFundingYuan: optionalYuanText(c.districtFundingFen),
    deadline: c.deadline.toISOString(),
    phase: callPhase(c, await platformNow()),
    eligibleKinds: c.eligibleKinds,
    eligibleRegionGroups: c.eligibleRegionGroups,
    criteria: criteriaOf(c).map(({ name, weight }) => ({ name, weight })),
    requirements: c.requirements,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }
}

const CallFilters = z.object({
  status: z.enum(CallStatus).optional(),
  needId: z.string().max(40).optional(),
  campaignId: z.string().max(40).optional(),
})

/** /api/v1/calls: every published 揭榜挂帅 call; drafts only to their own enterprise (and the bureau). */
export const callsResource: ReadResource<Call, z.infer<typeof CallViewSchema>> = {
  path: '/calls',
  names: { zh: '榜单', en: 'Call' },
  readScope: 'calls:read',
  filters: CallFilters,
  readableWhere: (caller) =>
    isBureau(tokenViewer(caller))
      ? {}
      : { OR: [{ status: { not: 'DRAFT' } }, { organizationId: caller.organizationId }] },
  filterWhere: (f) => {
    const filters = f as z.infer<typeof CallFilters>
    return {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.needId ? { needId: filters.needId } : {}),
      ...(filters.campaignId ? { campaignId: filters.campaignId } : {}),
    }
  },
  findMany: (where, take) =>
    prisma.call.findMany({
      where: where as Prisma.CallWhereInput,
      orderBy: PAGE_ORDER,
      take,
    }),
  view: callView,
}

export const ProposalViewSchema = z.object({
  id: z.string(),
  callId: z.string(),
  status: z.enum(ProposalStatus),
  approach: z.string(),
  teamExpertIds: z.array(z.string()),
  resultIds: z.array(z.string()),
  patents: z.string().nullable(),
  priceYuan: z.string(),
  durationMonths: z.number().int(),
  milestones: z.array(z.object({ title: z.string(), amountYuan: z.string(), month: z.number().int() })),
  submittedAt: instantField.nullable(),
  outcomeReason: z.string().nullable().describe('The reason given with the outcome'),
  decidedAt: instantField.nullable(),
  createdAt: instantField,
  updatedAt: instantField,
})

type StoredMilestone = { title: string; amountFen: string; month: number }

export function proposalView(p: Proposal): z.infer<typeof ProposalViewSchema> {
  return {
    id: p.id,
    callId: p.callId,
    status: p.status,
    approach: p.approach,
    teamExpertIds: p.teamExpertIds,
    resultIds: p.resultIds,
    patents: p.patents,
    priceYuan: yuanText(p.priceFen),
    durationMonths: p.durationMonths,
    milestones: (p.milestones as unknown as StoredMilestone[]).map((m) => ({
      title: m.title,
      amountYuan: yuanText(BigInt(m.amountFen)),
      month: m.month,
    })),
    submittedAt: p.submittedAt?.toISOString() ?? null,
    outcomeReason: p.outcomeReason,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }
}

const ProposalFilters = z.object({
  status: ProposalViewSchema.shape.status.optional(),
  callId: z.string().max(40).optional(),
})

/**
 * /api/v1/proposals: the caller institution's own proposals and their outcomes. Evaluators read
 * proposals on the call's pages only, where every view is audited and conflicts are checked.
 */
export const proposalsResource: ReadResource<Proposal, z.infer<typeof ProposalViewSchema>> = {
  path: '/proposals',
  names: { zh: '揭榜方案', en: 'Proposal' },
  readScope: 'calls:read',
  filters: ProposalFilters,
  readableWhere: (caller) => ({ organizationId: caller.organizationId }),
  filterWhere: (f) => {
    const filters = f as z.infer<typeof ProposalFilters>
    return {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.callId ? { callId: filters.callId } : {}),
    }
  },
  findMany: (where, take) =>
    prisma.proposal.findMany({
      where: where as Prisma.ProposalWhereInput,
      orderBy: PAGE_ORDER,
      take,
    }),
  view: proposalView,
}
