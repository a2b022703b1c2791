import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { COLUMNS, type OfficeImportKind } from './columns'
import { createI18n } from '~/i18n'
import { prisma } from '~/utils/db.server'
import { optionalYuanText } from '~/utils/format'

/**
 * An office's catalogue in the import's own format: the template's Chinese headers and the
 * words the importer reads back (resolve.ts), so that exporting and importing the file again
 * changes nothing. Archived listings are left out: they are not part of the catalogue.
 */

/**
 * The Chinese names the pages show, which the importer reads back (resolve.ts and
 * kinds/results.server.ts map them to the same codes; the round-trip test checks every code).
 */
const zh = createI18n('zh')
const stageWord = (stage: string) => zh.t(`search.stage.${stage}`)
const modeWord = (mode: string) => zh.t(`search.mode.${mode}`)
const ipTypeWord = (ipType: string) => zh.t(`resultForm.ip.${ipType}`)

const list = (items: string[]) => items.join('、')
const status = (s: string) => (s === 'DRAFT' ? '草稿' : '发布')

/** A field by its name where the name is unambiguous, else by its code. */
async function fieldLabeller() {
  const fields = await prisma.techField.findMany({ select: { code: true, nameZh: true } })
  const count = new Map<string, number>()
  for (const f of fields) count.set(f.nameZh, (count.get(f.nameZh) ?? 0) + 1)
  const byCode = new Map(fields.map((f) => [f.code, count.get(f.nameZh) === 1 ? f.nameZh : f.code]))
  return (code: string | null) => (code ? (byCode.get(code) ?? code) : '')
}

/** Maturity as the importer reads it: the stage's word, and the TRL when one is known. */
function maturityText(stage: string | null, trl: number | null) {
  return [stage ? stageWord(stage) : '', trl ? `TRL${trl}` : ''].filter(Boolean).join(' ')
}

/** The office's institution as every exported row names it: by name and credit code. */
interface Institution {
  name: string
  creditCode: string | null
}

async function resultRows(organizationId: string, institution: Institution) {
  const field = await fieldLabeller()
  const rows = await prisma.researchResult.findMany({
    where: { organizationId, status: { not: 'ARCHIVED' } },
    include: { team: { include: { expert: { select: { name: true } } } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  return rows.map((r) => {
    const team = [...r.team].sort((a, b) => Number(b.isLead) - Number(a.isLead)).map((m) => m.expert.name)
    const values: Record<string, string> = {
      externalId: r.externalId ?? '',
      title: r.title,
      abstract: r.abstract,
      institution: institution.name,
      creditCode: institution.creditCode ?? '',
      field: field(r.fieldCode),
      keywords: list(r.keywords),
      maturity: maturityText(r.stage, r.trl),
      transferModes: list(r.transferModes.map(modeWord)),
      ipType: ipTypeWord(r.ipType),
      patentNumbers: list(r.patentNumbers),
      priceMinYuan: optionalYuanText(r.priceMinFen) ?? '',
      priceMaxYuan: optionalYuanText(r.priceMaxFen) ?? '',
      experts: list(team),
      status: status(r.status),
    }
    return COLUMNS.results.map((c) => values[c.key] ?? '')
  })
}

async function expertRows(organizationId: string, institution: Institution) {
  const field = await fieldLabeller()
  const rows = await prisma.expert.findMany({
    where: { organizationId, status: { not: 'ARCHIVED' } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  return rows.map((e) => {
    const values: Record<string, string> = {
      externalId: e.externalId ?? '',
      name: e.name,
      institution: institution.name,
      creditCode: institution.creditCode ?? '',
      title: e.title ?? '',
      directions: list(e.directions),
      keywords: list(e.keywords),
      field: list(e.fieldCodes.map(field)),
      bio: e.bio ?? '',
      achievements: e.achievements ?? '',
      email: e.email ?? '',
      phone: e.phone ?? '',
      available: e.available ? '是' : '否',
      status: status(e.status),
    }
    return COLUMNS.experts.map((c) => values[c.key] ?? '')
  })
}

/** The header and rows of an office's results or experts. */
export async function catalogueTable(organizationId: string, kind: OfficeImportKind) {
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, creditCode: true },
  })
  const rows = kind === 'results' ? await resultRows(organizationId, org) : await expertRows(organizationId, org)
  return { organizationName: org.name, header: COLUMNS[kind].map((c) => c.zh), rows }
}

export async function catalogueXlsx(organizationId: string, kind: OfficeImportKind) {
  const { header, rows } = await catalogueTable(organizationId, kind)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '宝坻科技成果转化对接平台'
  const sheet = workbook.addWorksheet(kind === 'results' ? '科技成果' : '专家')
  sheet.addRow(header).font = { bold: true }
  // Every cell is text, as typed: a price or an ID is never turned into a number or a date.
  for (const row of rows) sheet.addRow(row)
  sheet.columns.forEach((column) => {
    column.width = 18
    column.numFmt = '@'
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** UTF-8 with BOM; text a spreadsheet would run as a formula is quoted (and unquoted on import). */
export async function catalogueCsv(organizationId: string, kind: OfficeImportKind) {
  const { header, rows } = await catalogueTable(organizationId, kind)
  return `\uFEFF${stringify([header, ...rows], { escape_formulas: true, record_delimiter: 'windows' })}`
}
