import { useTranslation } from 'react-i18next'
import { moneyDisplay } from '~/utils/format'

/** An amount (fen as a string, exact) as the reader's locale reads it: see `moneyDisplay`. */
export function Money({ fen }: { fen: string }) {
  const { t, i18n } = useTranslation()
  const { unit, value } = moneyDisplay(BigInt(fen), i18n.language)
  return <>{t(unit === 'wan' ? 'money.wan' : 'money.yuan', { value })}</>
}
