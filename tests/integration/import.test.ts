import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { importTable } from '~/imports/importer.server'
import { readTable } from '~/imports/read.server'
import { prisma } from '~/utils/db.server'
import { createOrganization, validCreditCode } from '../support/factories'
import { EXPERTS, NEEDS, RESULTS, importRows } from '../support/market'

const counts = async () => ({
  organizations: await prisma.organization.count(),
  experts: await prisma.expert.count(),
  results: await prisma.researchResult.count(),
  needs: await prisma.need.count(),
  jobs: await prisma.job.count(),
  batches: await prisma.importBatch.count(),
})

describe('import', () => {
  it('reports every bad row with its number, column and message, and writes nothing', async () => {
    const before = await counts()
    const report = await importRows('results', [
      RESULTS[0],
      { ...RESULTS[1], patentNumbers: ['ZL201810000000.1', '专利123'] },
      { ...RESULTS[2], priceMinYuan: '900000', priceMaxYuan: '100000' },
      { ...RESULTS[0] }, // same externalId as row 1
      { ...RESULTS[2], externalId: 'R-5', title: '', maturity: '中试', priceMinYuan: '十万' },
    ])
    expect(report.committed).toBe(false)
    expect(report.errors).toEqual([
      { row: 2, column: 'patentNumbers', key: 'imports.patentNumber', params: { value: '专利123' } },
      { row: 3, column: 'priceMinYuan', key: 'imports.priceRange', params: undefined },
      { row: 4, column: 'externalId', key: 'imports.duplicateId', params: { first: 1 } },
      { row: 5, column: 'title', key: 'imports.required' },
      { row: 5, column: 'priceMinYuan', key: 'imports.money' },
    ])
    expect(await counts()).toEqual(before)
  })

  it('previews a dry run with the exact counts and writes nothing', async () => {
    const before = await counts()
    const report = await importRows('experts', EXPERTS, true)
    expect(report).toMatchObject({ dryRun: true, committed: false, created: 3, updated: 0, errors: [] })
    expect(report.newOrganizations.sort()).toEqual(['北京理工大学', '天津大学', '河北工业大学'].sort())
    expect(await counts()).toEqual(before)
  })

  it('plans rows without writing: the preview counts what the commit then does, repeated titles included', async () => {
    await importRows('results', [RESULTS[0]])
    const existingTitle = { ...RESULTS[1], externalId: undefined }
    const rows = [
      { ...RESULTS[0], abstract: '更新后的简介。' }, // updates by externalId
      existingTitle, // new (no externalId, no such title yet)
      { ...existingTitle, abstract: '同一标题的第二行。' }, // the same record as the row above
      { ...RESULTS[2], externalId: undefined },
    ]
    const preview = await importRows('results', rows, true)
    expect(preview).toMatchObject({ created: 2, updated: 2, errors: [] })
    const commit = await importRows('results', rows)
    expect(commit).toMatchObject({ committed: true, created: preview.created, updated: preview.updated })
    expect(await prisma.researchResult.count()).toBe(3)
    const repeated = await prisma.researchResult.findFirstOrThrow({ where: { title: RESULTS[1].title } })
    expect(repeated.abstract).toBe('同一标题的第二行。')
    const again = await importRows('results', rows, true)
    expect(again).toMatchObject({ created: 0, updated: 4 })
  })

  it('commits all rows, creates unknown institutions flagged for review, and queues them for search', async () => {
    const report = await importRows('experts', EXPERTS)
    expect(report).toMatchObject({ committed: true, created: 3, updated: 0 })
    const tju = await prisma.organization.findFirstOrThrow({ where: { name: '天津大学' } })
    // A well-known institution gets its district from the reference list; others from their name.
    expect(tju).toMatchObject({ kind: 'UNIVERSITY', verification: 'PENDING', regionCode: '120104' })
    expect(await prisma.job.count({ where: { queue: 'search', status: 'PENDING' } })).toBe(3)
    const batch = await prisma.importBatch.findFirstOrThrow()
    expect(batch).toMatchObject({ kind: 'EXPERTS', rowCount: 3, status: 'COMMITTED' })
    expect(await prisma.auditLog.count({ where: { action: 'import.experts' } })).toBe(1)
  })

  it('is idempotent by externalId: importing the same file again updates and duplicates nothing', async () => {
    await importRows('results', RESULTS)
    const second = await importRows('results', [
      { ...RESULTS[0], title: '激光焊接焊缝跟踪（第二版）' },
      ...RESULTS.slice(1),
    ])
    expect(second).toMatchObject({ created: 0, updated: 3 })
    expect(await prisma.researchResult.count()).toBe(3)
    expect(await prisma.organization.count({ where: { name: '天津大学' } })).toBe(1)
    const updated = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-WELD' } })
    expect(updated).toMatchObject({
      title: '激光焊接焊缝跟踪（第二版）',
      stage: 'PILOT',
      trl: null,
      status: 'PUBLISHED',
      fieldCode: 'ADV',
    })
    expect(updated.transferModes).toEqual(['DEVELOPMENT'])
  })

  it('publishes imported needs at once, resolving enterprise, region and field from free text', async () => {
    const report = await importRows('needs', [
      { ...NEEDS[0], budgetWan: '50', deadline: '2026-12-31', maturity: '中试' },
    ])
    expect(report.errors).toEqual([])
    const need = await prisma.need.findFirstOrThrow({ include: { organization: true } })
    expect(need).toMatchObject({
      status: 'PUBLISHED',
      regionCode: '120115',
      fieldCode: 'ADV',
      wantedStage: 'PILOT',
      budgetMaxFen: 50_000_000n,
    })
    expect(need.publishedAt).not.toBeNull()
    expect(need.organization).toMatchObject({ kind: 'ENTERPRISE', verification: 'PENDING' })
  })

  it('links organizations by credit code only: a name alone never reaches an existing one', async () => {
    const existing = await createOrganization('UNIVERSITY', '天津大学')
    const other = await createOrganization('UNIVERSITY', '南开大学')
    const before = await counts()
    const refused = await importRows('experts', [
      { ...EXPERTS[0], creditCode: undefined }, // a taken name, no code
      { ...EXPERTS[1], institution: '天 津 大 学', creditCode: validCreditCode(), externalId: 'E2' }, // a new code under that name
      { ...EXPERTS[2], institution: '燕山大学', creditCode: undefined }, // a new name, no code
      { ...EXPERTS[2], institution: validCreditCode(), creditCode: undefined, externalId: 'E4' }, // an unknown code alone
      { ...EXPERTS[2], creditCode: '91120115MA05XXXXX1', externalId: 'E5' },
    ])
    expect(refused.errors).toEqual([
      { row: 1, column: 'creditCode', key: 'imports.nameNeedsCreditCode', params: { name: '天津大学' } },
      { row: 2, column: 'institution', key: 'imports.nameTaken', params: { name: '天津大学' } },
      { row: 3, column: 'creditCode', key: 'imports.creditCodeRequired', params: undefined },
      { row: 4, column: 'institution', key: 'imports.unknownCreditCode', params: undefined },
      { row: 5, column: 'creditCode', key: 'imports.creditCode', params: undefined },
    ])
    expect(await counts()).toEqual(before)

    const linked = await importRows('experts', [
      { ...EXPERTS[0], creditCode: existing.creditCode },
      { ...EXPERTS[1], institution: existing.creditCode!, creditCode: undefined, externalId: 'E2' },
      // The code decides, even under another name; the report says so.
      { ...EXPERTS[2], institution: '天津大学', creditCode: other.creditCode },
    ])
    expect(linked).toMatchObject({ committed: true, created: 3, newOrganizations: [] })
    expect(linked.warnings).toEqual([
      { row: 3, column: 'institution', key: 'imports.ownerNameDiffers', params: { name: '南开大学' } },
    ])
    expect(await prisma.expert.count({ where: { organizationId: existing.id } })).toBe(2)
    expect(await prisma.expert.count({ where: { organizationId: other.id } })).toBe(1)
  })

  it('creates one organization per new credit code, and refuses two codes under one new name', async () => {
    const code = validCreditCode()
    const created = await importRows('results', [
      { ...RESULTS[0], institution: '燕山大学', creditCode: code },
      { ...RESULTS[1], institution: '燕山大学', creditCode: code },
    ])
    expect(created).toMatchObject({ committed: true, created: 2, newOrganizations: ['燕山大学'] })
    expect(await prisma.organization.findMany({ where: { name: '燕山大学' }, select: { creditCode: true } })).toEqual([
      { creditCode: code },
    ])
    const twice = await importRows('results', [
      { ...RESULTS[0], institution: '太原理工大学', creditCode: validCreditCode() },
      { ...RESULTS[1], institution: '太原理工大学', creditCode: validCreditCode() },
    ])
    expect(twice.errors).toEqual([
      { row: 2, column: 'institution', key: 'imports.nameTaken', params: { name: '太原理工大学' } },
    ])
  })

  it('updates organizations by credit code and refuses name-only rows of an organizations file', async () => {
    const existing = await createOrganization('ENTERPRISE', '天津恒信重工机械有限公司')
    const report = await importRows('organizations', [
      { name: '天津恒信重工机械有限责任公司', creditCode: '', website: 'https://namesake.example' },
      { name: '天津某新公司', creditCode: '' },
    ])
    expect(report.errors).toEqual([
      {
        row: 1,
        column: 'creditCode',
        key: 'imports.nameNeedsCreditCode',
        params: { name: '天津恒信重工机械有限公司' },
      },
      { row: 2, column: 'creditCode', key: 'imports.creditCodeRequired', params: undefined },
    ])
    const noColumn = await importRows('organizations', [{ name: '天津某新公司' }])
    expect(noColumn.errors).toEqual([{ row: 1, column: '统一社会信用代码', key: 'imports.missingColumn' }])
    const updated = await importRows('organizations', [
      { name: '天津恒信重工机械有限公司', creditCode: existing.creditCode, website: 'https://hengxin.example' },
    ])
    expect(updated).toMatchObject({ committed: true, created: 0, updated: 1 })
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      website: 'https://hengxin.example',
    })
    // A region the platform does not know is kept out, with a warning, and the row still updates.
    const unknownRegion = await importRows('organizations', [
      { name: '天津恒信重工机械有限公司', creditCode: existing.creditCode, region: '火星开发区' },
    ])
    expect(unknownRegion).toMatchObject({ committed: true, updated: 1 })
    expect(unknownRegion.warnings).toEqual([
      expect.objectContaining({ row: 1, column: 'region', key: 'imports.unknownRegion' }),
    ])
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: existing.id } })).regionCode).toBe(
      existing.regionCode,
    )
  })

  it('reads an XLSX with Chinese headers', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('专家')
    const code = validCreditCode()
    sheet.addRow(['外部编号', '姓名*', '所属单位', '统一社会信用代码', '研究方向', '关键词', '个人简介'])
    sheet.addRow(['X1', '张伟', '燕山大学', code, '精密传动、机器人减速器', 'RV减速器', '研究精密减速器'])
    sheet.addRow(['X2', '', '燕山大学', code, '', '', ''])
    const table = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), 'experts.xlsx')
    const bad = await importTable(prisma, 'experts', table, { fileName: 'experts.xlsx', dryRun: false })
    expect(bad.errors).toEqual([{ row: 3, column: '姓名*', key: 'imports.required' }])
    expect(await prisma.expert.count()).toBe(0)
    sheet.getRow(3).getCell(2).value = '刘洋'
    const fixed = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), 'experts.xlsx')
    const good = await importTable(prisma, 'experts', fixed, { fileName: 'experts.xlsx', dryRun: false })
    expect(good).toMatchObject({ created: 2, errors: [] })
    const zhang = await prisma.expert.findFirstOrThrow({ where: { externalId: 'X1' } })
    expect(zhang.directions).toEqual(['精密传动', '机器人减速器'])
  })

  it('reads the text encodings Excel saves: UTF-16 with or without BOM (commas or tabs), GB18030, UTF-8', async () => {
    const csv = '姓名,研究方向,所属单位\n张伟,焊接一体化,天津大学\n'
    const tabs = csv.replaceAll(',', '\t')
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16()
    const files: Array<[string, Uint8Array]> = [
      ['unicode.txt', Buffer.from(`\ufeff${tabs}`, 'utf16le')],
      ['utf16.csv', Buffer.from(`\ufeff${csv}`, 'utf16le')],
      ['utf16-no-bom.csv', Buffer.from(csv, 'utf16le')],
      ['utf16be.csv', utf16be(`\ufeff${csv}`)],
      // The same file as Excel on Chinese Windows saves it.
      [
        'gbk.csv',
        new Uint8Array(
          Buffer.from(
            'd0d5c3fb2cd1d0bebfb7bdcff22ccbf9caf4b5a5cebb0ad5c5ceb02cbab8bdd3d2bbcce5bbaf2cccecbdf2b4f3d1a70a',
            'hex',
          ),
        ),
      ],
      ['utf8-bom.csv', new TextEncoder().encode(`\ufeff${csv}`)],
    ]
    for (const [name, bytes] of files) {
      const table = await readTable(bytes, name)
      expect(table.headers, name).toEqual(['姓名', '研究方向', '所属单位'])
      expect(table.rows, name).toEqual([{ 姓名: '张伟', 研究方向: '焊接一体化', 所属单位: '天津大学' }])
    }
  })

  it('refuses a file that lacks a required column', async () => {
    const table = await readTable(new TextEncoder().encode('姓名,研究方向\n张伟,焊接\n'), 'experts.csv')
    const report = await importTable(prisma, 'experts', table, { fileName: 'experts.csv', dryRun: false })
    expect(report.errors).toEqual([{ row: 1, column: '所属单位', key: 'imports.missingColumn' }])
  })

  it('keeps an office to its own organization when scoped', async () => {
    const office = await createOrganization('UNIVERSITY', '天津大学')
    await createOrganization('UNIVERSITY', '南开大学')
    const table = await readTable(
      // An office's file names its own institution; no credit code needed.
      new TextEncoder().encode(
        JSON.stringify([
          { ...RESULTS[0], creditCode: undefined },
          { ...RESULTS[1], institution: '南开大学', creditCode: undefined },
        ]),
      ),
      'r.json',
    )
    const report = await importTable(prisma, 'results', table, {
      fileName: 'r.json',
      dryRun: false,
      scopeOrganizationId: office.id,
    })
    expect(report.errors).toEqual([
      { row: 2, column: 'institution', key: 'imports.notYourOrganization', params: undefined },
    ])
  })

  it('imports registry contracts, matching parties and updating by registration number', async () => {
    const buyer = await createOrganization('ENTERPRISE', '天津恒信重工机械有限公司')
    await prisma.organization.update({ where: { id: buyer.id }, data: { areaId: 'area-120115101' } })
    const row = {
      registrationNumber: '1201150000012345',
      type: '技术服务',
      projectName: '焊缝检测服务',
      buyer: '天津恒信重工机械有限公司',
      buyerCreditCode: buyer.creditCode,
      seller: '河北工业大学',
      sellerRegion: '天津市南开区',
      amountYuan: '1,200,000.50',
      techAmountYuan: '1000000',
      signedOn: '2026-04-01',
    }
    const first = await importRows('contracts', [row])
    expect(first).toMatchObject({ created: 1, errors: [] })
    const contract = await prisma.contract.findFirstOrThrow()
    expect(contract).toMatchObject({
      status: 'REGISTERED',
      type: 'SERVICE',
      buyerOrgId: buyer.id,
      sellerOrgId: null,
      sellerRegionCode: '120104',
      amountFen: 120_000_050n,
      techAmountFen: 100_000_000n,
      areaId: 'area-120115101',
    })
    const again = await importRows('contracts', [{ ...row, amountYuan: '1300000' }])
    expect(again).toMatchObject({ created: 0, updated: 1 })
    expect(await prisma.contract.count()).toBe(1)
    const bad = await importRows('contracts', [{ ...row, techAmountYuan: '2000000', type: '技术赠与' }])
    expect(bad.errors.map((e) => e.key).sort()).toEqual(['imports.contractType', 'imports.techAmount'])
  })

  it('rejects an invalid credit code in an organizations file', async () => {
    const report = await importRows('organizations', [
      { name: '天津某某科技有限公司', creditCode: validCreditCode() },
      { name: '错误代码公司', creditCode: '91120115MA05XXXXX1' },
    ])
    expect(report.errors).toEqual([{ row: 2, column: 'creditCode', key: 'imports.creditCode', params: undefined }])
  })
})
