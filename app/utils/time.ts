import { beijingDate } from './format'

/**
 * Clock arithmetic in Beijing time (Asia/Shanghai, UTC+8 all year). How instants and dates read
 * on pages and in files is `format.ts`.
 */
/** Beijing is UTC+8 all year (no daylight saving): its midnight is 16:00 UTC the day before. */
export const BEIJING_OFFSET_MS = 8 * 3_600_000

/** Today in Beijing, "YYYY-MM-DD" (before 08:00 Beijing time it is already a day ahead of UTC). */
export function beijingToday(now = new Date()): string {
  return beijingDate(now)
}

/** Today in Beijing as a calendar-date value (00:00 UTC of that day), for `@db.Date` columns. */
export function beijingTodayAsDate(now = new Date()): Date {
  return new Date(`${beijingToday(now)}T00:00:00Z`)
}
