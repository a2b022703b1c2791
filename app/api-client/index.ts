import createClient, { type Client } from 'openapi-fetch'
import type { paths } from './schema'

export type { paths } from './schema'
export type ApiClient = Client<paths>

/**
 * A typed client of /api/v1 for other systems (and our tests): paths, parameters, bodies and
 * answers are checked against the generated schema. Every POST carries a fresh Idempotency-Key
 * unless the caller sets one, so a retried request (same key) acts once.
 */
export function createApiClient(options: {
  baseUrl: string
  token: string
  fetch?: (request: Request) => Promise<Response>
}): ApiClient {
  const client = createClient<paths>({
    baseUrl: `${options.baseUrl.replace(/\/$/, '')}/api/v1`,
    headers: { Authorization: `Bearer ${options.token}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  client.use({
    onRequest({ request }) {
      if (request.method === 'POST' && !request.headers.has('Idempotency-Key')) {
        request.headers.set('Idempotency-Key', crypto.randomUUID())
      }
      return request
    },
  })
  return client
}
