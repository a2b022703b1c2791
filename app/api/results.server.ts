import { z } from 'zod'
import type { Prisma, ResearchResult } from '~/generated/prisma/client'
import { changeResultStatus, getResultFormValues, saveResult } from '~/models/results.server'
import { prisma } from '~/utils/db.server'
import { optionalYuanText } from '~/utils/format'
import { COOPERATION_MODES, MATURITY_STAGES } from '~/validation/needs'
import { IP_TYPES, ResultFormSchema } from '~/validation/results'
import { instantField, yuanField, PAGE_ORDER } from './paging.server'
import type { ListingResource } from './resource.server'
import { ListingStatus } from '~/generated/prisma/enums'

/** A research result as the API shows it: its team as expert ids, lead first. */
export const ResultViewSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  abstract: z.string(),
  fieldCode: z.string().nullable(),
  keywords: z.array(z.string()),
  stage: z.enum(MATURITY_STAGES).nullable(),
  trl: z.number().int().nullable(),
  ipType: z.enum(IP_TYPES),
  patentNumbers: z.array(z.string()),
  transferModes: z.array(z.enum(COOPERATION_MODES)),
  priceMinYuan: yuanField,
  priceMaxYuan: yuanField,
  expertIds: z.array(z.string()),
  status: z.enum(ListingStatus),
  publishedAt: instantField.nullable(),
  createdAt: instantField,
  updatedAt: instantField,
})

type ResultRow = ResearchResult & { team: Array<{ expertId: string; isLead: boolean }> }
const withTeam = { team: { select: { expertId: true, isLead: true } } } as const

function resultView(r: ResultRow): z.infer<typeof ResultViewSchema> {
  return {
    id: r.id,
    externalId: r.externalId,
    title: r.title,
    abstract: r.abstract,
    fieldCode: r.fieldCode,
    keywords: r.keywords,
    stage: r.stage,
    trl: r.trl,
    ipType: r.ipType,
    patentNumbers: r.patentNumbers,
    transferModes: r.transferModes,
    priceMinYuan: optionalYuanText(r.priceMinFen),
    priceMaxYuan: optionalYuanText(r.priceMaxFen),
    expertIds: [...r.team].sort((a, b) => Number(b.isLead) - Number(a.isLead)).map((m) => m.expertId),
    status: r.status,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

const ResultFilters = z.object({
  status: z.enum(ListingStatus).optional(),
  fieldCode: z.string().max(20).optional(),
  transferMode: z.enum(COOPERATION_MODES).optional(),
})

/** /api/v1/results: an institution's research results, through the result form's schema and model. */
export const resultsResource: ListingResource<ResultRow, z.infer<typeof ResultViewSchema>> = {
  segment: 'results',
  names: { zh: '成果', en: 'Result' },
  entityType: 'ResearchResult',
  readScope: 'results:read',
  writeScope: 'results:write',
  formSchema: ResultFormSchema,
  filters: ResultFilters,
  transitions: ['publish', 'archive', 'republish'],
  findMany: (where, take) =>
    prisma.researchResult.findMany({
      where: where as Prisma.ResearchResultWhereInput,
      include: withTeam,
      orderBy: PAGE_ORDER,
      take,
    }),
  findUnique: (id) => prisma.researchResult.findUnique({ where: { id }, include: withTeam }),
  filterWhere: (f) => {
    const filters = f as z.infer<typeof ResultFilters>
    return {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.fieldCode ? { fieldCode: filters.fieldCode } : {}),
      ...(filters.transferMode ? { transferModes: { has: filters.transferMode } } : {}),
    }
  },
  view: resultView,
  formValues: async (organizationId, id) => (await getResultFormValues(organizationId, id))?.defaults ?? null,
  save: saveResult,
  changeStatus: changeResultStatus,
}
