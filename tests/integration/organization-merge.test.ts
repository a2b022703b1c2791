import { describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine } from '#search'
import { drain } from '~/jobs/worker.server'
import { action as reviewAction, loader as reviewLoader } from '~/routes/admin_.organizations'
import { searchQueueHandler } from '~/search/sync.server'
import { ensureIndexes } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import {
  cookieHeader,
  createOrganization,
  createUser,
  getRequest,
  postForm,
  validCreditCode,
} from '../support/factories'

/** The real 天津大学 (approved, with its credit code) and a duplicate an earlier import created by name. */
async function duplicateInstitution() {
  const real = await prisma.organization.create({
    data: {
      kind: 'UNIVERSITY',
      name: '天津大学',
      creditCode: validCreditCode('120104'),
      regionCode: '120104',
      legalEntityType: 'UNIVERSITY',
      verification: 'APPROVED',
    },
  })
  await prisma.researchResult.create({
    data: { organizationId: real.id, externalId: 'R-1', title: '既有成果', abstract: '已在平台', status: 'PUBLISHED' },
  })
  // Made by an import before imports linked and created organizations by credit code only: the
  // office's spreadsheet spelled the institution differently, and the import created it by name.
  const duplicate = await prisma.organization.create({
    data: { kind: 'UNIVERSITY', name: '天津大学（北洋园校区）', regionCode: '120104', legalEntityType: 'UNIVERSITY' },
  })
  expect(duplicate).toMatchObject({ verification: 'PENDING', creditCode: null })
  await prisma.researchResult.createMany({
    data: [
      {
        organizationId: duplicate.id,
        externalId: 'R-1',
        title: '激光焊接气孔在线监测系统',
        abstract: '采集熔池光谱与声发射信号，在线识别焊缝气孔。',
        keywords: ['焊缝', '在线监测'],
        status: 'PUBLISHED',
      },
      {
        organizationId: duplicate.id,
        externalId: 'R-2',
        title: '焊缝超声相控阵检测',
        abstract: '相控阵超声检测厚壁焊缝。',
        keywords: ['相控阵'],
        status: 'PUBLISHED',
      },
    ],
  })
  const enterprise = await createOrganization('ENTERPRISE', '宝坻焊接设备厂')
  const contract = await prisma.contract.create({
    data: {
      type: 'TRANSFER',
      projectName: '焊缝监测技术转让',
      status: 'REGISTERED',
      registrationNumber: '2026120104000001',
      registeredAt: new Date(),
      buyerOrgId: enterprise.id,
      buyerName: enterprise.name,
      buyerEntityType: 'ENTERPRISE',
      buyerRegionCode: '120115',
      sellerOrgId: duplicate.id,
      sellerName: duplicate.name,
      sellerEntityType: 'UNIVERSITY',
      sellerRegionCode: '120104',
      amountFen: 50_000_000n,
      techAmountFen: 50_000_000n,
      signedOn: new Date('2026-05-01'),
      createdByOrgId: duplicate.id,
    },
  })
  const admin = await cookieHeader(
    (await createUser((await createOrganization('SERVICE_AGENCY', '平台')).id, 'PLATFORM_ADMIN')).id,
  )
  return { real, duplicate, contract, admin }
}

const merge = (admin: string, organizationId: string, targetCreditCode: string, seen = 'PENDING') =>
  postForm(reviewAction, '/admin/organizations', { intent: 'merge', organizationId, seen, targetCreditCode }, admin)

describe('merging a duplicate institution created by import', () => {
  it('moves its results and contracts to the institution named by credit code, searchable and counted there', async () => {
    const engine = new EmbeddedSearchEngine()
    await ensureIndexes(engine)
    const { real, duplicate, contract, admin } = await duplicateInstitution()
    const page = await reviewLoader({ request: getRequest('/admin/organizations', admin), params: {}, context: {} })
    expect(page.organizations.find((o) => o.id === duplicate.id)?.mergeable).toBe(true)
    expect(page.organizations.find((o) => o.id === real.id)?.mergeable).toBe(false)

    // Refusals are named and change nothing: an unknown code, a bad code, itself.
    const unknown = (await merge(admin, duplicate.id, validCreditCode('110108'))) as { data: { error: string } }
    expect(unknown.data.error).toBe('errors.merge.target')
    const bad = (await merge(admin, duplicate.id, '12345')) as { data: { error: string } }
    expect(bad.data.error).toMatch(/^errors\.creditCode\./)
    expect(
      ((await merge(admin, real.id, real.creditCode!, 'APPROVED')) as { data: { error: string } }).data.error,
    ).toBe('errors.merge.self')
    expect(await prisma.researchResult.count({ where: { organizationId: duplicate.id } })).toBe(2)

    expect(await merge(admin, duplicate.id, real.creditCode!)).toMatchObject({ error: null })
    const results = await prisma.researchResult.findMany({
      where: { organizationId: real.id },
      orderBy: { title: 'asc' },
    })
    expect(results.map((r) => r.title).sort()).toEqual(
      ['既有成果', '激光焊接气孔在线监测系统', '焊缝超声相控阵检测'].sort(),
    )
    // The clashing external ID stays the institution's own; the moved copy lost its.
    expect(results.filter((r) => r.externalId === 'R-1').map((r) => r.title)).toEqual(['既有成果'])
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).toMatchObject({
      sellerOrgId: real.id,
      createdByOrgId: real.id,
    })
    // The rollup follows the contract: the seller dimension names the institution now.
    const sellers = await prisma.$queryRaw<Array<{ key: string }>>`
      SELECT DISTINCT "key" FROM "ContractRollup" WHERE "dim" = 'seller' AND "contracts" > 0`
    expect(sellers.map((s) => s.key)).toEqual([real.id])
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({
      verification: 'MERGED',
      mergedIntoId: real.id,
    })
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'organization.merge' } })
    expect(audit.entityId).toBe(duplicate.id)
    // The institution is approved, so the moved results are public once the index catches up.
    await drain(prisma, searchQueueHandler(prisma, engine))
    const found = await engine.search('results', { q: '相控阵', limit: 5 })
    expect(found.hits.map((h) => h.document.id)).toEqual(
      results.filter((r) => r.title.includes('相控阵')).map((r) => r.id),
    )
  })

  it('merges once when two reviewers merge at once, ten times', async () => {
    for (let trial = 0; trial < 10; trial++) {
      await prisma.contract.deleteMany()
      await prisma.researchResult.deleteMany()
      await prisma.organization.deleteMany({ where: { kind: { in: ['UNIVERSITY', 'ENTERPRISE', 'SERVICE_AGENCY'] } } })
      const { real, duplicate, admin } = await duplicateInstitution()
      const outcomes = (await Promise.all([
        merge(admin, duplicate.id, real.creditCode!),
        merge(admin, duplicate.id, real.creditCode!),
      ])) as Array<{ error: string | null } | { data: { error: string } }>
      const errors = outcomes.map((o) => ('data' in o ? o.data.error : o.error))
      expect(errors.sort()).toEqual(['errors.merge.state', null].sort())
      expect(await prisma.auditLog.count({ where: { action: 'organization.merge', entityId: duplicate.id } })).toBe(1)
      expect(await prisma.researchResult.count({ where: { organizationId: real.id } })).toBe(3)
    }
  })
})
