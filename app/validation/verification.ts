import { z } from 'zod'

export const VERIFICATION_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const

const organizationId = z.string().min(1)
/** The state the reviewer saw: a decision on a state that has moved since is refused. */
const seen = z.enum(VERIFICATION_STATES)
const note = z
  .string({ error: 'errors.verification.note' })
  .trim()
  .min(2, { message: 'errors.verification.note' })
  .max(500, { message: 'errors.verification.note' })

/** A reviewer's decision on an organization; rejecting and suspending need a reason. */
export const VerificationDecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), organizationId, seen }),
  z.object({ intent: z.literal('reject'), organizationId, seen, note }),
  z.object({ intent: z.literal('suspend'), organizationId, seen, note }),
  z.object({ intent: z.literal('reinstate'), organizationId, seen }),
])
