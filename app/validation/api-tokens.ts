import { isSingleLine } from './fields'
import { z } from 'zod'

export const TokenNameSchema = z.object({
  name: z
    .string({ error: 'errors.token.name' })
    .trim()
    .min(1, { message: 'errors.token.name' })
    .max(80, { message: 'errors.token.name' })
    .refine(isSingleLine, { message: 'errors.singleLine' }),
})
