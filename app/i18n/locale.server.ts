import { localeCookie } from '~/utils/cookies.server'
import { DEFAULT_LOCALE, isLocale, type Locale } from './index'

/** The `lang` cookie set by the language switch, else the browser's preference, else Chinese. */
export async function getLocale(request: Request): Promise<Locale> {
  const chosen = await localeCookie.parse(request.headers.get('Cookie'))
  if (isLocale(chosen)) return chosen
  const accept = request.headers.get('Accept-Language') ?? ''
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? ''
  if (first.startsWith('en')) return 'en'
  return DEFAULT_LOCALE
}
