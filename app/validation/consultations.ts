import { z } from 'zod'

/**
 * A booking: the start as the browser's datetime-local gives it, read as Beijing time, and what
 * the enterprise wants to discuss.
 */
export const BookingSchema = z.object({
  startsAt: z
    .string({ error: 'errors.consultation.startsAt' })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'errors.consultation.startsAt' })
    .transform((v) => new Date(`${v}:00+08:00`))
    .refine((d) => !Number.isNaN(d.getTime()), { message: 'errors.consultation.startsAt' }),
  topic: z
    .string({ error: 'errors.consultation.topic' })
    .trim()
    .min(4, { message: 'errors.consultation.topic' })
    .max(200, { message: 'errors.consultation.topic' }),
})
