import { z } from 'zod'
import { YuanToFenSchema } from './fields'

/** What a party may do about a contract's money, from its page. */
export const PaymentActionSchema = z.discriminatedUnion('payment', [
  z.object({ payment: z.literal('request'), milestoneId: z.string().min(1) }),
  z.object({ payment: z.literal('checkout'), milestoneId: z.string().min(1) }),
  z.object({
    payment: z.literal('bankTransfer'),
    milestoneId: z.string().min(1),
    reference: z
      .string({ error: 'errors.payment.reference' })
      .trim()
      .min(4, { message: 'errors.payment.reference' })
      .max(100, { message: 'errors.payment.reference' }),
  }),
  z.object({
    payment: z.literal('refund'),
    paymentId: z.string().min(1),
    amountYuan: YuanToFenSchema.refine((v) => v > 0n, { message: 'errors.payment.refundTooLarge' }),
  }),
])
