import { describe, expect, it } from 'vitest'
import { CreditCodeSchema, creditCodeCheckChar, isValidCreditCode } from './credit-code'

describe('unified social credit code', () => {
  it('accepts the example code printed in GB 32100-2015', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true)
  })

  it('rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false)
  })

  it('rejects letters the standard excludes (I, O, Z, S, V)', () => {
    expect(isValidCreditCode('9135010OM000100Y43')).toBe(false)
  })

  it('computes the check character that completes a code', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
  })

  it('names the exact problem as a message key', () => {
    expect(CreditCodeSchema.safeParse('123').error?.issues[0].message).toBe('errors.creditCode.length')
    expect(CreditCodeSchema.safeParse('91350100M000100Y44').error?.issues[0].message).toBe('errors.creditCode.checksum')
    expect(CreditCodeSchema.safeParse('91350100m000100y43').data).toBe('91350100M000100Y43')
  })
})
