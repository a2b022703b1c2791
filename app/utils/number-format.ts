/**
 * Number formatting with cached Intl formatters: `toLocaleString` with options builds a new
 * Intl.NumberFormat on every call, which on a page of amounts is a measurable share of its
 * render time.
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
