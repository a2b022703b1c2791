import { z } from 'zod'
import type { Need, Prisma } from '~/generated/prisma/client'
import { NEED_STATUSES } from '~/models/need-states'
import { changeNeedStatus, getNeedFormValues, saveNeed } from '~/models/needs.server'
import { prisma } from '~/utils/db.server'
import { optionalCalendarDate, optionalYuanText } from '~/utils/format'
import { COOPERATION_MODES, NeedFormSchema } from '~/validation/needs'
import { instantField, yuanField, PAGE_ORDER } from './paging.server'
import type { ListingResource } from './resource.server'

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
  budgetMinYuan: yuanField,
  budgetMaxYuan: yuanField,
  deadline: z.string().nullable().describe('Calendar date, YYYY-MM-DD'),
  cooperationModes: z.array(z.enum(COOPERATION_MODES)),
  wantedStage: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  campaignId: z.string().nullable(),
  publishedAt: instantField.nullable(),
  createdAt: instantField,
  updatedAt: instantField,
})

function needView(need: Need, own: boolean): z.infer<typeof NeedViewSchema> {
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

const NeedFilters = z.object({
  status: z.enum(NEED_STATUSES).optional(),
  fieldCode: z.string().max(20).optional(),
  cooperationMode: z.enum(COOPERATION_MODES).optional(),
})

export const NEED_TRANSITIONS = ['publish', 'close', 'reopen'] as const

/** /api/v1/needs: an enterprise's technical needs, through the need form's schema and model. */
export const needsResource: ListingResource<Need, z.infer<typeof NeedViewSchema>> = {
  segment: 'needs',
  names: { zh: '需求', en: 'Need' },
  entityType: 'Need',
  readScope: 'needs:read',
  writeScope: 'needs:write',
  formSchema: NeedFormSchema,
  filters: NeedFilters,
  transitions: NEED_TRANSITIONS,
  findMany: (where, take) =>
    prisma.need.findMany({
      where: where as Prisma.NeedWhereInput,
      orderBy: PAGE_ORDER,
      take,
    }),
  findUnique: (id) => prisma.need.findUnique({ where: { id } }),
  filterWhere: (f) => {
    const filters = f as z.infer<typeof NeedFilters>
    return {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.fieldCode ? { fieldCode: filters.fieldCode } : {}),
      ...(filters.cooperationMode ? { cooperationModes: { has: filters.cooperationMode } } : {}),
    }
  },
  view: needView,
  formValues: async (organizationId, id) => (await getNeedFormValues(organizationId, id))?.defaults ?? null,
  save: saveNeed,
  changeStatus: changeNeedStatus,
}
