import { useTranslation } from 'react-i18next'

/** Amounts travel as fen strings (exact); shown in 万元 in Chinese, in yuan in English. */
export function Money({ fen }: { fen: string }) {
  const { t, i18n } = useTranslation()
  const value = BigInt(fen)
  if (i18n.language === 'zh') {
    const wan = Number(value) / 1_000_000
    return <>{t('money.wan', { value: wan.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) })}</>
  }
  const yuan = Number(value) / 100
  return <>{t('money.yuan', { value: yuan.toLocaleString('en-US', { maximumFractionDigits: 0 }) })}</>
}
