import { z } from 'zod'
import {
  blankToUndefined,
  EmailSchema,
  isSingleLine,
  listFromText,
  optionalText,
  OptionalYuanToFenSchema,
  YuanToFenSchema,
} from './fields'

/** 揭榜挂帅 calls and proposals. Messages are message-catalog keys the UI translates. */
export const CALL_KINDS = ['UNIVERSITY', 'RESEARCH_INSTITUTE'] as const
export const CALL_REGION_GROUPS = ['BAODI', 'TIANJIN', 'BEIJING', 'HEBEI', 'OTHER'] as const
export const MAX_CRITERIA = 6

/** Reward bands (top of the range, yuan) the call list filters on. */
export const REWARD_BANDS = {
  upTo50w: { lte: 500_000 },
  '50wTo200w': { gte: 500_000, lte: 2_000_000 },
  over200w: { gte: 2_000_000 },
} as const
export const CLOSING_WITHIN_DAYS = ['7', '30'] as const

export const MAX_PROPOSAL_MILESTONES = 12
/** Attachments: PDF, DOCX or XLSX, at most this many per proposal and this large each. */
export const MAX_ATTACHMENTS = 5
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

const line = (min: number, max: number, key: string) =>
  z
    .string({ error: key })
    .trim()
    .min(min, { message: key })
    .max(max, { message: key })
    .refine(isSingleLine, { message: 'errors.singleLine' })
const text = (min: number, max: number, key: string) =>
  z.string({ error: key }).trim().min(min, { message: key }).max(max, { message: key })

const Criterion = z.object({
  name: line(2, 40, 'errors.call.criterionName'),
  weight: z.coerce
    .number({ error: 'errors.call.criterionWeight' })
    .int({ message: 'errors.call.criterionWeight' })
    .min(1, { message: 'errors.call.criterionWeight' })
    .max(100, { message: 'errors.call.criterionWeight' }),
})
export type Criterion = z.infer<typeof Criterion>

/** Criteria rows left blank in the form are dropped before they are checked. */
const dropBlankRows = (v: unknown) =>
  Array.isArray(v)
    ? v.filter(
        (row) =>
          row &&
          typeof row === 'object' &&
          Object.values(row as Record<string, unknown>).some((x) => typeof x === 'string' && x.trim() !== ''),
      )
    : []

const isoDate = z
  .string({ error: 'errors.call.deadline' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'errors.call.deadline' })
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'errors.call.deadline' })
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'errors.call.deadlineTime' })
  .default('17:00')

/** A Beijing date and time ("2027-01-15", "17:00") as the instant it names. */
export const beijingInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`)

/** The terms every call states: reward, deadline, eligibility, weighted criteria, what to submit. */
const callTerms = {
  intent: z.enum(['publish', 'draft']).default('publish'),
  title: line(4, 100, 'errors.call.title'),
  statement: text(20, 4000, 'errors.call.statement'),
  rewardMinYuan: OptionalYuanToFenSchema,
  rewardMaxYuan: YuanToFenSchema.refine((v) => v > 0n, { message: 'errors.call.rewardPositive' }),
  districtFundingYuan: OptionalYuanToFenSchema,
  deadlineDate: isoDate,
  deadlineTime: z.preprocess(blankToUndefined, clockTime),
  eligibleKinds: z.preprocess(listFromText, z.array(z.enum(CALL_KINDS, { error: 'errors.call.kind' }))),
  eligibleRegionGroups: z.preprocess(
    listFromText,
    z.array(z.enum(CALL_REGION_GROUPS, { error: 'errors.call.region' })),
  ),
  criteria: z.preprocess(
    dropBlankRows,
    z
      .array(Criterion)
      .min(1, { message: 'errors.call.criteriaMissing' })
      .max(MAX_CRITERIA, { message: 'errors.call.criteriaMissing' }),
  ),
  requirements: text(4, 2000, 'errors.call.requirements'),
}

function checkTerms(v: { rewardMinYuan?: bigint; rewardMaxYuan: bigint; criteria: Criterion[] }, ctx: z.RefinementCtx) {
  if (v.rewardMinYuan !== undefined && v.rewardMinYuan > v.rewardMaxYuan) {
    ctx.addIssue({ code: 'custom', path: ['rewardMinYuan'], message: 'errors.call.rewardOrder' })
  }
  if (v.criteria.reduce((s, c) => s + c.weight, 0) !== 100) {
    ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'errors.call.criteriaSum' })
  }
  if (new Set(v.criteria.map((c) => c.name)).size !== v.criteria.length) {
    ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'errors.call.criteriaDuplicate' })
  }
}

export const CallFormSchema = z
  .object({
    ...callTerms,
    needId: z.string({ error: 'errors.call.need' }).min(1, { message: 'errors.call.need' }),
    confidentialDetail: optionalText(4000, 'errors.call.confidentialLong'),
  })
  .superRefine(checkTerms)
export type CallFormInput = z.infer<typeof CallFormSchema>

/** A bundle holds from two to this many needs of one campaign. */
export const MAX_BUNDLE_NEEDS = 20

/**
 * 联合榜单: the bureau publishes several needs of a campaign as one call. The title and statement
 * introduce the list; each need becomes an item with the shared terms (reward and district funding
 * per item), its own title and public statement taken from the need.
 */
export const BundleFormSchema = z
  .object({
    ...callTerms,
    needIds: z.preprocess(
      (v) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []),
      z
        .array(z.string().min(1))
        .min(2, { message: 'errors.call.bundleNeeds' })
        .max(MAX_BUNDLE_NEEDS, { message: 'errors.call.bundleNeeds' }),
    ),
  })
  .superRefine(checkTerms)
export type BundleFormInput = z.infer<typeof BundleFormSchema>

const ProposalMilestone = z.object({
  title: line(1, 100, 'errors.proposal.milestoneTitle'),
  amountYuan: YuanToFenSchema.refine((v) => v > 0n, { message: 'errors.proposal.milestoneAmount' }),
  month: z.coerce
    .number({ error: 'errors.proposal.milestoneMonth' })
    .int({ message: 'errors.proposal.milestoneMonth' })
    .min(1, { message: 'errors.proposal.milestoneMonth' })
    .max(120, { message: 'errors.proposal.milestoneMonth' }),
})

const idList = z.preprocess(listFromText, z.array(z.string().min(1)).max(50))

/** A proposal as saved (a draft) or submitted; milestones add up to the price. */
export const ProposalFormSchema = z
  .object({
    intent: z.enum(['save', 'submit']),
    approach: text(20, 8000, 'errors.proposal.approach'),
    teamExpertIds: idList,
    resultIds: idList,
    patents: optionalText(2000, 'errors.proposal.patentsLong'),
    priceYuan: YuanToFenSchema.refine((v) => v > 0n, { message: 'errors.proposal.pricePositive' }),
    durationMonths: z.coerce
      .number({ error: 'errors.proposal.duration' })
      .int({ message: 'errors.proposal.duration' })
      .min(1, { message: 'errors.proposal.duration' })
      .max(120, { message: 'errors.proposal.duration' }),
    milestones: z.preprocess(
      dropBlankRows,
      z
        .array(ProposalMilestone)
        .min(1, { message: 'errors.proposal.milestonesMissing' })
        .max(MAX_PROPOSAL_MILESTONES, { message: 'errors.proposal.milestonesMissing' }),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.milestones.reduce((s, m) => s + m.amountYuan, 0n) !== v.priceYuan) {
      ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'errors.proposal.milestoneSum' })
    }
    if (v.milestones.some((m) => m.month > v.durationMonths)) {
      ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'errors.proposal.milestoneAfterEnd' })
    }
  })
export type ProposalFormInput = z.infer<typeof ProposalFormSchema>

const reason = (key: string) => text(4, 500, key)

/** What the call page posts besides a proposal form: one intent each. */
/** A call's status through the API: publish a draft, or cancel with a reason (as on its page). */
export const CallTransitionSchema = z.discriminatedUnion('transition', [
  z.object({ transition: z.literal('publish') }),
  z.object({ transition: z.literal('cancel'), reason: reason('errors.call.reason') }),
])

export const CallActionSchema = z.discriminatedUnion('intent', [
  ProposalFormSchema,
  z.object({ intent: z.literal('publish') }),
  z.object({ intent: z.literal('withdraw') }),
  z.object({ intent: z.literal('askOffice'), note: optionalText(500, 'errors.call.noteLong') }),
  z.object({ intent: z.literal('deleteAttachment'), attachmentId: z.string().min(1) }),
  z.object({ intent: z.literal('cancel'), reason: reason('errors.call.reason') }),
  z.object({
    intent: z.literal('invite'),
    email: EmailSchema,
  }),
  z.object({
    intent: z.literal('declare'),
    declaration: reason('errors.call.declaration'),
    noConflict: z.literal('on', { error: 'errors.call.noConflict' }),
  }),
  z.object({ intent: z.literal('shortlist'), proposalId: z.string().min(1) }),
  z.object({
    intent: z.literal('award'),
    awardedIds: z.preprocess(listFromText, z.array(z.string().min(1)).min(1, { message: 'errors.call.awardNone' })),
    note: reason('errors.call.reason'),
    reasons: z.record(z.string(), z.string().trim().max(500)).default({}),
  }),
  z.object({ intent: z.literal('close'), note: reason('errors.call.reason') }),
])
export type CallAction = z.infer<typeof CallActionSchema>

/** A reviewer's scores of a proposal (0–10 per criterion, in the call's order) and a question thread. */
export const ProposalActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('score'),
    scores: z.array(
      z.coerce
        .number({ error: 'errors.proposal.score' })
        .int({ message: 'errors.proposal.score' })
        .min(0, { message: 'errors.proposal.score' })
        .max(10, { message: 'errors.proposal.score' }),
    ),
    comment: optionalText(2000, 'errors.proposal.commentLong'),
  }),
  z.object({ intent: z.literal('message'), body: text(1, 2000, 'errors.proposal.message') }),
])
export type ProposalAction = z.infer<typeof ProposalActionSchema>
