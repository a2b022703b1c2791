import { isSingleLine } from './fields'
import { z } from 'zod'

/** What an API token may do. `:write` creates, updates and changes status; `:read` lists and reads. */
export const API_SCOPES = [
  'needs:read',
  'needs:write',
  'results:read',
  'results:write',
  'experts:read',
  'experts:write',
  'introductions:read',
  'introductions:write',
  'contracts:read',
  'contracts:write',
  'payments:read',
  'calls:read',
  'calls:write',
  'proposals:write',
] as const
export type ApiScope = (typeof API_SCOPES)[number]

const LISTINGS_READ = ['needs:read', 'results:read', 'experts:read', 'calls:read'] as const
const PARTY = [
  'introductions:read',
  'introductions:write',
  'contracts:read',
  'contracts:write',
  'payments:read',
] as const

/**
 * The scopes an organization of each kind may grant: each writes only its own kind of listing;
 * enterprises (and the bureau, for campaign needs) publish calls, institutions answer them with
 * proposals; parties read and answer their introductions and contracts; the bureau reads every
 * contract and registers them.
 */
export const GRANTABLE_SCOPES: Record<string, readonly ApiScope[]> = {
  ENTERPRISE: [...LISTINGS_READ, 'needs:write', 'calls:write', ...PARTY],
  UNIVERSITY: [...LISTINGS_READ, 'results:write', 'experts:write', 'proposals:write', ...PARTY],
  RESEARCH_INSTITUTE: [...LISTINGS_READ, 'results:write', 'experts:write', 'proposals:write', ...PARTY],
  SERVICE_AGENCY: [...LISTINGS_READ, ...PARTY],
  BUREAU: [...LISTINGS_READ, 'calls:write', 'contracts:read', 'contracts:write', 'payments:read'],
}

/** Lifetimes offered when a token is issued, in days; 0 = until revoked. */
export const TOKEN_LIFETIMES = ['30', '90', '365', '0'] as const

export const TokenNameSchema = z.object({
  name: z
    .string({ error: 'errors.token.name' })
    .trim()
    .min(1, { message: 'errors.token.name' })
    .max(80, { message: 'errors.token.name' })
    .refine(isSingleLine, { message: 'errors.singleLine' }),
})

const TokenCreateSchema = TokenNameSchema.extend({
  intent: z.literal('create'),
  scopes: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []),
    z.array(z.enum(API_SCOPES, { error: 'errors.token.scope' })).min(1, { message: 'errors.token.scopes' }),
  ),
  lifetimeDays: z.enum(TOKEN_LIFETIMES, { error: 'errors.token.lifetime' }).default('90'),
})
export type TokenCreateInput = z.infer<typeof TokenCreateSchema>

/** The tokens page: issue a token under a name with its scopes and lifetime, or revoke one. */
export const ApiTokenActionSchema = z.discriminatedUnion('intent', [
  TokenCreateSchema,
  z.object({ intent: z.literal('revoke'), tokenId: z.string().min(1) }),
])
