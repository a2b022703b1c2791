import { z } from 'zod'

/** GB 32100-2015 unified social credit code: 18 characters, the last a mod-31 check character. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/

export function creditCodeCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i]
  return CHARSET[(31 - (sum % 31)) % 31]
}

export function isValidCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17]
}

/** Messages are catalog keys; the UI translates them. */
export const CreditCodeSchema = z
  .string({ error: 'errors.creditCode.required' })
  .trim()
  .toUpperCase()
  .refine((v) => v.length === 18, { message: 'errors.creditCode.length' })
  .refine((v) => SHAPE.test(v), { message: 'errors.creditCode.format' })
  .refine((v) => isValidCreditCode(v), { message: 'errors.creditCode.checksum' })
