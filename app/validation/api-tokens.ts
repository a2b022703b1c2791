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

/** The tokens page: issue a token under a name, or revoke one. */
export const ApiTokenActionSchema = z.discriminatedUnion('intent', [
  TokenNameSchema.extend({ intent: z.literal('create') }),
  z.object({ intent: z.literal('revoke'), tokenId: z.string().min(1) }),
])
