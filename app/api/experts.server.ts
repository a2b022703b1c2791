import { z } from 'zod'
import type { Expert, Prisma } from '~/generated/prisma/client'
import { expertFormDefaults } from '~/models/expert-form.server'
import { changeExpertStatus, findExpertInScope, saveExpert } from '~/models/experts.server'
import { prisma } from '~/utils/db.server'
import { optionalYuanText } from '~/utils/format'
import { CONTACT_VISIBILITIES, ExpertFormSchema } from '~/validation/experts'
import { instantField, yuanField, PAGE_ORDER } from './paging.server'
import type { ListingResource } from './resource.server'
import { ListingStatus } from '~/generated/prisma/enums'

/** An expert profile as the API shows it; contacts only to the expert's own institution. */
export const ExpertViewSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  directions: z.array(z.string()),
  keywords: z.array(z.string()),
  fieldCodes: z.array(z.string()),
  bio: z.string().nullable(),
  achievements: z.string().nullable(),
  email: z.string().nullable().optional().describe('Only for the expert’s own institution'),
  phone: z.string().nullable().optional().describe('Only for the expert’s own institution'),
  contactVisibility: z.enum(CONTACT_VISIBILITIES),
  available: z.boolean(),
  consultationFeeYuan: yuanField,
  consultationMinutes: z.number().int().nullable(),
  status: z.enum(ListingStatus),
  createdAt: instantField,
  updatedAt: instantField,
})

function expertView(e: Expert, own: boolean): z.infer<typeof ExpertViewSchema> {
  return {
    id: e.id,
    externalId: e.externalId,
    name: e.name,
    title: e.title,
    directions: e.directions,
    keywords: e.keywords,
    fieldCodes: e.fieldCodes,
    bio: e.bio,
    achievements: e.achievements,
    email: own ? e.email : undefined,
    phone: own ? e.phone : undefined,
    contactVisibility: e.contactVisibility,
    available: e.available,
    consultationFeeYuan: optionalYuanText(e.consultationFeeFen),
    consultationMinutes: e.consultationMinutes,
    status: e.status,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  }
}

const ExpertFilters = z.object({
  status: z.enum(ListingStatus).optional(),
  fieldCode: z.string().max(20).optional(),
  available: z.enum(['true', 'false']).optional(),
})

const office = (organizationId: string) => ({ kind: 'office' as const, organizationId })

/** /api/v1/experts: an institution's expert profiles, through the profile form's schema and model. */
export const expertsResource: ListingResource<Expert, z.infer<typeof ExpertViewSchema>> = {
  segment: 'experts',
  names: { zh: '专家', en: 'Expert' },
  entityType: 'Expert',
  readScope: 'experts:read',
  writeScope: 'experts:write',
  formSchema: ExpertFormSchema,
  filters: ExpertFilters,
  transitions: ['publish', 'archive', 'republish'],
  findMany: (where, take) =>
    prisma.expert.findMany({
      where: where as Prisma.ExpertWhereInput,
      orderBy: PAGE_ORDER,
      take,
    }),
  findUnique: (id) => prisma.expert.findUnique({ where: { id } }),
  filterWhere: (f) => {
    const filters = f as z.infer<typeof ExpertFilters>
    return {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.fieldCode ? { fieldCodes: { has: filters.fieldCode } } : {}),
      ...(filters.available ? { available: filters.available === 'true' } : {}),
    }
  },
  view: expertView,
  formValues: async (organizationId, id) =>
    (await findExpertInScope(office(organizationId), id))
      ? (await expertFormDefaults(office(organizationId), id)).defaults
      : null,
  save: (actor, input, id) => saveExpert(actor, office(actor.organizationId), input, id),
  changeStatus: (actor, id, transition) => changeExpertStatus(actor, office(actor.organizationId), id, transition),
}
