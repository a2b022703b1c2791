import { notifyOrganization } from './notifications.server'
import { reindexListings } from './verification.server'
import type { OrgKind, OrgVerification } from '~/generated/prisma/enums'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import type { Outcome, Refusal } from '~/utils/outcome'

/**
 * Merging a duplicate organization into the real one. Imports that name an institution without a
 * credit code create a new, unverified organization; when it turns out to be an institution the
 * platform already has, a reviewer merges it into that institution, identified by its unified
 * social credit code (never by name). Everything the duplicate owns or took part in moves over:
 * listings, members, introductions, contracts (the rollup trigger moves their figures), import
 * batches, documents, consultations. The duplicate stays as MERGED with a pointer, for the audit.
 */

const FAMILY: Record<OrgKind, string> = {
  ENTERPRISE: 'enterprise',
  UNIVERSITY: 'institution',
  RESEARCH_INSTITUTE: 'institution',
  BUREAU: 'bureau',
  SERVICE_AGENCY: 'agency',
}

/** States a duplicate can be merged from: it was never (or is no longer) a public organization. */
export const MERGEABLE: OrgVerification[] = ['PENDING', 'REJECTED']

export type MergeOutcome = Outcome<
  { targetId: string; moved: Record<string, number | Record<string, number>> },
  Refusal<'notFound' | 'state' | 'target' | 'self' | 'kind' | 'hasCode'>
>

export const mayBeMerged = (o: { verification: OrgVerification; creditCode: string | null; kind: OrgKind }) =>
  MERGEABLE.includes(o.verification) && o.creditCode === null && FAMILY[o.kind] !== 'bureau'

export async function mergeOrganization(
  reviewer: { userId: string; organizationId: string | null },
  duplicateId: string,
  targetCreditCode: string,
  seen?: OrgVerification,
): Promise<MergeOutcome> {
  return prisma.$transaction(async (tx) => {
    const target = await tx.organization.findUnique({ where: { creditCode: targetCreditCode } })
    if (!target || target.verification !== 'APPROVED') return { ok: false, error: 'target' }
    if (target.id === duplicateId) return { ok: false, error: 'self' }
    // Both rows locked in a fixed order, so two merges (or a merge and a decision) queue.
    const ids = [duplicateId, target.id].sort()
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id IN (${ids[0]}, ${ids[1]}) ORDER BY id FOR UPDATE`
    const duplicate = await tx.organization.findUnique({ where: { id: duplicateId } })
    if (!duplicate) return { ok: false, error: 'notFound' }
    if (!MERGEABLE.includes(duplicate.verification) || (seen && duplicate.verification !== seen)) {
      return { ok: false, error: 'state' }
    }
    // A duplicate with a credit code of its own is another legal entity, not a duplicate.
    if (duplicate.creditCode !== null) return { ok: false, error: 'hasCode' }
    if (FAMILY[duplicate.kind] !== FAMILY[target.kind] || FAMILY[target.kind] === 'bureau') {
      return { ok: false, error: 'kind' }
    }
    const from = { organizationId: duplicate.id }
    const to = { organizationId: target.id }
    // External IDs the target already uses stay the target's; the duplicate's copies lose theirs.
    const clashes = { experts: 0, results: 0, needs: 0 }
    for (const [table, key] of [
      ['Expert', 'experts'],
      ['ResearchResult', 'results'],
      ['Need', 'needs'],
    ] as const) {
      clashes[key] = await tx.$executeRawUnsafe(
        `UPDATE "${table}" d SET "externalId" = NULL
         WHERE d."organizationId" = $1 AND d."externalId" IS NOT NULL
           AND EXISTS (SELECT 1 FROM "${table}" t WHERE t."organizationId" = $2 AND t."externalId" = d."externalId")`,
        duplicate.id,
        target.id,
      )
    }
    const moved = {
      experts: (await tx.expert.updateMany({ where: from, data: to })).count,
      results: (await tx.researchResult.updateMany({ where: from, data: to })).count,
      needs: (await tx.need.updateMany({ where: from, data: to })).count,
      imports: (await tx.importBatch.updateMany({ where: from, data: to })).count,
      documents: (await tx.organizationDocument.updateMany({ where: from, data: to })).count,
      requested: (
        await tx.introduction.updateMany({
          where: { requesterOrgId: duplicate.id },
          data: { requesterOrgId: target.id },
        })
      ).count,
      targeted: (
        await tx.introduction.updateMany({ where: { targetOrgId: duplicate.id }, data: { targetOrgId: target.id } })
      ).count,
      messages: (
        await tx.introductionMessage.updateMany({
          where: { authorOrgId: duplicate.id },
          data: { authorOrgId: target.id },
        })
      ).count,
      bought: (await tx.contract.updateMany({ where: { buyerOrgId: duplicate.id }, data: { buyerOrgId: target.id } }))
        .count,
      sold: (await tx.contract.updateMany({ where: { sellerOrgId: duplicate.id }, data: { sellerOrgId: target.id } }))
        .count,
      drafted: (
        await tx.contract.updateMany({ where: { createdByOrgId: duplicate.id }, data: { createdByOrgId: target.id } })
      ).count,
      consultations: (
        await tx.consultation.updateMany({ where: { enterpriseId: duplicate.id }, data: { enterpriseId: target.id } })
      ).count,
      // Members join the real organization in the same role, once.
      members: await tx.$executeRaw`
        UPDATE "Membership" m SET "organizationId" = ${target.id}
        WHERE m."organizationId" = ${duplicate.id}
          AND NOT EXISTS (SELECT 1 FROM "Membership" t WHERE t."organizationId" = ${target.id}
                            AND t."userId" = m."userId" AND t."role" = m."role")`,
      externalIdsDropped: clashes,
    }
    await tx.membership.deleteMany({ where: from })
    // Tokens were issued to act for the duplicate; they do not carry over to the institution.
    await tx.apiToken.updateMany({ where: { ...from, revokedAt: null }, data: { revokedAt: new Date() } })
    await tx.organization.update({
      where: { id: duplicate.id },
      data: { verification: 'MERGED', mergedIntoId: target.id, verificationNote: target.name },
    })
    await reindexListings(tx, target.id)
    await recordAudit(tx, {
      actorId: reviewer.userId,
      actorOrgId: reviewer.organizationId,
      action: 'organization.merge',
      entityType: 'Organization',
      entityId: duplicate.id,
      data: { into: target.id, creditCode: targetCreditCode, moved },
    })
    await notifyOrganization(
      tx,
      target.id,
      'organizationMerged',
      { duplicate: duplicate.name },
      '/settings/organization',
      { roles: ['ENTERPRISE_ADMIN', 'TTO_ADMIN'] },
    )
    return { ok: true, targetId: target.id, moved }
  })
}
