import { z } from 'zod'
import type { ApiScope } from '~/validation/api-tokens'
import { authenticateApi, type ApiCaller } from './auth.server'
import { apiProblem, parseQuery } from './problem.server'

/** Field shapes the resources' views share: exact money, UTC instants, listing statuses. */
export const yuanField = z.string().nullable().describe('Exact amount in yuan, e.g. "12500.5"')
export const instantField = z.iso.datetime().describe('UTC, ISO 8601')

/** Conditions the resource's own query understands (Prisma `where` of its model). */
export type Where = Record<string, unknown>

/** What paging needs of a row: the order it last changed in. */
export interface PagedRow {
  id: string
  updatedAt: Date
}

/**
 * A kind of record the API lists and reads: which rows a caller may read, how they are queried
 * and shown. Every readable resource pages the same way, so a client keeps a copy in sync alike.
 */
export interface ReadResource<R extends PagedRow, V> {
  /** The path (`/contracts`) and the names in messages. */
  path: string
  names: { zh: string; en: string }
  readScope: ApiScope
  filters: z.ZodObject
  /** The rows the caller may read; anything else answers 404 as if it did not exist. */
  readableWhere(caller: ApiCaller): Where
  filterWhere(filters: Record<string, unknown>, caller: ApiCaller): Where
  /** Rows matching `where`, in `PAGE_ORDER`. */
  findMany(where: Where, take: number): Promise<R[]>
  view(row: R, caller: ApiCaller): V | Promise<V>
}

/** The order every list pages in: by last change, then id (what the cursor encodes). */
export const PAGE_ORDER = [{ updatedAt: 'asc' as const }, { id: 'asc' as const }]

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  /** Only rows changed at or after this instant (ISO 8601): for keeping a copy in sync. */
  updatedSince: z.iso.datetime({ offset: true }).optional(),
})

/** The list query of a resource: paging and sync, plus its own filters. */
export const listQueryOf = (filters: z.ZodObject) => listQuery.extend(filters.shape)

/** `updatedAt|id` of the last row seen, base64url: the list continues strictly after it. */
const encodeCursor = (row: PagedRow) => Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`).toString('base64url')
function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  const updatedAt = new Date(at ?? '')
  return id && !Number.isNaN(updatedAt.getTime()) ? { updatedAt, id } : null
}

export const notFoundOf = (r: { names: { zh: string; en: string } }) =>
  apiProblem(404, 'not_found', `${r.names.zh}不存在`, `${r.names.en} not found`)

/**
 * The caller's rows in the order they last changed, oldest first, so a client that keeps the last
 * cursor misses no change: a row changed again moves behind the cursor and is listed again.
 */
export async function listRows<R extends PagedRow, V>(resource: ReadResource<R, V>, caller: ApiCaller, url: URL) {
  const query = parseQuery(listQueryOf(resource.filters), url)
  if (query instanceof Response) return query
  const { limit, cursor, updatedSince, ...filters } = query as z.infer<typeof listQuery> & Record<string, unknown>
  const after = cursor ? decodeCursor(cursor) : null
  if (cursor && !after) return apiProblem(400, 'invalid_cursor', '游标无效', 'Invalid cursor')
  const rows = await resource.findMany(
    {
      AND: [
        resource.readableWhere(caller),
        resource.filterWhere(filters, caller),
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
    data: await Promise.all(page.map((r) => resource.view(r, caller))),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
  })
}

/** One row the caller may read, or 404. */
export async function findReadable<R extends PagedRow, V>(resource: ReadResource<R, V>, caller: ApiCaller, id: string) {
  const [row] = await resource.findMany({ AND: [{ id }, resource.readableWhere(caller)] }, 1)
  return row ?? null
}

export async function readRow<R extends PagedRow, V>(resource: ReadResource<R, V>, caller: ApiCaller, id: string) {
  const row = await findReadable(resource, caller, id)
  return row ? Response.json(await resource.view(row, caller)) : notFoundOf(resource)
}

/** `GET {path}` and `GET {path}/{id}` of a readable resource. */
export function readRoutes<R extends PagedRow, V>(resource: ReadResource<R, V>) {
  type Args = { request: Request; params: { id?: string } }
  return {
    list: async ({ request }: Args) => {
      const caller = await authenticateApi(request, resource.readScope)
      return caller instanceof Response ? caller : listRows(resource, caller, new URL(request.url))
    },
    read: async ({ request, params }: Args) => {
      const caller = await authenticateApi(request, resource.readScope)
      return caller instanceof Response ? caller : readRow(resource, caller, params.id ?? '')
    },
  }
}
