import { randomToken } from './crypto.server'

/**
 * Security headers of HTML documents. Scripts run only from this origin or with the response's
 * nonce (Remix's inline hydration data); styles may be inline (React style props, ECharts); no
 * framing, no plugins; HSTS once the public address is https. Development keeps Vite's inline
 * HMR scripts working by sending no CSP.
 */
export function newNonce() {
  return randomToken(16)
}

export function documentSecurityHeaders(
  nonce: string,
  options: { production: boolean; publicBaseUrl: string },
): Record<string, string> {
  // X-Content-Type-Options, Referrer-Policy and X-Frame-Options go on every response, from the
  // production server (scripts/server.mjs).
  const headers: Record<string, string> = {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  }
  if (options.production) {
    headers['Content-Security-Policy'] = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
    ].join('; ')
  }
  if (options.publicBaseUrl.startsWith('https://')) {
    headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  }
  return headers
}
