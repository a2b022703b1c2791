import { z } from 'zod'
import type { StatusChange } from '~/models/verification.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { Outcome, FieldRefusal } from '~/utils/outcome'
import { isBureau, tokenViewer } from '~/utils/permissions.server'
import type { ApiScope } from '~/validation/api-tokens'
import { authenticateApi, type ApiCaller } from './auth.server'
import { idempotent } from './idempotency.server'
import { apiProblem, fieldProblem } from './problem.server'

/** Field shapes the resources' views share: exact money, UTC instants, listing statuses. */
export const yuanField = z.string().nullable().describe('Exact amount in yuan, e.g. "12500.5"')
export const instantField = z.iso.datetime().describe('UTC, ISO 8601')
export const LISTING_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const

/** A row every listing resource has: what paging, scoping and the audit need. */
interface Row {
  id: string
  organizationId: string
  status: string
  updatedAt: Date
}

/** Conditions the resource's own query understands (Prisma `where` of its model). */
type Where = Record<string, unknown>

/**
 * One listing kind exposed under /api/v1 (needs, results): how its rows are read and shown, and
 * the form schema and model functions its pages use, so the API has no second copy of the rules.
 */
export interface ListingResource<R extends Row, V> {
  /** The path segment (`needs`) and the names in messages. */
  segment: string
  names: { zh: string; en: string }
  entityType: string
  readScope: ApiScope
  writeScope: ApiScope
  formSchema: z.ZodType
  filters: z.ZodObject
  transitions: readonly [string, ...string[]]
  findMany(where: Where, take: number): Promise<R[]>
  findUnique(id: string): Promise<R | null>
  filterWhere(filters: Record<string, unknown>): Where
  view(row: R, own: boolean): V
  formValues(organizationId: string, id: string): Promise<Record<string, unknown> | null>
  save(actor: Actor, input: never, id?: string): Promise<Outcome<{ id: string }, FieldRefusal>>
  changeStatus(actor: Actor, id: string, transition: never): Promise<StatusChange>
}

interface Actor {
  userId: string
  organizationId: string
}

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  /** Only rows changed at or after this instant (ISO 8601): for keeping a copy in sync. */
  updatedSince: z.iso.datetime({ offset: true }).optional(),
})

/** The list query of a resource: paging and sync, plus its own filters. */
export const listQueryOf = (filters: z.ZodObject) => listQuery.extend(filters.shape)

/** `updatedAt|id` of the last row seen, base64url: the list continues strictly after it. */
const encodeCursor = (row: Row) => Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`).toString('base64url')
function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  const updatedAt = new Date(at ?? '')
  return id && !Number.isNaN(updatedAt.getTime()) ? { updatedAt, id } : null
}

const notFound = (r: { names: { zh: string; en: string } }) =>
  apiProblem(404, 'not_found', `${r.names.zh}不存在`, `${r.names.en} not found`)

/** Rows the caller reads: its own organization's, or for a bureau token every non-draft one. */
function readableWhere(caller: ApiCaller): Where {
  return isBureau(tokenViewer(caller)) ? { status: { not: 'DRAFT' } } : { organizationId: caller.organizationId }
}

/**
 * The caller's rows in the order they last changed, oldest first, so a client that keeps the last
 * cursor misses no change: a row changed again moves behind the cursor and is listed again.
 */
export async function listRows<R extends Row, V>(resource: ListingResource<R, V>, caller: ApiCaller, url: URL) {
  const query = listQueryOf(resource.filters).safeParse(Object.fromEntries(url.searchParams))
  if (!query.success) {
    const fields = [...new Set(query.error.issues.map((i) => i.path.join('.')))].join(', ')
    return apiProblem(400, 'invalid_query', `查询参数不正确：${fields}`, `Invalid query parameters: ${fields}`)
  }
  const { limit, cursor, updatedSince, ...filters } = query.data as z.infer<typeof listQuery> & Record<string, unknown>
  const after = cursor ? decodeCursor(cursor) : null
  if (cursor && !after) return apiProblem(400, 'invalid_cursor', '游标无效', 'Invalid cursor')
  const rows = await resource.findMany(
    {
      AND: [
        readableWhere(caller),
        resource.filterWhere(filters),
        updatedSince ? { updatedAt: { gte: new Date(updatedSince) } } : {},
        after
          ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] }
          : {},
      ],
    },
    limit + 1,
  )
  const page = rows.slice(0, limit)
  return Response.json({
    data: page.map((r) => resource.view(r, r.organizationId === caller.organizationId)),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
  })
}

/** One row: the caller's own, or for a bureau token any that is not a draft; else 404. */
export async function readRow<R extends Row, V>(resource: ListingResource<R, V>, caller: ApiCaller, id: string) {
  const row = await resource.findUnique(id)
  const own = row?.organizationId === caller.organizationId
  if (!row || (!own && !(isBureau(tokenViewer(caller)) && row.status !== 'DRAFT'))) return notFound(resource)
  return Response.json(resource.view(row, own))
}

/** Creates a row of the caller's organization with the form's schema and the page's model function. */
export async function createRow<R extends Row, V>(resource: ListingResource<R, V>, caller: ApiCaller, body: string) {
  const json = parseJson(body)
  if (!isObject(json)) return notJson()
  const input = resource.formSchema.safeParse(json)
  if (!input.success) return fieldProblem(issuesByField(input.error.issues))
  const outcome = await resource.save(actorOf(caller), input.data as never)
  if (!outcome.ok) return fieldProblem(outcome.fieldErrors)
  await auditApiWrite(resource, caller, 'create', outcome.id)
  const row = (await resource.findUnique(outcome.id))!
  return Response.json(resource.view(row, true), {
    status: 201,
    headers: { Location: `/api/v1/${resource.segment}/${row.id}` },
  })
}

/** Changes the fields given (the others keep their values), by the same rules as the edit page. */
export async function updateRow<R extends Row, V>(
  resource: ListingResource<R, V>,
  caller: ApiCaller,
  id: string,
  body: string,
) {
  const json = parseJson(body)
  if (!isObject(json)) return notJson()
  const current = await resource.formValues(caller.organizationId, id)
  if (!current) return notFound(resource)
  const merged = Object.fromEntries(Object.entries({ ...current, ...json }).filter(([, v]) => v !== null))
  const input = resource.formSchema.safeParse(merged)
  if (!input.success) return fieldProblem(issuesByField(input.error.issues))
  const outcome = await resource.save(actorOf(caller), input.data as never, id)
  if (!outcome.ok) return outcome.notFound ? notFound(resource) : fieldProblem(outcome.fieldErrors)
  await auditApiWrite(resource, caller, 'update', id)
  return Response.json(resource.view((await resource.findUnique(id))!, true))
}

/** A status transition, as the listing page's buttons do it. */
export async function transitionRow<R extends Row, V>(
  resource: ListingResource<R, V>,
  caller: ApiCaller,
  id: string,
  body: string,
) {
  const input = z.object({ transition: z.enum(resource.transitions) }).safeParse(parseJson(body))
  if (!input.success) {
    const allowed = resource.transitions.join(', ')
    return apiProblem(422, 'invalid_body', `transition 应为 ${allowed} 之一`, `transition is one of ${allowed}`)
  }
  const row = await resource.findUnique(id)
  if (!row || row.organizationId !== caller.organizationId) return notFound(resource)
  const result = await resource.changeStatus(actorOf(caller), id, input.data.transition as never)
  if (result === 'notVerified') {
    return apiProblem(
      409,
      'not_verified',
      '机构通过审核后才能发布',
      'The organization must be approved before it publishes',
    )
  }
  if (result !== 'changed') {
    return apiProblem(409, 'invalid_transition', '当前状态不允许该操作', 'The current status does not allow this')
  }
  await auditApiWrite(resource, caller, input.data.transition, id)
  return Response.json(resource.view((await resource.findUnique(id))!, true))
}

const actorOf = (caller: ApiCaller): Actor => ({ userId: caller.userId, organizationId: caller.organizationId })

/** What a write through the API adds to the audit log: the token it came through. */
function auditApiWrite(
  resource: { entityType: string; segment: string },
  caller: ApiCaller,
  action: string,
  id: string,
) {
  return recordAudit(prisma, {
    actorId: caller.userId,
    actorOrgId: caller.organizationId,
    action: `api.${resource.segment}.${action}`,
    entityType: resource.entityType,
    entityId: id,
    data: { tokenId: caller.tokenId },
  })
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const notJson = () => apiProblem(400, 'invalid_json', '请求内容不是有效的 JSON 对象', 'The body is not a JSON object')

/** zod issues as the forms report them: message keys by field path. */
function issuesByField(issues: Array<{ path: PropertyKey[]; message: string }>): Record<string, string[]> {
  const byField: Record<string, string[]> = {}
  for (const issue of issues) (byField[issue.path.map(String).join('.')] ??= []).push(issue.message)
  return byField
}

const methodNotAllowed = () => apiProblem(405, 'method_not_allowed', '不支持该方法', 'Method not allowed')

/**
 * The three routes of a listing resource: `/{segment}` (GET list, POST create),
 * `/{segment}/{id}` (GET, PATCH) and `/{segment}/{id}/status` (POST). Every POST is idempotent
 * under an `Idempotency-Key`.
 */
export function resourceRoutes<R extends Row, V>(resource: ListingResource<R, V>) {
  type Args = { request: Request; params: { id?: string } }
  const as = async (request: Request, scope: ApiScope) => authenticateApi(request, scope)
  return {
    collection: {
      loader: async ({ request }: Args) => {
        const caller = await as(request, resource.readScope)
        return caller instanceof Response ? caller : listRows(resource, caller, new URL(request.url))
      },
      action: async ({ request }: Args) => {
        if (request.method !== 'POST') return methodNotAllowed()
        const caller = await as(request, resource.writeScope)
        if (caller instanceof Response) return caller
        const body = await request.text()
        return idempotent(caller, request, body, () => createRow(resource, caller, body))
      },
    },
    item: {
      loader: async ({ request, params }: Args) => {
        const caller = await as(request, resource.readScope)
        return caller instanceof Response ? caller : readRow(resource, caller, params.id ?? '')
      },
      action: async ({ request, params }: Args) => {
        if (request.method !== 'PATCH') return methodNotAllowed()
        const caller = await as(request, resource.writeScope)
        if (caller instanceof Response) return caller
        return updateRow(resource, caller, params.id ?? '', await request.text())
      },
    },
    status: {
      action: async ({ request, params }: Args) => {
        if (request.method !== 'POST') return methodNotAllowed()
        const caller = await as(request, resource.writeScope)
        if (caller instanceof Response) return caller
        const body = await request.text()
        return idempotent(caller, request, body, () => transitionRow(resource, caller, params.id ?? '', body))
      },
    },
  }
}
