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
