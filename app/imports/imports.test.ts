import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ROW_SCHEMAS, issueKey, mapHeaders, normalizeRow } from './columns'
import { readTable, TableReadError } from './read.server'
import { cooperationModesFromText, fieldCodeFromText, listFromCell, maturityFromText } from './resolve'
import { regionCodeFromText } from '~/data/regions'
import { FIELDS } from '../../prisma/seed/reference'

describe('free text in imported files', () => {
  it('reads maturity as stage and TRL', () => {
    expect(maturityFromText('中试阶段')).toEqual({ stage: 'PILOT', trl: null })
    expect(maturityFromText('TRL 7')).toEqual({ stage: 'PILOT', trl: 7 })
    expect(maturityFromText('已实现量产')).toEqual({ stage: 'INDUSTRIAL', trl: null })
    expect(maturityFromText('SMALL_PILOT')).toEqual({ stage: 'SMALL_PILOT', trl: null })
    // Both, as the catalogue export writes them: the stage as named, the level as given.
    expect(maturityFromText('小试 TRL6')).toEqual({ stage: 'SMALL_PILOT', trl: 6 })
    expect(maturityFromText('small pilot')).toEqual({ stage: 'SMALL_PILOT', trl: null })
    expect(maturityFromText('不清楚')).toBeNull()
  })

  it('reads cooperation modes and reports the unknown ones', () => {
    expect(cooperationModesFromText(['技术转让', '许可', '合作研发', '作价入股'])).toEqual({
      modes: ['TRANSFER', 'LICENSE', 'DEVELOPMENT', 'EQUITY'],
      unknown: [],
    })
    expect(cooperationModesFromText(['随便']).unknown).toEqual(['随便'])
  })

  it('finds a field by code, name, alias or a name inside the text', () => {
    expect(fieldCodeFromText('MAT', FIELDS)).toBe('MAT')
    expect(fieldCodeFromText('新材料', FIELDS)).toBe('MAT')
    expect(fieldCodeFromText('医疗器械', FIELDS)).toBe('BIO.DEVICE')
    expect(fieldCodeFromText('人工智能', FIELDS)).toBe('EI.AI')
    expect(fieldCodeFromText('天文学', FIELDS)).toBeNull()
  })

  it('finds region codes in free text', () => {
    expect(regionCodeFromText('北京市海淀区')).toBe('110108')
    expect(regionCodeFromText('天津宝坻')).toBe('120115')
    expect(regionCodeFromText('河北省')).toBe('130000')
    expect(regionCodeFromText('120115')).toBe('120115')
    expect(regionCodeFromText('火星')).toBeNull()
  })

  it('splits list cells on Chinese and Latin separators', () => {
    expect(listFromCell('锂电池、正极材料，包覆;改性|锂电池')).toEqual(['锂电池', '正极材料', '包覆', '改性'])
    expect(listFromCell(['a', ' b '])).toEqual(['a', 'b'])
    expect(listFromCell(undefined)).toEqual([])
  })
})

describe('columns', () => {
  it('maps Chinese headers, aliases and decorated headers to keys, and reports unknown ones', () => {
    const { mapping, unknown } = mapHeaders('results', ['成果名称*', '成果简介（必填）', '完成单位', '关键词', '备注'])
    expect(Object.fromEntries(mapping)).toEqual({
      '成果名称*': 'title',
      '成果简介（必填）': 'abstract',
      完成单位: 'institution',
      关键词: 'keywords',
    })
    expect(unknown).toEqual(['备注'])
  })

  it('validates a row and names the problem with a message key', () => {
    const { mapping } = mapHeaders('needs', ['需求名称', '需求描述', '需求企业', '预算（万元）', '截止日期'])
    const row = normalizeRow(
      { 需求名称: '', 需求描述: '描述', 需求企业: '某公司', '预算（万元）': '十万', 截止日期: '2026/13/45' },
      mapping,
    )
    const parsed = ROW_SCHEMAS.needs.safeParse(row)
    expect(parsed.success).toBe(false)
    const issues = parsed.error!.issues.map((i) => [i.path[0], issueKey(i)])
    expect(issues).toEqual(
      expect.arrayContaining([
        ['title', 'imports.required'],
        ['budgetWan', 'imports.money'],
        ['deadline', 'imports.date'],
      ]),
    )
  })

  it('accepts dates written the Chinese way', () => {
    const parsed = ROW_SCHEMAS.needs.parse({ title: 't', description: 'd', enterprise: 'e', deadline: '2026年5月1日' })
    expect(parsed.deadline?.toISOString().slice(0, 10)).toBe('2026-05-01')
  })
})

describe('reading files', () => {
  it('reads an XLSX sheet with Chinese headers and row numbers', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('成果')
    sheet.addRow(['成果名称', '关键词', '最高报价（元）'])
    sheet.addRow(['石墨烯防腐涂料', '石墨烯、涂料', 1200000])
    sheet.addRow([])
    sheet.addRow(['热喷涂', { richText: [{ text: '耐磨' }, { text: '涂层' }] }, null])
    const buffer = new Uint8Array(await workbook.xlsx.writeBuffer())
    const table = await readTable(buffer, 'results.xlsx')
    expect(table.headers).toEqual(['成果名称', '关键词', '最高报价（元）'])
    expect(table.rowNumbers).toEqual([2, 4])
    expect(table.rows[0]).toMatchObject({ 成果名称: '石墨烯防腐涂料', '最高报价（元）': 1200000 })
    expect(table.rows[1].关键词).toBe('耐磨涂层')
  })

  it('reads CSV saved by Excel in GB18030 as well as UTF-8 with BOM', async () => {
    const text = '姓名,所属单位\n李明,天津大学\n'
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
    expect((await readTable(utf8, 'e.csv')).rows).toEqual([{ 姓名: '李明', 所属单位: '天津大学' }])
    // "姓名,所属单位\n李明,天津大学\n" in GB18030.
    const gb18030 = Buffer.from('d0d5c3fb2ccbf9caf4b5a5cebb0ac0eec3f72cccecbdf2b4f3d1a70a', 'hex')
    expect((await readTable(gb18030, 'e.csv')).rows).toEqual([{ 姓名: '李明', 所属单位: '天津大学' }])
  })

  it('reads a JSON array and refuses anything else with a message key', async () => {
    const json = new TextEncoder().encode(JSON.stringify([{ name: '李明', directions: ['焊接'] }]))
    expect((await readTable(json, 'e.json')).rows[0].directions).toEqual(['焊接'])
    await expect(readTable(new TextEncoder().encode('{"a":1}'), 'e.json')).rejects.toMatchObject({
      key: 'imports.file.jsonArray',
    })
    await expect(readTable(new Uint8Array([1, 2]), 'e.pdf')).rejects.toBeInstanceOf(TableReadError)
  })
})

describe('docs/imports.md', () => {
  it('documents every column of every kind', async () => {
    const { readFile } = await import('node:fs/promises')
    const { COLUMNS } = await import('./columns')
    const doc = await readFile(new URL('../../docs/imports.md', import.meta.url), 'utf8')
    for (const columns of Object.values(COLUMNS)) {
      for (const column of columns) {
        expect(doc).toContain(`\`${column.key}\``)
        expect(doc).toContain(column.zh)
      }
    }
  })
})
