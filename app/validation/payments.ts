import { z } from 'zod'
import { YuanToFenSchema } from './fields'

const reference = z
  .string({ error: 'errors.payment.reference' })
  .trim()
  .min(4, { message: 'errors.payment.reference' })
  .max(100, { message: 'errors.payment.reference' })

/** What a party may do about a contract's money, from its page, one `intent` each. */
export const PaymentActionSchema = z.discriminatedUnion('intent', [
  // The buyer's 已汇款: the bank reference and the date on the slip (not in the future).
  z.object({
    intent: z.literal('remit'),
    milestoneId: z.string().min(1),
    reference,
    remittedOn: z
      .string({ error: 'errors.payment.remittedOn' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'errors.payment.remittedOn' })
      .transform((v) => new Date(`${v}T00:00:00Z`))
      .refine((d) => !Number.isNaN(d.getTime()) && d.getTime() <= Date.now() + 86_400_000, {
        message: 'errors.payment.remittedOn',
      }),
  }),
  z.object({ intent: z.literal('request'), milestoneId: z.string().min(1) }),
  z.object({ intent: z.literal('checkout'), milestoneId: z.string().min(1) }),
  z.object({
    intent: z.literal('bankTransfer'),
    milestoneId: z.string().min(1),
    reference,
  }),
  z.object({
    intent: z.literal('refund'),
    paymentId: z.string().min(1),
    amountYuan: YuanToFenSchema.refine((v) => v > 0n, { message: 'errors.payment.refundTooLarge' }),
  }),
])

/** Whether a posted intent is one of the payment actions (their errors show beside the milestones). */
export const isPaymentIntent = (intent: unknown) =>
  PaymentActionSchema.options.some((o) => o.shape.intent.value === intent)
