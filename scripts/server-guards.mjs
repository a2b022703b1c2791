// Checks the production server (server.mjs) makes before a request's body is read. Plain
// JavaScript, like the server, so it runs without a build step; tests import it directly.

const publicHost = () => {
  try {
    return new URL(process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000').host
  } catch {
    return ''
  }
}

export const MB = 1024 * 1024
/** Where a file may be uploaded, and its limit plus 1 MB for the multipart framing and fields. */
const UPLOADS = [
  [/\/import(\/|$)/, 31 * MB], // spreadsheets, 30 MB
  [/^\/settings\/organization$/, 31 * MB], // verification documents, 30 MB
  [/^\/calls\/[^/]+$/, 11 * MB], // proposal attachments, 10 MB
]
/**
 * The largest body a path takes: an upload's limit, everything else 1 MB.
 * @param {string} pathname
 * @returns {number}
 */
export function bodyLimit(pathname) {
  // Remix's single fetch posts a page's form to `<path>.data`.
  const path = pathname.replace(/\.data$/, '')
  return UPLOADS.find(([pattern]) => pattern.test(path))?.[1] ?? MB
}
export const ACCEPTED_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/json',
  'text/plain',
]

/**
 * Answers a request that cannot be served before its body is read: 411 without a length,
 * 413 beyond the limit, 400 when empty, 415 for a type no route reads, 403 from another origin.
 */
export function refuseRequest(req) {
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return null
  const pathname = req.path
  const length = req.headers['content-length']
  if (req.headers['transfer-encoding'] && length === undefined) return [411, 'Length Required']
  // A DELETE needs no body; the other methods post a form, a file or JSON.
  if (req.method === 'DELETE' && (length === undefined || length === '0')) return null
  if (length === undefined) return [400, 'Empty body']
  const bytes = Number(length)
  if (!Number.isFinite(bytes) || bytes < 0) return [400, 'Bad Content-Length']
  if (bytes > bodyLimit(pathname)) return [413, 'Payload Too Large']
  if (bytes === 0) return [400, 'Empty body']
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (!ACCEPTED_TYPES.includes(type)) return [415, 'Unsupported Media Type']
  const origin = req.headers.origin
  if (origin && origin !== 'null') {
    let host
    try {
      host = new URL(origin).host
    } catch {
      return [403, 'Forbidden origin']
    }
    if (host !== req.headers.host && host !== publicHost()) return [403, 'Forbidden origin']
  } else if (origin === 'null') return [403, 'Forbidden origin']
  return null
}
