import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { authenticateApi } from '~/api/auth.server'
import { readNeed, updateNeed } from '~/api/needs.server'
import { apiProblem } from '~/api/problem.server'

/** GET /api/v1/needs/:id — one need; another organization's is 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await authenticateApi(request, 'needs:read')
  if (caller instanceof Response) return caller
  return readNeed(caller, params.id ?? '')
}

/** PATCH /api/v1/needs/:id — changes the fields given, by the edit page's rules. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'PATCH') return apiProblem(405, 'method_not_allowed', '不支持该方法', 'Method not allowed')
  const caller = await authenticateApi(request, 'needs:write')
  if (caller instanceof Response) return caller
  return updateNeed(caller, params.id ?? '', await request.text())
}
