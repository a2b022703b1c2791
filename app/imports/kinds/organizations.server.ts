import type { RowOf } from '../columns'
import { institutionKind, legalEntityType, type ImportKindModule } from './shared'
import { BAODI_REGION_CODE, regionCodeFromText } from '~/data/regions'
import type { OrgKind } from '~/generated/prisma/enums'
import { lockName } from '../organizations.server'
import { notifyReviewers } from '~/models/verification.server'
import { isValidCreditCode } from '~/validation/credit-code'

/**
 * Organizations, by credit code: known ones are updated, new ones wait for review. A row without a
 * code is refused, since a name could update a namesake; so is a new code under a taken name.
 */
export const organizations: ImportKindModule<'organizations'> = {
  organizationRefs: (v) => [v.name, v.creditCode ?? ''],
  owner: (v) => v.creditCode ?? v.name,
  planned: false,
  check(v, context) {
    if (!v.creditCode) {
      const [namesake] = context.namesakes(v.name)
      if (namesake) context.fail('imports.nameNeedsCreditCode', 'creditCode', { name: namesake.name })
      else context.fail('imports.creditCodeRequired', 'creditCode')
    } else if (!isValidCreditCode(v.creditCode)) context.fail('imports.creditCode', 'creditCode')
    else {
      const first = context.seen.get(v.creditCode)
      const existing = context.findOrg(v.creditCode)
      const namesakes = context.namesakes(v.name)
      // Keeping its own name is fine; taking another organization's is not, nor two codes one name.
      const keepsName = existing !== undefined && namesakes.some((o) => o.id === existing.id)
      if (first !== undefined) context.fail('imports.duplicateCreditCode', 'creditCode', { first })
      else if (!keepsName && namesakes.length) context.fail('imports.nameTaken', 'name', { name: namesakes[0].name })
      else if (!context.claimName(v.name, v.creditCode)) context.fail('imports.nameTaken', 'name', { name: v.name })
      context.seen.set(v.creditCode, context.row)
    }
    if (v.region && !regionCodeFromText(v.region)) context.warn('imports.unknownRegion', 'region')
  },
  async write(tx, v: RowOf<'organizations'>, context) {
    const existing = context.findOrg(v.creditCode ?? v.name)
    // Checked again under the name's lock: a sign-up may have taken it since the check.
    await lockName(tx, v.name, v.creditCode!, existing?.id)
    const regionCode = v.region ? regionCodeFromText(v.region) : null
    const data = {
      name: v.name,
      website: v.website ?? null,
      description: v.description ?? null,
      ...(regionCode ? { regionCode } : {}),
    }
    if (existing) {
      await tx.organization.update({ where: { id: existing.id }, data })
      return { id: existing.id, publishedAt: null, created: false }
    }
    const kind: OrgKind = v.kind ? institutionKind(v.kind.includes('企业') ? '' : v.kind) : institutionKind(v.name)
    const organization = await tx.organization.create({
      data: {
        ...data,
        kind,
        legalEntityType: legalEntityType(kind),
        creditCode: v.creditCode ?? null,
        regionCode: regionCode ?? regionCodeFromText(v.name) ?? BAODI_REGION_CODE,
      },
      select: { id: true, name: true },
    })
    await notifyReviewers(tx, organization)
    return { id: organization.id, publishedAt: null, created: true }
  },
}
