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
  memoizePlainLookups(instance)
  instances.set(locale, instance)
  return instance
}

type Fixed = ((key: unknown, options?: unknown, ...rest: unknown[]) => string) & Record<string, unknown>

/**
 * `t('some.key')` with no options always gives the same string for a language (the catalogs are
 * bundled and never change), yet i18next copies its whole options object on every call: a page's
 * few hundred labels were a steady share of rendering time and garbage. The functions
 * `useTranslation` gets remember those plain lookups; anything with options (values, counts) goes
 * to i18next as before.
 */
function memoizePlainLookups(instance: I18n) {
  const getFixedT = instance.getFixedT.bind(instance) as unknown as (...args: unknown[]) => Fixed
  const memos = new Map<string, Map<string, string>>()
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const fixed = getFixedT(lng, ns, keyPrefix)
    if (keyPrefix) return fixed
    const scope = `${String(lng ?? '')}|${String(ns ?? '')}`
    let memo = memos.get(scope)
    if (!memo) memos.set(scope, (memo = new Map()))
    const plain = memo
    const t = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
      if (options !== undefined || rest.length > 0 || typeof key !== 'string') return fixed(key, options, ...rest)
      let value = plain.get(key)
      if (value === undefined) plain.set(key, (value = fixed(key)))
      return value
    }) as Fixed
    return Object.assign(t, fixed)
  }) as unknown as typeof instance.getFixedT
}
