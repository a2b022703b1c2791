import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from './index'
import zh from './zh'
import en from './en'

/** A plain i18next instance with the same catalogs: what the memoized lookups must agree with. */
function reference(lng: 'zh' | 'en') {
  const instance = i18next.createInstance()
  void instance.init({
    lng,
    fallbackLng: 'zh',
    resources: { zh: { translation: zh }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  })
  return instance.getFixedT(lng)
}

describe('remembered lookups', () => {
  it('give what i18next gives, for plain labels, values and counts, in both languages', () => {
    for (const lng of ['zh', 'en'] as const) {
      const t = createI18n(lng).getFixedT(lng)
      const expected = reference(lng)
      for (let round = 0; round < 2; round++) {
        expect(t('search.trl', { trl: 5 })).toBe(expected('search.trl', { trl: 5 }))
        expect(t('search.trl', { trl: 7 })).toBe(expected('search.trl', { trl: 7 }))
        expect(t('nav.home')).toBe(expected('nav.home'))
        for (const count of [0, 1, 2, 12]) {
          expect(t('calls.total', { count })).toBe(expected('calls.total', { count }))
        }
      }
      expect(t('search.trl', { trl: 5 })).toContain('5')
      // A string and a number with the same text are different values.
      expect(t('search.trl', { trl: '5' })).toBe(expected('search.trl', { trl: '5' }))
      // Long text is not remembered, and still comes out right.
      const long = '长'.repeat(80)
      expect(t('search.trl', { trl: long })).toBe(expected('search.trl', { trl: long }))
      // Values that are not plain go to i18next each time.
      const when = new Date('2026-12-02T00:00:00Z')
      expect(t('search.trl', { trl: when })).toBe(expected('search.trl', { trl: when }))
    }
  })
})
