import { z } from 'zod'
import { isSingleLine } from './fields'

const registrationNumber = z.string().regex(/^\d{16}$/, { message: 'errors.reconciliation.number' })
const period = {
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce.number().int().min(1).max(12).optional(),
  ),
}

/** The bureau's decisions on the reconciliation page, one `intent` each. */
export const ReconciliationActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept'), registrationNumber }),
  z.object({
    intent: z.literal('flag'),
    registrationNumber,
    note: z
      .string()
      .trim()
      .min(1, { message: 'errors.reconciliation.note' })
      .max(500, { message: 'errors.reconciliation.note' })
      .refine(isSingleLine, { message: 'errors.singleLine' }),
  }),
  z.object({ intent: z.literal('unflag'), registrationNumber }),
  z.object({ intent: z.literal('acceptAll'), ...period }),
])

/** The period in the page's address: a year, optionally one month; malformed values fall back. */
export const ReconciliationPeriodSchema = z.object({
  year: period.year.catch(() => new Date().getUTCFullYear()),
  month: period.month.catch(undefined),
})
