import { cooperationModesFromText, fieldCodeFromText, maturityFromText } from '../resolve'
import { checkFieldAndMaturity, isPublished, yuanToFen, type ImportKindModule } from './shared'
import { regionCodeFromText } from '~/data/regions'

/** An enterprise's technical needs, budget in 万元, matched by (enterprise, external ID). */
export const needs: ImportKindModule<'needs'> = {
  organizationRefs: (v) => [v.enterprise, v.creditCode ?? ''],
  owner: (v) => v.creditCode ?? v.enterprise,
  planned: true,
  indexAs: 'needs',
  check(v, context) {
    context.owner({ name: v.enterprise, creditCode: v.creditCode, nameColumn: 'enterprise' }, 'ENTERPRISE', v.region)
    if (v.region && !regionCodeFromText(v.region)) context.warn('imports.unknownRegion', 'region')
    checkFieldAndMaturity(context, v.field, v.maturity)
    const { unknown: badModes } = cooperationModesFromText(v.cooperationModes)
    if (badModes.length) context.warn('imports.unknownMode', 'cooperationModes', { value: badModes.join('、') })
  },
  async write(tx, v, context) {
    const { now, existing } = context
    const org = context.findOrg(v.creditCode ?? v.enterprise)!
    const maturity = v.maturity ? maturityFromText(v.maturity) : null
    const published = isPublished(v.status)
    const budget = yuanToFen(v.budgetWan)
    const data = {
      title: v.title,
      summary: v.description,
      confidentialDetail: v.confidentialDetail ?? null,
      triedApproaches: v.triedApproaches ?? null,
      fieldCode: v.field ? fieldCodeFromText(v.field, context.fields) : null,
      keywords: v.keywords,
      regionCode: regionCodeFromText(v.region) ?? org.regionCode,
      budgetMaxFen: budget === null ? null : budget * 10_000n,
      deadline: v.deadline ?? null,
      cooperationModes: cooperationModesFromText(v.cooperationModes).modes,
      wantedStage: maturity?.stage ?? null,
      wantedTrlMin: maturity?.trl ?? null,
      status: published ? ('PUBLISHED' as const) : ('DRAFT' as const),
      lastActivityAt: now,
      staleRemindedAt: null,
    }
    if (existing) {
      const publishedAt = published ? (existing.publishedAt ?? now) : null
      await tx.need.update({ where: { id: existing.id }, data: { ...data, publishedAt } })
      return { id: existing.id, publishedAt, created: false }
    }
    const publishedAt = published ? now : null
    const need = await tx.need.create({
      data: { ...data, organizationId: org.id, externalId: v.externalId ?? null, publishedAt },
      select: { id: true },
    })
    return { id: need.id, publishedAt, created: true }
  },
}
