/**
 * Time as people here read it. Instants are stored in UTC and shown in Beijing time
 * (Asia/Shanghai, no daylight saving). Calendar dates (`@db.Date` columns: a deadline, a signing
 * date) are stored as that date at 00:00 UTC and shown as stored, never shifted.
 */
export const TIME_ZONE = 'Asia/Shanghai'

// 'sv-SE' writes ISO order: "2026-11-30 19:38".
const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const date = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** An instant as "YYYY-MM-DD HH:mm" in Beijing time. */
export function beijingDateTime(instant: Date): string {
  return dateTime.format(instant)
}

/** The Beijing calendar day an instant falls on, "YYYY-MM-DD". */
export function beijingDate(instant: Date): string {
  return date.format(instant)
}

/** Today in Beijing, "YYYY-MM-DD" (before 08:00 Beijing time it is already a day ahead of UTC). */
export function beijingToday(now = new Date()): string {
  return beijingDate(now)
}

/** Today in Beijing as a calendar-date value (00:00 UTC of that day), for `@db.Date` columns. */
export function beijingTodayAsDate(now = new Date()): Date {
  return new Date(`${beijingToday(now)}T00:00:00Z`)
}

/** A calendar-date value (`@db.Date`) as "YYYY-MM-DD". */
export function calendarDate(value: Date): string {
  return value.toISOString().slice(0, 10)
}

/** Beijing is UTC+8 all year (no daylight saving): its midnight is 16:00 UTC the day before. */
export const BEIJING_OFFSET_MS = 8 * 3_600_000
