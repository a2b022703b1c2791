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

/** Distinct lookups with values remembered per language before the memo starts over. */
const MEMO_LIMIT = 5000

/**
 * The memo key of a call whose options are only short strings, numbers and booleans
 * (`{ trl: 5 }`, `{ count: 3 }`): with the catalogs bundled, such a call always gives the same
 * string for a language. Anything else (objects, arrays, functions, long text) is not remembered.
 */
function lookupKey(key: string, options: unknown): string | null {
  if (options === undefined) return key
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return null
  let memoKey = key
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name]
    const kind = typeof value
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') return null
    // Free text (a note, a reason, a file's header) is not worth keeping: it seldom repeats.
    if (kind === 'string' && (value as string).length > 64) return null
    memoKey += `\u0000${name}\u0000${kind[0]}${String(value)}`
  }
  return memoKey
}

/**
 * `t('some.key')` always gives the same string for a language (the catalogs are bundled and never
 * change), and so does `t('some.key', { n: 5 })` for the same values, yet i18next copies its whole
 * options object and runs its interpolation on every call: a page's few hundred labels were a
 * steady share of rendering time and garbage. The functions `useTranslation` gets remember those
 * lookups (up to MEMO_LIMIT distinct ones, then they start over); calls with other options go to
 * i18next as before.
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
    const known = memo
    const t = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
      const memoKey = rest.length === 0 && typeof key === 'string' ? lookupKey(key, options) : null
      if (memoKey === null) return fixed(key, options, ...rest)
      let value = known.get(memoKey)
      if (value === undefined) {
        value = fixed(key, options)
        if (typeof value !== 'string') return value
        if (known.size >= MEMO_LIMIT) known.clear()
        known.set(memoKey, value)
      }
      return value
    }) as Fixed
    return Object.assign(t, fixed)
  }) as unknown as typeof instance.getFixedT
}
