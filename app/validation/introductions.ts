import { z } from 'zod'

export const DECLINE_REASONS = ['TOO_EARLY', 'BENEFIT_UNCLEAR', 'OUTSIDE_FIELD', 'CAPACITY', 'OTHER'] as const

export const IntroRequestSchema = z.object({
  targetKind: z.enum(['expert', 'result'], { error: 'errors.match.target' }),
  targetId: z.string({ error: 'errors.match.target' }).min(1, { message: 'errors.match.target' }).max(40),
  message: z
    .string({ error: 'errors.intro.messageRequired' })
    .trim()
    .min(10, { message: 'errors.intro.messageShort' })
    .max(1000, { message: 'errors.intro.messageLong' }),
})

/** An introduction to every member of a proposed expert group (2 to 5 experts). */
export const GroupIntroRequestSchema = z.object({
  expertIds: z
    .array(z.string().min(1).max(40), { error: 'errors.match.target' })
    .min(2, { message: 'errors.match.target' })
    .max(5, { message: 'errors.match.target' }),
  message: IntroRequestSchema.shape.message,
})

/** Accept, or decline with one of the structured reasons (and a note, required for "other"). */
export const IntroResponseSchema = z.discriminatedUnion('decision', [
  z.object({
    intent: z.literal('respond'),
    decision: z.literal('ACCEPTED'),
    note: z.string().trim().max(500, { message: 'errors.intro.noteLong' }).optional(),
  }),
  z
    .object({
      intent: z.literal('respond'),
      decision: z.literal('DECLINED'),
      reason: z.enum(DECLINE_REASONS, { error: 'errors.intro.reason' }),
      note: z.string().trim().max(500, { message: 'errors.intro.noteLong' }).optional(),
    })
    .refine((v) => v.reason !== 'OTHER' || Boolean(v.note), { path: ['note'], message: 'errors.intro.noteForOther' }),
])

export const IntroMessageSchema = z.object({
  intent: z.literal('message'),
  body: z
    .string({ error: 'errors.intro.bodyRequired' })
    .trim()
    .min(1, { message: 'errors.intro.bodyRequired' })
    .max(2000, { message: 'errors.intro.bodyLong' }),
})

/** What the two organizations do on an introduction's page: answer it, or write in its thread. */
export const IntroductionActionSchema = z.discriminatedUnion('intent', [IntroResponseSchema, IntroMessageSchema])

/** "请求对接" from a result's or an expert's page: the enterprise names the need it concerns. */
export const ListingIntroRequestSchema = z.object({
  needId: z.string({ error: 'errors.intro.needRequired' }).min(1, { message: 'errors.intro.needRequired' }).max(40),
  message: IntroRequestSchema.shape.message,
})

/** "我们可以解决": an office offers one of its results for an enterprise's need. */
export const OfferSchema = z.object({
  needId: z.string().min(1).max(40),
  message: IntroRequestSchema.shape.message,
})
