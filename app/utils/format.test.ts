import { describe, expect, it } from 'vitest'
import { formatFen, moneyDisplay, yuanNumber, yuanText } from './format'

describe('money formatting', () => {
  it('writes exact yuan for forms and files', () => {
    expect(yuanText(500000n)).toBe('5000')
    expect(yuanText(123450n)).toBe('1234.5')
    expect(yuanText(123456n)).toBe('1234.56')
    expect(yuanText(5n)).toBe('0.05')
    expect(yuanText(-250n)).toBe('-2.5')
    expect(yuanText(180_000_000_000n)).toBe('1800000000')
    expect(yuanNumber(123456n)).toBe(1234.56)
  })

  it('groups with two decimals, and reads 万元 from 10,000 yuan in Chinese', () => {
    expect(formatFen(-123456n)).toBe('-1,234.56')
    expect(moneyDisplay(50_000n, 'zh')).toEqual({ unit: 'yuan', value: '500.00' })
    expect(moneyDisplay(123_456_789n, 'zh')).toEqual({ unit: 'wan', value: '123.46' })
    expect(moneyDisplay(123_456_789n, 'en')).toEqual({ unit: 'yuan', value: '1,234,568' })
  })
})
