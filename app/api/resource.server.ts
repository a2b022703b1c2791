import { z } from 'zod'
import type { StatusChange } from '~/models/verification.server'
import type { Outcome, FieldRefusal } from '~/utils/outcome'
import { isBureau, tokenViewer } from '~/utils/permissions.server'
import type { ApiScope } from '~/validation/api-tokens'
import { authenticateApi, type ApiCaller } from './auth.server'
import { idempotent } from './idempotency.server'
import { auditApiWrite, jsonObject, methodNotAllowed, parseBody } from './body.server'
import { fieldProblem, apiProblem } from './problem.server'
import { listRows, notFoundOf, readRow, type ReadResource, type Where } from './paging.server'

/** A row every listing resource has: what paging, scoping and the audit need. */
interface Row {
  id: string
  organizationId: string
  status: string
  updatedAt: Date
}

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

/** Rows the caller reads: its own organization's, or for a bureau token every non-draft one. */
function readableWhere(caller: ApiCaller): Where {
  return isBureau(tokenViewer(caller)) ? { status: { not: 'DRAFT' } } : { organizationId: caller.organizationId }
}

/** A listing resource as the paging code reads it. */
export function readerOf<R extends Row, V>(resource: ListingResource<R, V>): ReadResource<R, V> {
  return {
    path: `/${resource.segment}`,
    names: resource.names,
    readScope: resource.readScope,
    filters: resource.filters,
    readableWhere,
    filterWhere: resource.filterWhere,
    findMany: resource.findMany,
    view: (row, caller) => resource.view(row, row.organizationId === caller.organizationId),
  }
}

const notFound = notFoundOf

/** Creates a row of the caller's organization with the form's schema and the page's model function. */
export async function createRow<R extends Row, V>(resource: ListingResource<R, V>, caller: ApiCaller, body: string) {
  const input = parseBody(resource.formSchema, body)
  if (input instanceof Response) return input
  const outcome = await resource.save(actorOf(caller), input as never)
  if (!outcome.ok) return fieldProblem(outcome.fieldErrors)
  await auditWrite(resource, caller, 'create', outcome.id)
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
  const json = jsonObject(body)
  if (json instanceof Response) return json
  const current = await resource.formValues(caller.organizationId, id)
  if (!current) return notFound(resource)
  const merged = Object.fromEntries(Object.entries({ ...current, ...json }).filter(([, v]) => v !== null))
  const input = parseBody(resource.formSchema, merged)
  if (input instanceof Response) return input
  const outcome = await resource.save(actorOf(caller), input as never, id)
  if (!outcome.ok) return outcome.notFound ? notFound(resource) : fieldProblem(outcome.fieldErrors)
  await auditWrite(resource, caller, 'update', id)
  return Response.json(resource.view((await resource.findUnique(id))!, true))
}

/** A status transition, as the listing page's buttons do it. */
export async function transitionRow<R extends Row, V>(
  resource: ListingResource<R, V>,
  caller: ApiCaller,
  id: string,
  body: string,
) {
  const json = jsonObject(body)
  if (json instanceof Response) return json
  const input = z.object({ transition: z.enum(resource.transitions) }).safeParse(json)
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
  await auditWrite(resource, caller, input.data.transition, id)
  return Response.json(resource.view((await resource.findUnique(id))!, true))
}

const actorOf = (caller: ApiCaller): Actor => ({ userId: caller.userId, organizationId: caller.organizationId })

const auditWrite = (resource: { entityType: string; segment: string }, caller: ApiCaller, action: string, id: string) =>
  auditApiWrite(caller, `${resource.segment}.${action}`, resource.entityType, id)

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
        return caller instanceof Response ? caller : listRows(readerOf(resource), caller, new URL(request.url))
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
        return caller instanceof Response ? caller : readRow(readerOf(resource), caller, params.id ?? '')
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
