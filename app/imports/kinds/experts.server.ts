import { fieldCodeFromText } from '../resolve'
import { checkFieldAndMaturity, type ImportKindModule } from './shared'

/** An institution's experts, published as imported and matched by (institution, external ID). */
export const experts: ImportKindModule<'experts'> = {
  organizationRefs: (v) => [v.institution],
  owner: (v) => v.institution,
  planned: true,
  indexAs: 'experts',
  check(v, context) {
    context.checkScope(v.institution, 'institution')
    context.planOrg(v.institution, 'UNIVERSITY')
    checkFieldAndMaturity(context, v.field)
  },
  async write(tx, v, context) {
    const field = v.field ? fieldCodeFromText(v.field, context.fields) : null
    const data = {
      name: v.name,
      title: v.title ?? null,
      directions: v.directions,
      keywords: v.keywords,
      fieldCodes: field ? [field] : [],
      bio: v.bio ?? null,
      achievements: v.achievements ?? null,
      email: v.email ?? null,
      phone: v.phone ?? null,
      available: v.available ?? true,
      status: 'PUBLISHED' as const,
      lastActivityAt: context.now,
    }
    if (context.existing) {
      await tx.expert.update({ where: { id: context.existing.id }, data })
      return { ...context.existing, created: false }
    }
    const organizationId = context.findOrg(v.institution)!.id
    const expert = await tx.expert.create({
      data: { ...data, organizationId, externalId: v.externalId ?? null },
      select: { id: true },
    })
    return { id: expert.id, publishedAt: null, created: true }
  },
}
