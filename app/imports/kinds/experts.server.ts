import { fieldCodeFromText } from '../resolve'
import { checkFieldAndMaturity, isPublished, type ImportKindModule } from './shared'

/** An institution's experts, published unless marked 草稿, matched by (institution, external ID). */
export const experts: ImportKindModule<'experts'> = {
  organizationRefs: (v) => [v.institution, v.creditCode ?? ''],
  owner: (v) => v.creditCode ?? v.institution,
  planned: true,
  indexAs: 'experts',
  check(v, context) {
    context.owner({ name: v.institution, creditCode: v.creditCode, nameColumn: 'institution' }, 'UNIVERSITY')
    for (const field of v.field) checkFieldAndMaturity(context, field)
  },
  async write(tx, v, context) {
    const fieldCodes = v.field.map((f) => fieldCodeFromText(f, context.fields)).filter((c): c is string => c !== null)
    const data = {
      name: v.name,
      title: v.title ?? null,
      directions: v.directions,
      keywords: v.keywords,
      fieldCodes: [...new Set(fieldCodes)],
      bio: v.bio ?? null,
      achievements: v.achievements ?? null,
      email: v.email ?? null,
      phone: v.phone ?? null,
      available: v.available ?? true,
      status: isPublished(v.status) ? ('PUBLISHED' as const) : ('DRAFT' as const),
      lastActivityAt: context.now,
    }
    if (context.existing) {
      await tx.expert.update({ where: { id: context.existing.id }, data })
      return { ...context.existing, created: false }
    }
    const organizationId = context.findOrg(v.creditCode ?? v.institution)!.id
    const expert = await tx.expert.create({
      data: { ...data, organizationId, externalId: v.externalId ?? null },
      select: { id: true },
    })
    return { id: expert.id, publishedAt: null, created: true }
  },
}
