import { z } from 'zod'
import { ListingStatusSchema } from './listings'
import { KeywordListSchema, OptionalYuanToFenSchema, blankToUndefined, listFromText, isSingleLine } from './fields'
import { COOPERATION_MODES, MATURITY_STAGES } from './needs'

/** Chinese patent numbers as written: ZL201810000000.1, CN201810000000.X, 200810000000.1 or 8-digit older ones. */
export const PATENT_NUMBER = /^(ZL|CN)?\s?(\d{8}|\d{12})\.?[\dX]$/i

export const IP_TYPES = [
  'INVENTION_PATENT',
  'UTILITY_MODEL',
  'DESIGN_PATENT',
  'SOFTWARE_COPYRIGHT',
  'IC_LAYOUT',
  'PLANT_VARIETY',
  'NEW_DRUG',
  'TECHNICAL_SECRET',
  'OTHER',
  'NONE',
] as const

/** The result listing form, shared by browser and server. */
export const ResultFormSchema = z
  .object({
    title: z
      .string({ error: 'errors.result.titleRequired' })
      .trim()
      .min(4, { message: 'errors.result.titleShort' })
      .max(100, { message: 'errors.result.titleLong' })
      .refine(isSingleLine, { message: 'errors.singleLine' }),
    abstract: z
      .string({ error: 'errors.result.abstractRequired' })
      .trim()
      .min(20, { message: 'errors.result.abstractShort' })
      .max(8000, { message: 'errors.result.abstractLong' }),
    fieldCode: z.string({ error: 'errors.need.fieldRequired' }).min(1, { message: 'errors.need.fieldRequired' }),
    keywords: KeywordListSchema,
    stage: z.preprocess(blankToUndefined, z.enum(MATURITY_STAGES).optional()),
    trl: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'errors.result.trl' })
        .int({ message: 'errors.result.trl' })
        .min(1, { message: 'errors.result.trl' })
        .max(9, { message: 'errors.result.trl' })
        .optional(),
    ),
    ipType: z.enum(IP_TYPES, { error: 'errors.result.ipType' }).default('NONE'),
    patentNumbers: z.preprocess(
      listFromText,
      z
        .array(z.string())
        .max(30, { message: 'errors.result.patentsMany' })
        // Checked on the whole list, so the message lands on the field people typed into.
        .refine((items) => items.every((n) => PATENT_NUMBER.test(n)), { message: 'errors.result.patentNumber' }),
    ),
    transferModes: z
      .array(z.enum(COOPERATION_MODES), { error: 'errors.result.modesRequired' })
      .min(1, { message: 'errors.result.modesRequired' }),
    priceMinYuan: OptionalYuanToFenSchema,
    priceMaxYuan: OptionalYuanToFenSchema,
    expertIds: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.string().min(1)).max(20)),
    intent: z.enum(['draft', 'publish']).default('draft'),
  })
  .superRefine((v, ctx) => {
    if (v.priceMinYuan !== undefined && v.priceMaxYuan !== undefined && v.priceMinYuan > v.priceMaxYuan) {
      ctx.addIssue({ code: 'custom', path: ['priceMaxYuan'], message: 'errors.result.priceOrder' })
    }
    if (v.patentNumbers.length && v.ipType === 'NONE') {
      ctx.addIssue({ code: 'custom', path: ['ipType'], message: 'errors.result.ipTypeForPatents' })
    }
  })
export type ResultFormInput = z.infer<typeof ResultFormSchema>

/** A result's edit page: a status button, or the form saved as a draft or published. */
export const ResultEditActionSchema = z.discriminatedUnion('intent', [ListingStatusSchema, ResultFormSchema])
