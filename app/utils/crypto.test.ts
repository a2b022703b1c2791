import { describe, expect, it } from 'vitest'
import { randomToken } from './crypto.server'

describe('randomToken', () => {
  it('hands out distinct tokens of the asked length across refills of its pool', () => {
    const tokens = Array.from({ length: 1000 }, () => randomToken())
    expect(new Set(tokens).size).toBe(tokens.length)
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // Sizes that do not divide the pool, and one larger than it.
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(randomToken(24)).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(randomToken(5000)).toHaveLength(6667)
    expect(() => randomToken(-1)).toThrow(RangeError)
    expect(() => randomToken(2.5)).toThrow(RangeError)
  })

  it('draws bytes that look uniform (no zeroed or repeated stretch of the pool)', () => {
    const bytes = Buffer.concat(Array.from({ length: 2000 }, () => Buffer.from(randomToken(16), 'base64url')))
    const counts = new Array<number>(256).fill(0)
    for (const byte of bytes) counts[byte]++
    // 32,000 bytes: 125 expected per value; a zeroed stretch would pile up at 0.
    expect(Math.max(...counts)).toBeLessThan(200)
    expect(Math.min(...counts)).toBeGreaterThan(60)
  })
})
