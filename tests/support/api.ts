import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { checkConformance } from './openapi-conformance'

export type ApiHandler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<Response> | Response
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type ApiBody = any

/** Calls an /api/v1 route handler as a token's client would: JSON in, status and JSON out. */
export async function callApi(
  handler: ApiHandler,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  id = '',
) {
  const request = new Request(`http://test.local${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const response = await handler({ request, params: { id }, context: {} })
  await checkConformance(request, response)
  return { status: response.status, body: (await response.json()) as ApiBody }
}
