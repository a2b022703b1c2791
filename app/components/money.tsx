import { useTranslation } from 'react-i18next'
import { formatNumber } from '~/utils/number-format'

/** Below this many fen (10,000 元) an amount reads in 元, above in 万元. */
const WAN_FROM_FEN = 1_000_000n

/**
 * Amounts travel as fen strings (exact). In Chinese, 10,000 元 and more read in 万元 and smaller
 * amounts in 元 with their fen ("¥500.00", not "0.05 万元"); in English, in yuan.
 */
export function Money({ fen }: { fen: string }) {
  const { t, i18n } = useTranslation()
  const value = BigInt(fen)
  const abs = value < 0n ? -value : value
  if (i18n.language === 'zh' && abs >= WAN_FROM_FEN) {
    const wan = Number(value) / 1_000_000
    return <>{t('money.wan', { value: formatNumber(wan, 'zh', { max: 2 }) })}</>
  }
  const yuan = Number(value) / 100
  const small = abs < WAN_FROM_FEN
  const digits = small ? 2 : 0
  const text = formatNumber(yuan, i18n.language, { min: digits, max: digits })
  return <>{t('money.yuan', { value: text })}</>
}
