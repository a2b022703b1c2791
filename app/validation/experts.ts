import { z } from 'zod'
import { ListingStatusSchema } from './listings'
import {
  KeywordListSchema,
  OptionalYuanToFenSchema,
  PHONE,
  blankToUndefined,
  listFromText,
  optionalText,
  isSingleLine,
} from './fields'

export const CONTACT_VISIBILITIES = ['AFTER_INTRODUCTION', 'PUBLIC', 'HIDDEN'] as const

/**
 * An expert's profile: what enterprises search (directions, keywords, fields), what convinces
 * them (achievements) and how to reach the expert once an introduction is accepted.
 */
export const ExpertFormSchema = z
  .object({
    name: z
      .string({ error: 'errors.expert.nameRequired' })
      .trim()
      .min(2, { message: 'errors.expert.nameShort' })
      .max(40, { message: 'errors.expert.nameLong' })
      .refine(isSingleLine, { message: 'errors.singleLine' }),
    title: optionalText(40, 'errors.expert.titleLong'),
    directions: z.preprocess(
      listFromText,
      z
        .array(z.string(), { error: 'errors.expert.directionsRequired' })
        .min(1, { message: 'errors.expert.directionsRequired' })
        .max(8, { message: 'errors.expert.directionsMany' })
        .refine((items) => items.every((d) => d.length <= 30), { message: 'errors.expert.directionLong' }),
    ),
    keywords: KeywordListSchema,
    fieldCodes: z.preprocess(
      (v) => (Array.isArray(v) ? v : v ? [v] : []),
      z.array(z.string().min(1)).max(5, { message: 'errors.expert.fieldsMany' }),
    ),
    bio: optionalText(2000, 'errors.expert.bioLong'),
    achievements: optionalText(4000, 'errors.expert.achievementsLong'),
    email: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ error: 'errors.email.format' }))
        .optional(),
    ),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .refine((v) => PHONE.test(v.replace(/\s/g, '')), { message: 'errors.expert.phone' })
        .optional(),
    ),
    contactVisibility: z
      .enum(CONTACT_VISIBILITIES, { error: 'errors.expert.visibility' })
      .default('AFTER_INTRODUCTION'),
    available: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
    consultationFeeYuan: OptionalYuanToFenSchema,
    consultationMinutes: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'errors.expert.minutes' })
        .int({ message: 'errors.expert.minutes' })
        .min(15, { message: 'errors.expert.minutes' })
        .max(480, { message: 'errors.expert.minutes' })
        .optional(),
    ),
    intent: z.enum(['draft', 'publish']).default('publish'),
  })
  .superRefine((v, ctx) => {
    // A paid consultation needs both its price and its length.
    if ((v.consultationFeeYuan === undefined) !== (v.consultationMinutes === undefined)) {
      const path = v.consultationFeeYuan === undefined ? 'consultationFeeYuan' : 'consultationMinutes'
      ctx.addIssue({ code: 'custom', path: [path], message: 'errors.expert.consultationPair' })
    }
    if (v.contactVisibility !== 'HIDDEN' && !v.email && !v.phone) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'errors.expert.contactRequired' })
    }
  })
export type ExpertFormInput = z.infer<typeof ExpertFormSchema>

/** An expert profile's page: a status button, or the form saved as a draft or published. */
export const ExpertEditActionSchema = z.discriminatedUnion('intent', [ListingStatusSchema, ExpertFormSchema])

/** What the expert's home posts: their call alerts switched on (the box ticked) or off. */
export const ExpertHomeActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('callAlerts'), subscribe: z.literal('on').optional() }),
])
