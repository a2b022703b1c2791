import fs from 'node:fs'
import path from 'node:path'
import { createCookie } from '@remix-run/node'
import { getEnv } from './env.server'
import { randomToken } from './crypto.server'
import { embeddedDataDir } from './embedded-postgres.server'

/** The secret cookies are signed with; also keys the session-bound CSRF token. */
export const cookieSecret = () => secrets()[0]

function secrets() {
  const env = getEnv()
  // Without a configured secret (the embedded demo), one is generated into the data folder so
  // sessions survive restarts; production sets SESSION_SECRET.
  return [env.SESSION_SECRET ?? fallbackSecret()]
}

let generated: string | undefined
function fallbackSecret() {
  if (generated) return generated
  const file = path.join(embeddedDataDir(), 'session-secret')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomToken(), { mode: 0o600, flag: 'wx' })
  generated = fs.readFileSync(file, 'utf8').trim()
  return generated
}

function secure() {
  const env = getEnv()
  if (env.SECURE_COOKIES) return env.SECURE_COOKIES === 'true'
  return env.PUBLIC_BASE_URL.startsWith('https://')
}

export function sessionCookie() {
  return createCookie('__session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure(),
    secrets: secrets(),
    maxAge: getEnv().SESSION_TTL_DAYS * 24 * 3600,
  })
}

/**
 * A device the account signed in from before (the user's ID, signed): from it, the owner's right
 * password still works while the account is throttled for guesses from elsewhere.
 */
export function deviceCookie() {
  return createCookie('__device', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/login',
    secure: secure(),
    secrets: secrets(),
    maxAge: 365 * 24 * 3600,
  })
}

export function csrfCookie() {
  return createCookie('__csrf', { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(), secrets: secrets() })
}

export const localeCookie = createCookie('lang', { sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 })
