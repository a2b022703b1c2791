import { z } from 'zod'
import { YuanToFenSchema, blankToUndefined, optionalText } from './fields'

export const TARGET_METRICS = [
  'CONTRACT_AMOUNT',
  'TECH_AMOUNT',
  'CONTRACT_COUNT',
  'HIGH_TECH_ENTERPRISES',
  'TECH_SMES',
  'EAGLET_ENTERPRISES',
  'GAZELLE_ENTERPRISES',
  'LEADER_ENTERPRISES',
  'RD_INTENSITY',
] as const
export const MONEY_METRICS = ['CONTRACT_AMOUNT', 'TECH_AMOUNT'] as const
/** The date that puts a contract in a target's year: registration (the registry's statistics) or signing. */
export const DATE_BASES = ['REGISTRATION', 'SIGNING'] as const

/**
 * A target: money typed in yuan (stored in fen), counts as whole numbers, R&D intensity in
 * percent; district-wide or for one town/street; with the counting basis and the date basis it is
 * measured on.
 */
export const TargetFormSchema = z
  .object({
    metric: z.enum(TARGET_METRICS, { error: 'errors.target.metric' }),
    year: z.coerce
      .number({ error: 'errors.target.year' })
      .int()
      .min(2000, { message: 'errors.target.year' })
      .max(2100, {
        message: 'errors.target.year',
      }),
    areaId: z.preprocess(blankToUndefined, z.string().optional()),
    amount: z.string({ error: 'errors.target.value' }).trim().min(1, { message: 'errors.target.value' }),
    basis: z.enum(['OUTFLOW', 'INFLOW', 'BOTH']).default('BOTH'),
    dateBasis: z.enum(DATE_BASES).default('REGISTRATION'),
  })
  .transform((v, ctx) => {
    let value: string
    if ((MONEY_METRICS as readonly string[]).includes(v.metric)) {
      const fen = YuanToFenSchema.safeParse(v.amount)
      if (!fen.success) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'errors.money.format' })
        return z.NEVER
      }
      value = fen.data.toString()
    } else if (v.metric === 'RD_INTENSITY') {
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(v.amount)) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'errors.target.percent' })
        return z.NEVER
      }
      value = v.amount
    } else {
      if (!/^\d{1,9}$/.test(v.amount)) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'errors.target.count' })
        return z.NEVER
      }
      value = v.amount
    }
    return { metric: v.metric, year: v.year, areaId: v.areaId, basis: v.basis, dateBasis: v.dateBasis, value }
  })
export type TargetFormInput = z.infer<typeof TargetFormSchema>

/** A KPI entry: a number (in the KPI's unit) and/or a note on progress; one of the two. */
export const KpiValueSchema = z
  .object({
    kpiId: z.string().min(1),
    value: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^-?\d{1,12}(\.\d{1,4})?$/, { message: 'errors.kpi.value' })
        .optional(),
    ),
    note: optionalText(1000, 'errors.kpi.noteLong'),
  })
  .refine((v) => v.value !== undefined || v.note !== undefined, { path: ['value'], message: 'errors.kpi.empty' })
