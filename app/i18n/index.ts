import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import zh from './zh'
import en from './en'

export const LOCALES = ['zh', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

const instances = new Map<Locale, I18n>()

/**
 * The i18next instance of a locale: both catalogs are bundled, so it is ready synchronously. Made
 * once per locale and process (nothing changes an instance's language or resources afterwards);
 * building one per render was a measurable share of every page's time.
 */
export function createI18n(locale: Locale): I18n {
  const cached = instances.get(locale)
  if (cached) return cached
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources: { zh: { translation: zh }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  })
  instances.set(locale, instance)
  return instance
}
