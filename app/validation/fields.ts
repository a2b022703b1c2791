import { z } from 'zod'
import { PROVINCES } from '~/data/regions'

/** Shared field schemas; messages are message-catalog keys the UI translates. */
export const RegionCodeSchema = z
  .string({ error: 'errors.region.required' })
  .trim()
  .regex(/^[0-9]{6}$/, { message: 'errors.region.format' })
  .refine((v) => v.slice(0, 2) in PROVINCES, { message: 'errors.region.unknown' })

export const EmailSchema = z
  .string({ error: 'errors.email.required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'errors.email.format' }))

const COMMON_PASSWORDS = new Set([
  'password123',
  '1234567890',
  '12345678910',
  'qwerty12345',
  'abc1234567',
  'admin12345',
  'woaini1314',
  'a123456789',
  'password1234',
  '1qaz2wsx3edc',
  'iloveyou123',
])

export const PasswordSchema = z
  .string({ error: 'errors.password.required' })
  .min(10, { message: 'errors.password.short' })
  .max(128, { message: 'errors.password.long' })
  .refine((v) => /[A-Za-z]/.test(v) && /[0-9]/.test(v), { message: 'errors.password.mix' })
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase()), { message: 'errors.password.common' })

/** Money in yuan as typed by a person ("12.5", "1,200") → integer fen, exact. */
export const YuanToFenSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[,，\s]/g, ''))
  .refine((v) => /^\d{1,13}(\.\d{1,2})?$/.test(v), { message: 'errors.money.format' })
  .transform((v) => {
    const [whole, frac = ''] = v.split('.')
    return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'))
  })

/** A one-line field (a title, a name): no line breaks or other control characters. */
export const isSingleLine = (v: string) => !/[\u0000-\u001f\u007f]/.test(v)

/** An empty form field means "not given". */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** Free text that may be left empty, with a length limit. */
export const optionalText = (max: number, key: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, { message: key }).optional())

/** "锂电池、正极材料, 包覆" (or an array) → distinct, trimmed items. */
export function listFromText(v: unknown): unknown {
  if (typeof v === 'string')
    return [
      ...new Set(
        v
          .split(/[、，,;；\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ]
  return Array.isArray(v) ? v : []
}

export const OptionalYuanToFenSchema = z.preprocess(blankToUndefined, YuanToFenSchema.optional())

/** Up to 10 keywords of at most 20 characters, checked on the whole list so the message lands on the field. */
export const KeywordListSchema = z.preprocess(
  listFromText,
  z
    .array(z.string())
    .max(10, { message: 'errors.need.keywordsMany' })
    .refine((items) => items.every((k) => k.length <= 20), { message: 'errors.need.keywordLong' }),
)

/** Mainland mobile or landline numbers as people write them: 13812345678, 022-12345678, +86 … */
export const PHONE = /^(\+?86[-\s]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/
