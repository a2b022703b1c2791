import { creditCodeCheckChar } from '../../app/validation/credit-code'
import { INSTITUTIONS } from './reference'

/** A well-formed credit code for demo data, the same on every run (valid check character). */
export function demoCreditCode(prefix: string, region: string, serial: number) {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let body = ''
  let n = serial * 7919 + 104729
  for (let i = 0; i < 9; i++) {
    body += charset[n % 31]
    n = Math.floor(n / 31) + i * 13
  }
  const first17 = `${prefix}${region}${body}`
  return first17 + creditCodeCheckChar(first17)
}

/** The demo credit code of the i-th reference institution (or of the one with this name). */
export function institutionCreditCode(which: number | string) {
  const i = typeof which === 'number' ? which : INSTITUTIONS.findIndex((inst) => inst.name === which)
  if (i < 0) throw new Error(`no reference institution ${which}`)
  return demoCreditCode('12', INSTITUTIONS[i].regionCode, 100 + i)
}

/**
 * A fixed, valid credit code for an organization a demo or test file names by name only: a
 * reference institution's demo code, or one derived from the name (imports link and create
 * organizations by credit code only).
 */
export function organizationCreditCode(name: string) {
  if (INSTITUTIONS.some((i) => i.name === name)) return institutionCreditCode(name)
  let serial = 0
  for (const ch of name) serial = (serial * 31 + ch.codePointAt(0)!) % 900_000
  return demoCreditCode('91', '120115', 5000 + serial)
}
