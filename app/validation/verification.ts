import { z } from 'zod'
import { EmailSchema, PHONE } from './fields'

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

/** The organization's contact person: who counterparts call once an introduction is accepted. */
export const OrganizationContactSchema = z.object({
  intent: z.literal('contact'),
  contactName: z
    .string({ error: 'errors.contact.name' })
    .trim()
    .min(2, { message: 'errors.contact.name' })
    .max(50, { message: 'errors.contact.name' }),
  contactPhone: z
    .string({ error: 'errors.contact.phone' })
    .trim()
    .transform((v) => v.replace(/\s/g, ''))
    .refine((v) => PHONE.test(v), { message: 'errors.contact.phone' }),
  contactEmail: EmailSchema,
})
