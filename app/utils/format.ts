/**
 * The one home for how money and dates read, on pages, in exports and in e-mails. Money is
 * exact fen (bigint) until it is shown; instants are stored in UTC and shown in Beijing time
 * (Asia/Shanghai, no daylight saving); calendar dates (`@db.Date`: a deadline, a signing date)
 * are stored as that date at 00:00 UTC and shown as stored, never shifted.
 */
/** Where the platform's people are: Beijing time, UTC+8 all year. */
export const TIME_ZONE = 'Asia/Shanghai'

// ---------- numbers and money ----------

/**
 * Cached Intl formatters: `toLocaleString` with options builds a new Intl.NumberFormat on every
 * call, which on a page of amounts is a measurable share of its render time.
 */
const formatters = new Map<string, Intl.NumberFormat>()

export function formatNumber(
  value: number | bigint,
  locale: string,
  fractionDigits: { min?: number; max?: number } = {},
): string {
  const tag = locale === 'zh' ? 'zh-CN' : locale === 'en' ? 'en-US' : locale
  const key = `${tag}|${fractionDigits.min ?? ''}|${fractionDigits.max ?? ''}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(tag, {
      minimumFractionDigits: fractionDigits.min,
      maximumFractionDigits: fractionDigits.max,
    })
    formatters.set(key, formatter)
  }
  return formatter.format(value)
}

/** Fen as grouped yuan with its two decimals, exact: 123456789n → "1,234,567.89". */
export function formatFen(fen: bigint | number, locale = 'zh'): string {
  const value = typeof fen === 'bigint' ? fen : BigInt(Math.round(fen))
  const sign = value < 0n ? '-' : ''
  const abs = value < 0n ? -value : value
  const cents = (abs % 100n).toString().padStart(2, '0')
  return `${sign}${formatNumber(abs / 100n, locale)}.${cents}`
}

/**
 * Fen as the plain yuan a form field or a file cell holds, exact and without grouping:
 * 500000n → "5000", 123450n → "1234.5", 123456n → "1234.56".
 */
export function yuanText(fen: bigint): string {
  const sign = fen < 0n ? '-' : ''
  const abs = fen < 0n ? -fen : fen
  const cents = abs % 100n
  if (cents === 0n) return `${sign}${abs / 100n}`
  return `${sign}${abs / 100n}.${cents.toString().padStart(2, '0').replace(/0$/, '')}`
}

/** `yuanText` for an optional amount. */
export const optionalYuanText = (fen: bigint | null | undefined): string | null =>
  fen === null || fen === undefined ? null : yuanText(fen)

/**
 * Fen as a yuan number for a spreadsheet cell or a search facet. Exact for any amount below
 * 90 trillion yuan (a double holds every cent up to 2^53 fen).
 */
export const yuanNumber = (fen: bigint): number => Number(fen) / 100

/** `yuanNumber` for an optional amount. */
export const optionalYuanNumber = (fen: bigint | null | undefined): number | null =>
  fen === null || fen === undefined ? null : yuanNumber(fen)

/** Below this many fen (10,000 元) an amount reads in 元, above in 万元. */
const WAN_FROM_FEN = 1_000_000n

/**
 * How an amount reads on a page: in Chinese, 10,000 元 and more in 万元 (two decimals at most),
 * smaller amounts in 元 with their fen ("¥500.00", not "0.05 万元"); in English, in yuan. The
 * caller puts `value` into its catalog's `money.wan` or `money.yuan` message.
 */
export function moneyDisplay(fen: bigint, locale: string): { unit: 'wan' | 'yuan'; value: string } {
  const abs = fen < 0n ? -fen : fen
  if (locale === 'zh' && abs >= WAN_FROM_FEN) {
    return { unit: 'wan', value: formatNumber(Number(fen) / 1_000_000, 'zh', { max: 2 }) }
  }
  const digits = abs < WAN_FROM_FEN ? 2 : 0
  return { unit: 'yuan', value: formatNumber(Number(fen) / 100, locale, { min: digits, max: digits }) }
}

// ---------- dates ----------

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

/** A calendar-date value (`@db.Date`) as "YYYY-MM-DD". */
export function calendarDate(value: Date): string {
  return value.toISOString().slice(0, 10)
}

/** `calendarDate` for an optional date. */
export const optionalCalendarDate = (value: Date | null | undefined): string | null =>
  value ? calendarDate(value) : null
