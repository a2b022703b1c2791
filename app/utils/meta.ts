import type { MetaDescriptor } from '@remix-run/node'
import { createI18n, DEFAULT_LOCALE, isLocale } from '~/i18n'

type Matches = Array<{ id: string; data: unknown } | undefined>

/** `<title>` and description in the visitor's language, from the root loader's locale. */
export function pageTitle(matches: Matches, key: string, vars?: Record<string, string>): MetaDescriptor[] {
  const root = matches.find((m) => m?.id === 'root')?.data as { locale?: string } | undefined
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE
  const { t } = createI18n(locale)
  return [{ title: `${t(key, vars)} · ${t('app.name')}` }, { name: 'description', content: t('app.description') }]
}
