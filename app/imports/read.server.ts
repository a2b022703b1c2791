import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { parse as parseCsv } from 'csv-parse/sync'

export type RawRow = Record<string, unknown>

export interface Table {
  rows: RawRow[]
  /** Spreadsheet row number of each row (header is row 1), or its position in a JSON array. */
  rowNumbers: number[]
  headers: string[]
}

export class TableReadError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key)
    this.name = 'TableReadError'
  }
}

/**
 * The text of a CSV or JSON file, whatever Excel saved it as: UTF-16 ("Unicode text", with its
 * byte-order mark, or recognised by its zero bytes), UTF-8 with or without BOM, or GB18030 (what
 * Excel on Chinese Windows writes for plain "CSV").
 */
export function decodeText(buffer: Uint8Array): string {
  const utf16 = utf16Encoding(buffer)
  if (utf16) return new TextDecoder(utf16).decode(buffer)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer)
  } catch {
    return new TextDecoder('gb18030').decode(buffer)
  }
}

function utf16Encoding(buffer: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le'
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be'
  // Without a BOM: text in UTF-8 or GB18030 has no zero bytes, while each ASCII character (commas,
  // line ends, digits) in UTF-16 has one, on the high side of its pair.
  const sample = buffer.subarray(0, 4096)
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue
    if (i % 2) oddZeros++
    else evenZeros++
  }
  // (A character such as 一, U+4E00, puts a zero on the other side now and then.)
  if (oddZeros + evenZeros === 0) return null
  return oddZeros >= evenZeros ? 'utf-16le' : 'utf-16be'
  return null
}

/** Excel's "Unicode text" separates cells by tabs: a header line with tabs and no commas. */
function delimiterOf(text: string) {
  const header = text.slice(0, text.search(/\r?\n|$/))
  return header.includes('\t') && !header.includes(',') ? '\t' : ','
}

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue)
    if ('error' in value) return undefined
  }
  return value
}

/** The whole-workbook reader (more memory): the fallback when the streaming read fails. */
async function readXlsxWhole(buffer: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch {
    throw new TableReadError('imports.file.unreadable')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new TableReadError('imports.file.empty')
  const headers: string[] = []
  const rows: RawRow[] = []
  const rowNumbers: number[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    collectRow(headers, rows, rowNumbers, (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue), number)
  })
  return { rows, rowNumbers, headers: headers.filter(Boolean) }
}

/** Adds one sheet row: the first is the header row; empty rows are skipped. */
function collectRow(headers: string[], rows: RawRow[], rowNumbers: number[], values: unknown[], number: number) {
  if (headers.length === 0) {
    values.forEach((v, i) => (headers[i] = String(v ?? '').trim()))
    return
  }
  if (values.every((v) => v === undefined || String(v).trim() === '')) return
  const record: RawRow = {}
  headers.forEach((header, i) => {
    if (header) record[header] = values[i]
  })
  rows.push(record)
  rowNumbers.push(number)
}

/**
 * Streams the first worksheet row by row (ExcelJS's streaming reader), so a 50,000-row file costs
 * the rows themselves, not a workbook model of every cell and style.
 */
async function readXlsx(buffer: Uint8Array): Promise<Table> {
  const headers: string[] = []
  const rows: RawRow[] = []
  const rowNumbers: number[] = []
  // An XLSX is a zip: anything else would leave the streaming unzip waiting for entries.
  if (!(buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 3 && buffer[3] === 4)) {
    throw new TableReadError('imports.file.unreadable')
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(buffer)]), {
    sharedStrings: 'cache',
    // Styles carry the number formats that tell a date from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  })
  let sheets = 0
  try {
    for await (const sheet of reader) {
      if (sheets++ > 0) break
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = ((row.values as ExcelJS.CellValue[]) ?? []).slice(1).map(cellValue)
        collectRow(headers, rows, rowNumbers, values, row.number)
      }
    }
  } catch (error) {
    // Seen once in CI on a valid file: the whole-workbook reader decides instead of the stream.
    console.warn('[imports] streaming XLSX read failed, reading the whole workbook', error)
    return readXlsxWhole(buffer)
  }
  if (sheets === 0) throw new TableReadError('imports.file.empty')
  return { rows, rowNumbers, headers: headers.filter(Boolean) }
}

/**
 * A cell a CSV writer kept from running as a formula ("'=…", "'-40℃…", as csv-stringify's
 * escape_formulas and Excel write it) is read back as the text it protects.
 */
const unescapeFormula = (cell: string | undefined) => (cell && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

function readCsv(buffer: Uint8Array): Table {
  let records: string[][]
  try {
    const text = decodeText(buffer)
    records = parseCsv(text, {
      bom: true,
      delimiter: delimiterOf(text),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    })
  } catch (error) {
    throw new TableReadError('imports.file.csv', { detail: error instanceof Error ? error.message : '' })
  }
  const [head, ...body] = records
  if (!head) throw new TableReadError('imports.file.empty')
  const headers = head.map((h) => h.trim())
  const rows: RawRow[] = []
  const rowNumbers: number[] = []
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return
    const record: RawRow = {}
    headers.forEach((header, c) => {
      if (header) record[header] = unescapeFormula(cells[c])
    })
    rows.push(record)
    rowNumbers.push(i + 2)
  })
  return { rows, rowNumbers, headers: headers.filter(Boolean) }
}

function readJson(buffer: Uint8Array): Table {
  let data: unknown
  try {
    data = JSON.parse(decodeText(buffer))
  } catch {
    throw new TableReadError('imports.file.json')
  }
  if (!Array.isArray(data)) throw new TableReadError('imports.file.jsonArray')
  const rows = data.map((item) => (item && typeof item === 'object' && !Array.isArray(item) ? (item as RawRow) : {}))
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  return { rows, rowNumbers: rows.map((_, i) => i + 1), headers }
}

/**
 * Reads the first sheet of an XLSX, a CSV (UTF-8, GB18030 or UTF-16; commas or tabs), Excel's
 * "Unicode text" (.txt, tab-separated UTF-16) or a JSON array of objects.
 */
export async function readTable(buffer: Uint8Array, fileName: string): Promise<Table> {
  const extension = fileName.toLowerCase().split('.').pop()
  if (extension === 'xlsx') return readXlsx(buffer)
  if (extension === 'csv' || extension === 'txt') return readCsv(buffer)
  if (extension === 'json') return readJson(buffer)
  throw new TableReadError('imports.file.type', { name: fileName })
}
