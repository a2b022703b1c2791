import { describe, expect, it } from 'vitest'
import { PasswordSchema, RegionCodeSchema, YuanToFenSchema } from './fields'
import { formatFen } from '~/utils/format'
import { NeedFormSchema } from './needs'
import { regionGroup } from '~/data/regions'

describe('shared field schemas', () => {
  it('turns typed yuan into exact fen', () => {
    expect(YuanToFenSchema.parse('1,234.56')).toBe(123456n)
    expect(YuanToFenSchema.parse('0.1')).toBe(10n)
    expect(YuanToFenSchema.parse('1800000000')).toBe(180000000000n)
    expect(YuanToFenSchema.safeParse('1.234').success).toBe(false)
  })

  it('formats fen without floating point', () => {
    expect(formatFen(123456n)).toBe('1,234.56')
    expect(formatFen(5n)).toBe('0.05')
  })

  it('validates GB/T 2260 region codes', () => {
    expect(RegionCodeSchema.parse('120115')).toBe('120115')
    expect(RegionCodeSchema.safeParse('12011').error?.issues[0].message).toBe('errors.region.format')
    expect(RegionCodeSchema.safeParse('990000').error?.issues[0].message).toBe('errors.region.unknown')
  })

  it('groups counterpart regions as the plan asks', () => {
    expect(regionGroup('120115')).toBe('BAODI')
    expect(regionGroup('110108')).toBe('BEIJING')
    expect(regionGroup('120104')).toBe('TIANJIN')
    expect(regionGroup('130602')).toBe('HEBEI')
    expect(regionGroup('310101')).toBe('OTHER')
  })

  it('rejects weak passwords with a specific reason', () => {
    expect(PasswordSchema.safeParse('short1').error?.issues[0].message).toBe('errors.password.short')
    expect(PasswordSchema.safeParse('onlyletterslong').error?.issues[0].message).toBe('errors.password.mix')
    expect(PasswordSchema.safeParse('password123').error?.issues[0].message).toBe('errors.password.common')
    expect(PasswordSchema.safeParse('Baodi2026demo').success).toBe(true)
  })

  it('keeps titles and names to one line: a line break or control character is refused by name', () => {
    const need = (title: string) =>
      NeedFormSchema.safeParse({ title, summary: '需要一套在线检测焊缝质量的方案，精度 0.1 mm。', fieldCode: 'EI.AI' })
    const messages = (title: string) => need(title).error?.issues.map((i) => i.message) ?? []
    expect(messages('焊缝在线\n检测')).toContain('errors.singleLine')
    expect(messages('焊缝在线\u0007检测')).toContain('errors.singleLine')
    expect(messages('焊缝在线检测')).not.toContain('errors.singleLine')
  })
})
