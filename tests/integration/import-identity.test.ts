import { describe, expect, it } from 'vitest'
import { importTable } from '~/imports/importer.server'
import { readTable } from '~/imports/read.server'
import { prisma } from '~/utils/db.server'
import { createOrganization, validCreditCode } from '../support/factories'
import { RESULTS, importRows } from '../support/market'

/**
 * The corners of "a name alone never links" (issue 14): duplicate names left by earlier imports,
 * organizations files that would rename or double a name, and two commits racing for one name.
 */
describe('organization identity in imports', () => {
  it('lets an office import under its own name even when an old duplicate shares that name', async () => {
    // Made by a name-based import before credit codes were required: same name, no code.
    await prisma.organization.create({
      data: { kind: 'UNIVERSITY', name: '天津理工大学', regionCode: '120104', legalEntityType: 'UNIVERSITY' },
    })
    const office = await createOrganization('UNIVERSITY', '天津理工大学')
    const rows = RESULTS.map((r) => ({ ...r, institution: '天津理工大学', creditCode: undefined }))
    const table = await readTable(new TextEncoder().encode(JSON.stringify(rows)), 'r.json')
    for (let trial = 0; trial < 3; trial++) {
      const report = await importTable(prisma, 'results', table, {
        fileName: 'r.json',
        dryRun: true,
        scopeOrganizationId: office.id,
      })
      expect(report.errors).toEqual([])
    }
    // With the office's code the duplicate is no reason for a warning either.
    const coded = await importRows(
      'results',
      RESULTS.map((r) => ({ ...r, institution: '天津理工大学', creditCode: office.creditCode })),
    )
    expect(coded).toMatchObject({ committed: true, created: 3, warnings: [] })
    expect(await prisma.researchResult.count({ where: { organizationId: office.id } })).toBe(3)
  })

  it('refuses an organizations file that gives one new name two codes, or renames onto a taken name', async () => {
    const x = await createOrganization('ENTERPRISE', '天津甲科技有限公司')
    const y = await createOrganization('ENTERPRISE', '天津乙科技有限公司')
    const before = await prisma.organization.count()
    const report = await importRows('organizations', [
      { name: '天津丙科技有限责任公司', creditCode: validCreditCode() },
      { name: '天津丙科技有限公司', creditCode: validCreditCode() },
      { name: '天津乙科技有限公司', creditCode: x.creditCode },
      { name: '天津甲科技有限公司', creditCode: x.creditCode },
    ])
    expect(report.errors).toEqual([
      { row: 2, column: 'name', key: 'imports.nameTaken', params: { name: '天津丙科技有限公司' } },
      { row: 3, column: 'name', key: 'imports.nameTaken', params: { name: y.name } },
      { row: 4, column: 'creditCode', key: 'imports.duplicateCreditCode', params: { first: 3 } },
    ])
    expect(await prisma.organization.count()).toBe(before)
    // Keeping its own name (or a spelling of it) updates the organization.
    const kept = await importRows('organizations', [
      { name: '天津甲科技有限责任公司', creditCode: x.creditCode, website: 'https://jia.example' },
    ])
    expect(kept).toMatchObject({ committed: true, updated: 1, errors: [] })
  })

  it('two commits racing to create one name under different codes create it once, ten times', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const name = `燕赵工业技术研究院${trial}`
      const file = (code: string) => [{ ...RESULTS[0], externalId: `R-${code}`, institution: name, creditCode: code }]
      const reports = await Promise.all([
        importRows('results', file(validCreditCode())),
        importRows('results', file(validCreditCode())),
      ])
      expect(reports.filter((r) => r.committed)).toHaveLength(1)
      const refused = reports.find((r) => !r.committed)!
      // Refused at the check (the other had committed) or under the name's lock (it had not yet).
      expect(['imports.nameTaken', 'imports.nameTakenMeanwhile']).toContain(refused.errors[0]?.key)
      expect(refused.errors).toHaveLength(1)
      expect(await prisma.organization.count({ where: { name } })).toBe(1)
      expect(await prisma.researchResult.count({ where: { organization: { name } } })).toBe(1)
    }
  })
})
