import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { authenticateApi } from '~/api/auth.server'
import { idempotent } from '~/api/idempotency.server'
import { createNeed, listNeeds } from '~/api/needs.server'
import { apiProblem } from '~/api/problem.server'

/** GET /api/v1/needs — the caller's needs, oldest change first, with a cursor and `updatedSince`. */
export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await authenticateApi(request, 'needs:read')
  if (caller instanceof Response) return caller
  return listNeeds(caller, new URL(request.url))
}

/** POST /api/v1/needs — creates a need (idempotent under an `Idempotency-Key`). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiProblem(405, 'method_not_allowed', '不支持该方法', 'Method not allowed')
  const caller = await authenticateApi(request, 'needs:write')
  if (caller instanceof Response) return caller
  const body = await request.text()
  return idempotent(caller, request, body, () => createNeed(caller, body))
}
