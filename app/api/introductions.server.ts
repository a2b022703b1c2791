import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { IntroductionDirection, IntroductionStatus } from '~/generated/prisma/enums'
import { respondToIntroduction } from '~/introductions/responses.server'
import { visibleTo } from '~/introductions/shared.server'
import { prisma } from '~/utils/db.server'
import { tokenViewer } from '~/utils/permissions.server'
import { DECLINE_REASONS, IntroResponseSchema } from '~/validation/introductions'
import type { ApiCaller } from './auth.server'
import { auditApiWrite, jsonObject, parseBody } from './body.server'
import { findReadable, instantField, notFoundOf, type ReadResource, PAGE_ORDER } from './paging.server'
import { apiProblem } from './problem.server'

const Contact = z
  .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
  .nullable()
  .describe('Only once accepted')

export const IntroductionViewSchema = z.object({
  id: z.string(),
  direction: z.enum(IntroductionDirection).describe('REQUEST: the enterprise asked; OFFER: the institution offered'),
  status: z.enum(IntroductionStatus),
  need: z.object({ id: z.string(), title: z.string() }),
  requesterOrgId: z.string().describe('The enterprise'),
  targetOrgId: z.string().describe('The institution'),
  expertId: z.string().nullable(),
  resultId: z.string().nullable(),
  message: z.string(),
  responseDeadline: instantField,
  respondedAt: instantField.nullable(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  declineNote: z.string().nullable(),
  requesterContact: Contact,
  targetContact: Contact,
  createdAt: instantField,
  updatedAt: instantField,
})

const include = {
  need: { select: { id: true, title: true } },
  requesterOrg: { select: { contactName: true, contactPhone: true, contactEmail: true } },
  targetOrg: { select: { contactName: true, contactPhone: true, contactEmail: true } },
} as const
type IntroductionRow = Prisma.IntroductionGetPayload<{ include: typeof include }>

const contact = (o: { contactName: string | null; contactPhone: string | null; contactEmail: string | null }) => ({
  name: o.contactName,
  phone: o.contactPhone,
  email: o.contactEmail,
})

function introductionView(r: IntroductionRow): z.infer<typeof IntroductionViewSchema> {
  const accepted = r.status === 'ACCEPTED'
  return {
    id: r.id,
    direction: r.direction,
    status: r.status,
    need: r.need,
    requesterOrgId: r.requesterOrgId,
    targetOrgId: r.targetOrgId,
    expertId: r.expertId,
    resultId: r.resultId,
    message: r.message,
    responseDeadline: r.responseDeadline.toISOString(),
    respondedAt: r.respondedAt?.toISOString() ?? null,
    declineReason: r.declineReason,
    declineNote: r.declineNote,
    requesterContact: accepted ? contact(r.requesterOrg) : null,
    targetContact: accepted ? contact(r.targetOrg) : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

const IntroductionFilters = z.object({
  status: z.enum(IntroductionStatus).optional(),
  direction: z.enum(IntroductionDirection).optional(),
  /** `requester`: those the caller's organization made; `target`: those it received. */
  side: z.enum(['requester', 'target']).optional(),
})

const viewerOf = (caller: ApiCaller) => ({
  userId: caller.userId,
  organizationId: caller.organizationId,
  role: tokenViewer(caller).memberships[0].role,
})

/** /api/v1/introductions: the requests and offers of the caller's organization, either side. */
export const introductionsResource: ReadResource<IntroductionRow, z.infer<typeof IntroductionViewSchema>> = {
  path: '/introductions',
  names: { zh: '对接请求', en: 'Introduction' },
  readScope: 'introductions:read',
  filters: IntroductionFilters,
  readableWhere: (caller) => visibleTo(viewerOf(caller)) as Record<string, unknown>,
  filterWhere: (f, caller) => {
    const filters = f as z.infer<typeof IntroductionFilters>
    return {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.direction ? { direction: filters.direction } : {}),
      ...(filters.side === 'requester' ? { requesterOrgId: caller.organizationId } : {}),
      ...(filters.side === 'target' ? { targetOrgId: caller.organizationId } : {}),
    }
  },
  findMany: (where, take) =>
    prisma.introduction.findMany({
      where: where as Prisma.IntroductionWhereInput,
      include,
      orderBy: PAGE_ORDER,
      take,
    }),
  view: introductionView,
}

/**
 * POST /api/v1/introductions/:id/response: the institution answers a request, the enterprise an
 * offer, by the page's schema and model function (one answer; a second finds it answered).
 */
export async function answerIntroduction(caller: ApiCaller, id: string, body: string) {
  const intro = await findReadable(introductionsResource, caller, id)
  if (!intro) return notFoundOf(introductionsResource)
  const json = jsonObject(body)
  if (json instanceof Response) return json
  const answer = parseBody(IntroResponseSchema, { ...json, intent: 'respond' })
  if (answer instanceof Response) return answer
  const outcome = await respondToIntroduction(
    { userId: caller.userId, organizationId: caller.organizationId },
    id,
    answer,
  )
  if (!outcome.ok && outcome.error === 'errors.notFound') {
    return apiProblem(403, 'not_your_turn', '该请求应由对方答复', 'The other side answers this introduction')
  }
  if (!outcome.ok) {
    return apiProblem(409, 'not_pending', '该请求已答复或已过期', 'The introduction was answered or has expired')
  }
  await auditApiWrite(
    caller,
    `introductions.${answer.decision === 'ACCEPTED' ? 'accept' : 'decline'}`,
    'Introduction',
    id,
  )
  return Response.json(introductionView((await findReadable(introductionsResource, caller, id))!))
}
