import { z } from 'zod'
import type { Need } from '~/generated/prisma/client'
import { NEED_STATUSES } from '~/models/need-states'
import { changeNeedStatus, getNeedFormValues, saveNeed } from '~/models/needs.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { optionalCalendarDate, optionalYuanText } from '~/utils/format'
import { isBureau, tokenViewer } from '~/utils/permissions.server'
import { COOPERATION_MODES, NeedFormSchema } from '~/validation/needs'
import type { ApiCaller } from './auth.server'
import { fieldProblem, notFoundProblem, apiProblem } from './problem.server'

const yuan = z.string().nullable().describe('Exact amount in yuan, e.g. "12500.50"')
const instant = z.iso.datetime().describe('UTC, ISO 8601')

/** A need as the API shows it: money as exact yuan strings, instants in UTC (ISO 8601). */
export const NeedViewSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  confidentialDetail: z.string().nullable().optional().describe('Only for the need’s own enterprise'),
  triedApproaches: z.string().nullable().optional(),
  fieldCode: z.string().nullable(),
  keywords: z.array(z.string()),
  budgetMinYuan: yuan,
  budgetMaxYuan: yuan,
  deadline: z.string().nullable().describe('Calendar date, YYYY-MM-DD'),
  cooperationModes: z.array(z.enum(COOPERATION_MODES)),
  wantedStage: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  campaignId: z.string().nullable(),
  publishedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
})

export function needView(need: Need, own: boolean): z.infer<typeof NeedViewSchema> {
  return {
    id: need.id,
    externalId: need.externalId,
    title: need.title,
    summary: need.summary,
    // The confidential detail is the enterprise's own business.
    confidentialDetail: own ? need.confidentialDetail : undefined,
    triedApproaches: own ? need.triedApproaches : undefined,
    fieldCode: need.fieldCode,
    keywords: need.keywords,
    budgetMinYuan: optionalYuanText(need.budgetMinFen),
    budgetMaxYuan: optionalYuanText(need.budgetMaxFen),
    deadline: optionalCalendarDate(need.deadline),
    cooperationModes: need.cooperationModes,
    wantedStage: need.wantedStage,
    status: need.status,
    campaignId: need.campaignId,
    publishedAt: need.publishedAt?.toISOString() ?? null,
    createdAt: need.createdAt.toISOString(),
    updatedAt: need.updatedAt.toISOString(),
  }
}

/** `updatedAt|id` of the last row seen, base64url: the list continues strictly after it. */
const encodeCursor = (need: Pick<Need, 'updatedAt' | 'id'>) =>
  Buffer.from(`${need.updatedAt.toISOString()}|${need.id}`).toString('base64url')
function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  const updatedAt = new Date(at ?? '')
  return id && !Number.isNaN(updatedAt.getTime()) ? { updatedAt, id } : null
}

export const NeedListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  /** Only needs changed at or after this instant (ISO 8601): for keeping a copy in sync. */
  updatedSince: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(NEED_STATUSES).optional(),
  fieldCode: z.string().max(20).optional(),
  cooperationMode: z.enum(COOPERATION_MODES).optional(),
})

/**
 * The caller's needs (a bureau token: every organization's published needs) in the order they
 * last changed, oldest first, so a client that keeps the last cursor misses no change: a need
 * changed again moves behind the cursor and is listed again.
 */
export async function listNeeds(caller: ApiCaller, url: URL) {
  const query = NeedListQuerySchema.safeParse(Object.fromEntries(url.searchParams))
  if (!query.success) {
    const fields = [...new Set(query.error.issues.map((i) => i.path.join('.')))].join(', ')
    return apiProblem(400, 'invalid_query', `查询参数不正确：${fields}`, `Invalid query parameters: ${fields}`)
  }
  const q = query.data
  const after = q.cursor ? decodeCursor(q.cursor) : null
  if (q.cursor && !after) return apiProblem(400, 'invalid_cursor', '游标无效', 'Invalid cursor')
  const bureau = isBureau(tokenViewer(caller))
  const rows = await prisma.need.findMany({
    where: {
      ...(bureau ? { status: { not: 'DRAFT' } } : { organizationId: caller.organizationId }),
      ...(q.status ? { status: q.status } : {}),
      ...(q.fieldCode ? { fieldCode: q.fieldCode } : {}),
      ...(q.cooperationMode ? { cooperationModes: { has: q.cooperationMode } } : {}),
      ...(q.updatedSince ? { updatedAt: { gte: new Date(q.updatedSince) } } : {}),
      ...(after
        ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    take: q.limit + 1,
  })
  const page = rows.slice(0, q.limit)
  return Response.json({
    data: page.map((n) => needView(n, n.organizationId === caller.organizationId)),
    nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]) : null,
  })
}

/** One need: the caller's own, or for a bureau token any that is not a draft. */
export async function readNeed(caller: ApiCaller, id: string) {
  const need = await prisma.need.findUnique({ where: { id } })
  const own = need?.organizationId === caller.organizationId
  if (!need || (!own && !(isBureau(tokenViewer(caller)) && need.status !== 'DRAFT'))) {
    return notFoundProblem('需求', 'Need')
  }
  return Response.json(needView(need, own))
}

/** What a write through the API adds to the audit log: the token it came through. */
async function auditApiWrite(caller: ApiCaller, action: string, needId: string) {
  await recordAudit(prisma, {
    actorId: caller.userId,
    actorOrgId: caller.organizationId,
    action: `api.${action}`,
    entityType: 'Need',
    entityId: needId,
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

const notJson = () => apiProblem(400, 'invalid_json', '请求内容不是有效的 JSON 对象', 'The body is not a JSON object')

/**
 * Creates a need of the caller's enterprise (a draft, or published with `"intent": "publish"`),
 * checked by the need form's own schema and saved by the same model function as the page.
 */
export async function createNeed(caller: ApiCaller, body: string) {
  const json = parseJson(body)
  if (typeof json !== 'object' || json === null) return notJson()
  const input = NeedFormSchema.safeParse(json)
  if (!input.success) return fieldProblem(issuesByField(input.error.issues))
  const actor = { userId: caller.userId, organizationId: caller.organizationId }
  const outcome = await saveNeed(actor, input.data)
  if (!outcome.ok) return fieldProblem(outcome.fieldErrors)
  await auditApiWrite(caller, 'need.create', outcome.id)
  const need = await prisma.need.findUniqueOrThrow({ where: { id: outcome.id } })
  return Response.json(needView(need, true), { status: 201, headers: { Location: `/api/v1/needs/${need.id}` } })
}

/** Changes the fields given (the others keep their values), by the same rules as the edit page. */
export async function updateNeed(caller: ApiCaller, id: string, body: string) {
  const json = parseJson(body)
  if (typeof json !== 'object' || json === null) return notJson()
  const current = await getNeedFormValues(caller.organizationId, id)
  if (!current) return notFoundProblem('需求', 'Need')
  const merged = { ...current.defaults, ...(json as Record<string, unknown>) }
  const input = NeedFormSchema.safeParse(nullsAsMissing(merged))
  if (!input.success) return fieldProblem(issuesByField(input.error.issues))
  const actor = { userId: caller.userId, organizationId: caller.organizationId }
  const outcome = await saveNeed(actor, input.data, id)
  if (!outcome.ok) return outcome.notFound ? notFoundProblem('需求', 'Need') : fieldProblem(outcome.fieldErrors)
  await auditApiWrite(caller, 'need.update', id)
  return Response.json(needView(await prisma.need.findUniqueOrThrow({ where: { id } }), true))
}

export const NeedTransitionSchema = z.object({ transition: z.enum(['publish', 'close', 'reopen']) })

/** Publish, close or reopen, as the need page's buttons do. */
export async function changeStatus(caller: ApiCaller, id: string, body: string) {
  const input = NeedTransitionSchema.safeParse(parseJson(body))
  if (!input.success) return fieldProblem({ transition: ['errors.api.transition'] })
  const actor = { userId: caller.userId, organizationId: caller.organizationId }
  const own = await prisma.need.findFirst({
    where: { id, organizationId: caller.organizationId },
    select: { id: true },
  })
  if (!own) return notFoundProblem('需求', 'Need')
  const result = await changeNeedStatus(actor, id, input.data.transition)
  if (result === 'notVerified')
    return apiProblem(
      409,
      'not_verified',
      '机构通过审核后才能发布',
      'The organization must be approved before it publishes',
    )
  if (result !== 'changed') {
    return apiProblem(409, 'invalid_transition', '需求当前状态不允许该操作', 'The need’s status does not allow this')
  }
  await auditApiWrite(caller, `need.${input.data.transition}`, id)
  return Response.json(needView(await prisma.need.findUniqueOrThrow({ where: { id } }), true))
}

/** zod issues as the forms report them: message keys by field path. */
function issuesByField(issues: Array<{ path: PropertyKey[]; message: string }>): Record<string, string[]> {
  const byField: Record<string, string[]> = {}
  for (const issue of issues) (byField[issue.path.map(String).join('.')] ??= []).push(issue.message)
  return byField
}

/** Stored empty values come back as null; the form schema reads "not given" as missing. */
const nullsAsMissing = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null))
