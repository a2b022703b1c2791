import { z } from 'zod'
import { KeywordListSchema, OptionalYuanToFenSchema, blankToUndefined, optionalText, isSingleLine } from './fields'
import { GroupIntroRequestSchema, IntroRequestSchema } from './introductions'
import { MatchFeedbackSchema } from './matching'
import { beijingToday } from '~/utils/time'

export const COOPERATION_MODES = ['DEVELOPMENT', 'TRANSFER', 'LICENSE', 'CONSULTING', 'SERVICE', 'EQUITY'] as const
export const MATURITY_STAGES = ['LAB', 'SMALL_PILOT', 'PILOT', 'INDUSTRIAL'] as const

/**
 * The guided need form, shared by the browser and the server. The public teaser (`summary`) is
 * what everyone sees once published; `confidentialDetail` only parties the enterprise accepts.
 */
export const NeedFormSchema = z
  .object({
    title: z
      .string({ error: 'errors.need.titleRequired' })
      .trim()
      .min(4, { message: 'errors.need.titleShort' })
      .max(80, { message: 'errors.need.titleLong' })
      .refine(isSingleLine, { message: 'errors.singleLine' }),
    summary: z
      .string({ error: 'errors.need.summaryRequired' })
      .trim()
      .min(20, { message: 'errors.need.summaryShort' })
      .max(2000, { message: 'errors.need.summaryLong' }),
    confidentialDetail: optionalText(4000, 'errors.need.detailLong'),
    triedApproaches: optionalText(2000, 'errors.need.triedLong'),
    fieldCode: z.string({ error: 'errors.need.fieldRequired' }).min(1, { message: 'errors.need.fieldRequired' }),
    keywords: KeywordListSchema,
    budgetMinYuan: OptionalYuanToFenSchema,
    budgetMaxYuan: OptionalYuanToFenSchema,
    deadline: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'errors.need.deadlineFormat' })
        .optional(),
    ),
    cooperationModes: z
      .array(z.enum(COOPERATION_MODES), { error: 'errors.need.modesRequired' })
      .min(1, { message: 'errors.need.modesRequired' }),
    wantedStage: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(MATURITY_STAGES, { error: 'errors.need.stage' }).optional(),
    ),
    campaignId: z.preprocess(blankToUndefined, z.string().optional()),
    intent: z.enum(['draft', 'publish']).default('draft'),
  })
  .superRefine((v, ctx) => {
    if (v.budgetMinYuan !== undefined && v.budgetMaxYuan !== undefined && v.budgetMinYuan > v.budgetMaxYuan) {
      ctx.addIssue({ code: 'custom', path: ['budgetMaxYuan'], message: 'errors.need.budgetOrder' })
    }
    if (v.deadline && v.deadline < beijingToday()) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'errors.need.deadlinePast' })
    }
  })
export type NeedFormInput = z.infer<typeof NeedFormSchema>

/** A status button on the need's page: publish, close or reopen (app/models/needs.server.ts). */
export const NeedStatusSchema = z.object({
  intent: z.literal('changeStatus'),
  transition: z.enum(['publish', 'close', 'reopen']),
})

/** What the need's enterprise does on its page, one `intent` each. */
export const NeedPageActionSchema = z.discriminatedUnion('intent', [
  NeedStatusSchema,
  // Still current: the answer to a freshness reminder (app/models/freshness.server.ts).
  z.object({ intent: z.literal('confirm') }),
  IntroRequestSchema.extend({ intent: z.literal('introduce') }),
  GroupIntroRequestSchema.extend({ intent: z.literal('introduceGroup') }),
  MatchFeedbackSchema,
])
export type NeedPageAction = z.infer<typeof NeedPageActionSchema>
