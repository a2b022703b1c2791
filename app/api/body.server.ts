import type { z } from 'zod'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { ApiScope } from '~/validation/api-tokens'
import { authenticateApi, type ApiCaller } from './auth.server'
import { idempotent } from './idempotency.server'
import { apiProblem, fieldProblem } from './problem.server'

/** Request bodies of /api/v1: JSON objects validated by the pages' own zod schemas. */

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export const notJson = () =>
  apiProblem(400, 'invalid_json', '请求内容不是有效的 JSON 对象', 'The body is not a JSON object')

export const methodNotAllowed = () => apiProblem(405, 'method_not_allowed', '不支持该方法', 'Method not allowed')

/** The body as a JSON object, or the 400 problem. */
export function jsonObject(body: string): Record<string, unknown> | Response {
  const json = parseJson(body)
  return isObject(json) ? json : notJson()
}

/** zod issues as the forms report them: message keys by field path. */
export function issuesByField(issues: Array<{ path: PropertyKey[]; message: string }>): Record<string, string[]> {
  const byField: Record<string, string[]> = {}
  for (const issue of issues) (byField[issue.path.map(String).join('.')] ??= []).push(issue.message)
  return byField
}

/** The body validated by `schema`, or the problem: 400 for what is not JSON, 422 by field. */
export function parseBody<S extends z.ZodType>(
  schema: S,
  body: string | Record<string, unknown>,
): z.infer<S> | Response {
  const json = typeof body === 'string' ? jsonObject(body) : body
  if (json instanceof Response) return json
  const input = schema.safeParse(json)
  return input.success ? input.data : fieldProblem(issuesByField(input.error.issues))
}

/** What a write through the API adds to the audit log: the token it came through. */
export function auditApiWrite(caller: ApiCaller, action: string, entityType: string, entityId: string) {
  return recordAudit(prisma, {
    actorId: caller.userId,
    actorOrgId: caller.organizationId,
    action: `api.${action}`,
    entityType,
    entityId,
    data: { tokenId: caller.tokenId },
  })
}

/**
 * The action of a POST route: the token must carry `scope`; the body goes to `run` as text, and a
 * retry under the same `Idempotency-Key` gets the first answer instead of acting twice.
 */
export function postAction(scope: ApiScope, run: (caller: ApiCaller, id: string, body: string) => Promise<Response>) {
  return async ({ request, params }: { request: Request; params: { id?: string } }) => {
    if (request.method !== 'POST') return methodNotAllowed()
    const caller = await authenticateApi(request, scope)
    if (caller instanceof Response) return caller
    const body = await request.text()
    return idempotent(caller, request, body, () => run(caller, params.id ?? '', body))
  }
}
