import { z } from 'zod'

const target = {
  targetKind: z.enum(['expert', 'result'], { error: 'errors.match.target' }),
  targetId: z.string({ error: 'errors.match.target' }).min(1, { message: 'errors.match.target' }).max(40),
  note: z.string().trim().max(500, { message: 'errors.match.note' }).optional(),
}

/**
 * Accept or decline a proposed match (the need page's `feedback` intent); a decline needs one of
 * the structured reasons.
 */
export const MatchFeedbackSchema = z.discriminatedUnion('decision', [
  z.object({ intent: z.literal('feedback'), decision: z.literal('ACCEPTED'), ...target }),
  z.object({
    intent: z.literal('feedback'),
    decision: z.literal('DECLINED'),
    reason: z.enum(['TOO_EARLY', 'BENEFIT_UNCLEAR', 'OUTSIDE_FIELD', 'CAPACITY', 'OTHER'], {
      error: 'errors.match.reason',
    }),
    ...target,
  }),
])
export type MatchFeedback = z.infer<typeof MatchFeedbackSchema>
