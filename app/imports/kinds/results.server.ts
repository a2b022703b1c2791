import { cooperationModesFromText, fieldCodeFromText, maturityFromText } from '../resolve'
import { checkFieldAndMaturity, isPublished, yuanToFen, type ImportKindModule } from './shared'
import type { IpType } from '~/generated/prisma/enums'
import { PATENT_NUMBER } from '~/validation/results'

const IP_TYPES: Array<[RegExp, IpType]> = [
  [/发明/, 'INVENTION_PATENT'],
  [/实用新型/, 'UTILITY_MODEL'],
  [/外观/, 'DESIGN_PATENT'],
  [/软件|软著/, 'SOFTWARE_COPYRIGHT'],
  [/集成电路|布图/, 'IC_LAYOUT'],
  [/植物|品种/, 'PLANT_VARIETY'],
  [/新药|药品/, 'NEW_DRUG'],
  [/秘密|诀窍|know/i, 'TECHNICAL_SECRET'],
  [/^(其他|other)$/i, 'OTHER'],
  [/^(无|none)$/i, 'NONE'],
]

/** An institution's research results, with their patents, transfer modes, price and team. */
export const results: ImportKindModule<'results'> = {
  organizationRefs: (v) => [v.institution, v.creditCode ?? ''],
  owner: (v) => v.creditCode ?? v.institution,
  planned: true,
  indexAs: 'results',
  check(v, context) {
    context.owner({ name: v.institution, creditCode: v.creditCode, nameColumn: 'institution' }, 'UNIVERSITY')
    checkFieldAndMaturity(context, v.field, v.maturity)
    const { unknown: badModes } = cooperationModesFromText(v.transferModes)
    if (badModes.length) context.warn('imports.unknownMode', 'transferModes', { value: badModes.join('、') })
    for (const number of v.patentNumbers) {
      if (!PATENT_NUMBER.test(number)) context.fail('imports.patentNumber', 'patentNumbers', { value: number })
    }
    const min = yuanToFen(v.priceMinYuan)
    const max = yuanToFen(v.priceMaxYuan)
    if (min !== null && max !== null && min > max) context.fail('imports.priceRange', 'priceMinYuan')
    if (v.ipType && !IP_TYPES.some(([p]) => p.test(v.ipType!))) context.warn('imports.unknownIpType', 'ipType')
  },
  async write(tx, v, context) {
    const { now, existing } = context
    const maturity = v.maturity ? maturityFromText(v.maturity) : null
    const published = isPublished(v.status)
    const data = {
      title: v.title,
      abstract: v.abstract,
      fieldCode: v.field ? fieldCodeFromText(v.field, context.fields) : null,
      keywords: v.keywords,
      trl: maturity?.trl ?? null,
      stage: maturity?.stage ?? null,
      ipType:
        (v.ipType ? IP_TYPES.find(([p]) => p.test(v.ipType!))?.[1] : undefined) ??
        (v.patentNumbers.length ? 'INVENTION_PATENT' : 'NONE'),
      patentNumbers: v.patentNumbers.map((n) => n.toUpperCase().replace(/\s/g, '')),
      transferModes: cooperationModesFromText(v.transferModes).modes,
      priceMinFen: yuanToFen(v.priceMinYuan),
      priceMaxFen: yuanToFen(v.priceMaxYuan),
      status: published ? ('PUBLISHED' as const) : ('DRAFT' as const),
      lastActivityAt: now,
      staleRemindedAt: null,
    }
    const organizationId = context.findOrg(v.creditCode ?? v.institution)!.id
    let written
    if (existing) {
      const publishedAt = published ? (existing.publishedAt ?? now) : null
      await tx.researchResult.update({ where: { id: existing.id }, data: { ...data, publishedAt } })
      written = { id: existing.id, publishedAt, created: false }
    } else {
      const publishedAt = published ? now : null
      const result = await tx.researchResult.create({
        data: { ...data, publishedAt, organizationId, externalId: v.externalId ?? null },
        select: { id: true },
      })
      written = { id: result.id, publishedAt, created: true }
    }
    if (v.experts.length) {
      const team = await tx.expert.findMany({
        where: { organizationId, name: { in: v.experts } },
        select: { id: true, name: true },
      })
      await tx.resultExpert.deleteMany({ where: { resultId: written.id } })
      await tx.resultExpert.createMany({
        data: team.map((e) => ({ resultId: written.id, expertId: e.id, isLead: e.name === v.experts[0] })),
        skipDuplicates: true,
      })
    }
    return written
  },
}
