import { z } from 'zod'
import { CreditCodeSchema } from './credit-code'
import { EmailSchema, PHONE, isSingleLine } from './fields'

export const VERIFICATION_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED', 'MERGED'] as const

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
  // A duplicate merged into the organization with this unified social credit code.
  z.object({ intent: z.literal('merge'), organizationId, seen, targetCreditCode: CreditCodeSchema }),
])

/** The organization's contact person: who counterparts call once an introduction is accepted. */
export const OrganizationContactSchema = z.object({
  intent: z.literal('contact'),
  contactName: z
    .string({ error: 'errors.contact.name' })
    .trim()
    .min(2, { message: 'errors.contact.name' })
    .max(50, { message: 'errors.contact.name' })
    .refine(isSingleLine, { message: 'errors.singleLine' }),
  contactPhone: z
    .string({ error: 'errors.contact.phone' })
    .trim()
    .transform((v) => v.replace(/\s/g, ''))
    .refine((v) => PHONE.test(v), { message: 'errors.contact.phone' }),
  contactEmail: EmailSchema,
})

/** The organization's receiving account for offline payments (对公账户). */
export const BankAccountSchema = z.object({
  intent: z.literal('bank'),
  bankAccountName: z
    .string({ error: 'errors.bank.accountName' })
    .trim()
    .min(2, { message: 'errors.bank.accountName' })
    .max(100, { message: 'errors.bank.accountName' }),
  bankName: z
    .string({ error: 'errors.bank.bankName' })
    .trim()
    .min(4, { message: 'errors.bank.bankName' })
    .max(100, { message: 'errors.bank.bankName' }),
  bankAccountNumber: z
    .string({ error: 'errors.bank.accountNumber' })
    .transform((v) => v.replace(/[\s-]/g, ''))
    .refine((v) => /^\d{8,30}$/.test(v), { message: 'errors.bank.accountNumber' }),
})

/** The organization's settings page: its contact person or its receiving account, one `intent` each. */
export const OrganizationProfileActionSchema = z.discriminatedUnion('intent', [
  OrganizationContactSchema,
  BankAccountSchema,
])
