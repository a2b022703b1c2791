import type { ActionFunctionArgs } from '@remix-run/node'
import { authenticateApi } from '~/api/auth.server'
import { idempotent } from '~/api/idempotency.server'
import { changeStatus } from '~/api/needs.server'
import { apiProblem } from '~/api/problem.server'

/** POST /api/v1/needs/:id/status — `{ "transition": "publish" | "close" | "reopen" }`. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiProblem(405, 'method_not_allowed', '不支持该方法', 'Method not allowed')
  const caller = await authenticateApi(request, 'needs:write')
  if (caller instanceof Response) return caller
  const body = await request.text()
  return idempotent(caller, request, body, () => changeStatus(caller, params.id ?? '', body))
}
