import { describe, expect, it } from 'vitest'
import { beijingDate, beijingDateTime, calendarDate } from './format'
import { beijingToday, beijingTodayAsDate } from './time'

describe('Beijing time', () => {
  it('shows an instant in Beijing time, which can be the next day', () => {
    const instant = new Date('2026-11-30T19:38:00Z')
    expect(beijingDateTime(instant)).toBe('2026-12-01 03:38')
    expect(beijingDate(instant)).toBe('2026-12-01')
    expect(beijingToday(instant)).toBe('2026-12-01')
    expect(beijingTodayAsDate(instant).toISOString()).toBe('2026-12-01T00:00:00.000Z')
  })

  it('shows a calendar date as stored', () => {
    expect(calendarDate(new Date('2026-12-31T00:00:00Z'))).toBe('2026-12-31')
  })
})
