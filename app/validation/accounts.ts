import { z } from 'zod'
import { BAODI_REGION_CODE } from '~/data/regions'
import { CreditCodeSchema } from './credit-code'
import { EmailSchema, PasswordSchema, RegionCodeSchema, isSingleLine } from './fields'

export const REGISTRABLE_KINDS = ['ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE'] as const

/** Shared by the register form in the browser and the action on the server. */
export const RegistrationSchema = z
  .object({
    kind: z.enum(REGISTRABLE_KINDS, { error: 'errors.kind.required' }),
    organizationName: z
      .string({ error: 'errors.orgName.required' })
      .trim()
      .min(2, { message: 'errors.orgName.short' })
      .max(100, { message: 'errors.orgName.long' })
      .refine(isSingleLine, { message: 'errors.singleLine' }),
    creditCode: CreditCodeSchema,
    regionCode: RegionCodeSchema,
    areaCode: z.string().trim().optional(),
    inDevelopmentZone: z.boolean().default(false),
    name: z
      .string({ error: 'errors.name.required' })
      .trim()
      .min(2, { message: 'errors.name.short' })
      .max(50, { message: 'errors.name.long' })
      .refine(isSingleLine, { message: 'errors.singleLine' }),
    email: EmailSchema,
    password: PasswordSchema,
    confirmPassword: z.string({ error: 'errors.password.confirmRequired' }),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'errors.password.mismatch' })
    }
    if (v.kind === 'ENTERPRISE' && v.regionCode === BAODI_REGION_CODE && !v.areaCode) {
      ctx.addIssue({ code: 'custom', path: ['areaCode'], message: 'errors.area.required' })
    }
  })

export type RegistrationInput = z.infer<typeof RegistrationSchema>

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'errors.password.required' }).min(1, { message: 'errors.password.required' }),
  redirectTo: z.string().optional(),
})

export const StaffAccountSchema = z.object({
  name: z
    .string({ error: 'errors.name.required' })
    .trim()
    .min(2, { message: 'errors.name.short' })
    .max(50)
    .refine(isSingleLine, { message: 'errors.singleLine' }),
  email: EmailSchema,
  password: PasswordSchema,
})
