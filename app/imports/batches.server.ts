import ExcelJS from 'exceljs'
import { z } from 'zod'
import { enqueueJobs, LOST_LOCK } from '~/jobs/queue.server'
import type { QueueHandler } from '~/jobs/worker.server'
import { importTable, type ImportIssue, type ImportReport } from '~/imports/importer.server'
import { COLUMNS, mapHeaders, type BrowserImportKind, type ImportKindName } from '~/imports/columns'
import { readTable, TableReadError, type Table } from '~/imports/read.server'
import { prisma } from '~/utils/db.server'
import type { Prisma } from '~/generated/prisma/client'
import type { ImportKind } from '~/generated/prisma/enums'

export const IMPORTS_QUEUE = 'imports'
export { BUREAU_IMPORT_KINDS, OFFICE_IMPORT_KINDS, type BrowserImportKind } from '~/imports/columns'

interface Actor {
  userId: string
  organizationId: string
}

export interface StoredReport extends ImportReport {
  headers: string[]
  unknownHeaders: string[]
}

const kindOf = (batch: { kind: ImportKind }) => batch.kind.toLowerCase() as ImportKindName

async function dryRun(
  actor: Actor,
  kind: ImportKindName,
  fileName: string,
  bytes: Uint8Array,
  headerMapping: Record<string, string>,
  onRows: (rows: number) => void,
  onProgress: (done: number) => void,
): Promise<StoredReport> {
  let table: Table
  try {
    table = await readTable(bytes, fileName)
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error
    // A file we cannot read is a preview with one error, shown like any other.
    return {
      ...emptyReport(kind, fileName),
      errors: [{ row: 1, column: '', key: error.key, params: error.params as ImportIssue['params'] }],
      headers: [],
      unknownHeaders: [],
    }
  }
  onRows(table.rows.length)
  const report = await importTable(prisma, kind, table, {
    fileName,
    dryRun: true,
    scopeOrganizationId: actor.organizationId,
    headerMapping,
    actor,
    onProgress,
    // The bureau's contract upload is the registry's export, kept for reconciliation.
    registry: kind === 'contracts',
  })
  return { ...report, headers: table.headers, unknownHeaders: mapHeaders(kind, table.headers, headerMapping).unknown }
}

const emptyReport = (kind: ImportKindName, fileName: string): ImportReport => ({
  kind,
  fileName,
  rows: 0,
  created: 0,
  updated: 0,
  errors: [],
  warnings: [],
  newOrganizations: [],
  dryRun: true,
  committed: false,
  batchId: null,
})

const FILE_TYPES = ['xlsx', 'csv', 'txt', 'json']

/**
 * Keeps an uploaded file (in PostgreSQL, so any app server can check and commit it) and starts
 * its preview as a background job: every row read and checked in a dry run, with progress.
 */
export async function previewImport(
  actor: Actor,
  kind: BrowserImportKind,
  fileName: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<{ ok: true; batchId: string } | { ok: false; error: string; params?: Record<string, unknown> }> {
  if (!FILE_TYPES.includes(fileName.toLowerCase().split('.').pop() ?? ''))
    return { ok: false, error: 'imports.file.type', params: { name: fileName } }
  const batch = await prisma.$transaction(async (tx) => {
    const created = await tx.importBatch.create({
      data: {
        kind: kind.toUpperCase() as ImportKind,
        organizationId: actor.organizationId,
        createdById: actor.userId,
        fileName,
        rowCount: 0,
        status: 'CHECKING',
        file: bytes,
      },
      select: { id: true },
    })
    await enqueuePreview(tx, created.id, actor.userId)
    return created
  })
  return { ok: true, batchId: batch.id }
}

function enqueuePreview(tx: Prisma.TransactionClient, batchId: string, userId: string) {
  return enqueueJobs(tx, [
    {
      queue: IMPORTS_QUEUE,
      kind: 'preview',
      payload: { batchId, userId },
      dedupeKey: `preview:${batchId}`,
      maxAttempts: 3,
    },
  ])
}

/**
 * One import of the organization, and whether its commit was interrupted (its worker died; the
 * all-or-nothing import wrote nothing and is being retried by another worker).
 */
export async function getImportBatch(batchId: string, organizationId: string) {
  const batch = await prisma.importBatch.findFirst({
    where: { id: batchId, organizationId },
    select: {
      id: true,
      kind: true,
      fileName: true,
      rowCount: true,
      status: true,
      report: true,
      progress: true,
      headerMapping: true,
      createdAt: true,
    },
  })
  if (!batch) return null
  const job =
    batch.status === 'RUNNING' || batch.status === 'CHECKING'
      ? await prisma.job.findFirst({
          where: {
            queue: IMPORTS_QUEUE,
            dedupeKey: `${batch.status === 'RUNNING' ? 'import' : 'preview'}:${batch.id}`,
          },
          orderBy: { createdAt: 'desc' },
          select: { lastError: true, status: true },
        })
      : null
  if (job?.status === 'FAILED') return { ...batch, status: 'FAILED' as const, interrupted: false }
  return { ...batch, interrupted: job?.lastError === LOST_LOCK && job.status !== 'DONE' }
}

export function listImportBatches(organizationId: string) {
  return prisma.importBatch.findMany({
    where: { organizationId },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, kind: true, fileName: true, rowCount: true, status: true, createdAt: true },
  })
}

/** Checks the file again, in the background, with the user's mapping for headers we did not recognise. */
export async function remapImport(actor: Actor, batchId: string, mapping: Record<string, string>) {
  return prisma.$transaction(async (tx) => {
    const [batch] = await tx.$queryRaw<Array<{ id: string; kind: ImportKind }>>`
      SELECT "id", "kind" FROM "ImportBatch"
      WHERE "id" = ${batchId} AND "organizationId" = ${actor.organizationId} AND "status" = 'PREVIEWED'
        AND "file" IS NOT NULL
      FOR UPDATE`
    if (!batch) return false
    const keys = new Set(COLUMNS[kindOf(batch)].map((c) => c.key))
    const clean = Object.fromEntries(Object.entries(mapping).filter(([, key]) => keys.has(key)))
    await tx.importBatch.update({
      where: { id: batch.id },
      data: { status: 'CHECKING', progress: 0, headerMapping: clean },
    })
    await enqueuePreview(tx, batch.id, actor.userId)
    return true
  })
}

/** Starts the commit of an error-free preview as a background job; the page follows its progress. */
export async function commitImport(actor: Actor, batchId: string) {
  return prisma.$transaction(async (tx) => {
    const batch = await tx.importBatch.findFirst({
      where: { id: batchId, organizationId: actor.organizationId, status: 'PREVIEWED' },
      select: { id: true, report: true },
    })
    if (!batch || (batch.report as unknown as StoredReport).errors.length) return false
    await tx.importBatch.update({ where: { id: batch.id }, data: { status: 'RUNNING', progress: 0 } })
    await enqueueJobs(tx, [
      {
        queue: IMPORTS_QUEUE,
        kind: 'commit',
        payload: { batchId: batch.id, userId: actor.userId },
        dedupeKey: `import:${batch.id}`,
        // All or nothing: a commit whose worker died wrote nothing and is tried again (twice).
        maxAttempts: 3,
      },
    ])
    return true
  })
}

const BatchPayload = z.object({ batchId: z.string(), userId: z.string() })

const setProgress = (batchId: string) => (done: number) =>
  void prisma.importBatch.update({ where: { id: batchId }, data: { progress: done } }).catch(() => {})

/**
 * The preview job: reads the stored file and checks every row in a dry run, writing progress as
 * it goes; the report lands only while the batch still waits for it (one conditional update).
 */
async function runPreview(batchId: string, userId: string) {
  const batch = await prisma.importBatch.findUnique({ where: { id: batchId } })
  if (!batch?.file || batch.status !== 'CHECKING' || !batch.organizationId) return
  const actor = { userId, organizationId: batch.organizationId }
  const report = await dryRun(
    actor,
    kindOf(batch),
    batch.fileName,
    batch.file,
    (batch.headerMapping as Record<string, string> | null) ?? {},
    (rows) => void prisma.importBatch.update({ where: { id: batch.id }, data: { rowCount: rows } }).catch(() => {}),
    setProgress(batch.id),
  )
  await prisma.importBatch.updateMany({
    where: { id: batch.id, status: 'CHECKING' },
    data: { status: 'PREVIEWED', rowCount: report.rows, progress: 0, report: JSON.parse(JSON.stringify(report)) },
  })
}

/**
 * The commit job: the same all-or-nothing import as the CLI, against the stored file, with the
 * progress written outside the import's transaction so the page can show it.
 */
async function runCommit(batchId: string, userId: string) {
  const batch = await prisma.importBatch.findUnique({ where: { id: batchId } })
  if (!batch?.file || batch.status !== 'RUNNING' || !batch.organizationId) return
  const actor = { userId, organizationId: batch.organizationId }
  try {
    const table = await readTable(batch.file, batch.fileName)
    const report = await importTable(prisma, kindOf(batch), table, {
      fileName: batch.fileName,
      dryRun: false,
      scopeOrganizationId: actor.organizationId,
      headerMapping: (batch.headerMapping as Record<string, string> | null) ?? {},
      batchId: batch.id,
      actor,
      onProgress: setProgress(batch.id),
      registry: kindOf(batch) === 'contracts',
    })
    if (!report.committed) {
      // The data changed since the preview (e.g. a listing was removed): nothing was written.
      await prisma.importBatch.update({
        where: { id: batch.id },
        data: {
          status: 'FAILED',
          report: JSON.parse(JSON.stringify({ ...report, headers: [], unknownHeaders: [] })),
        },
      })
    }
  } catch (error) {
    await prisma.importBatch.update({ where: { id: batch.id }, data: { status: 'FAILED' } })
    throw error
  }
}

/** The imports queue: previews and commits, one at a time per worker. */
export function importJobsHandler(): QueueHandler {
  return {
    queue: IMPORTS_QUEUE,
    batchSize: 1,
    async handle(jobs) {
      for (const job of jobs) {
        const parsed = BatchPayload.safeParse(job.payload)
        if (!parsed.success) continue
        if (job.kind === 'preview') await runPreview(parsed.data.batchId, parsed.data.userId)
        else await runCommit(parsed.data.batchId, parsed.data.userId)
      }
    },
  }
}

const TEMPLATE_SHEETS: Record<BrowserImportKind, string> = {
  results: '科技成果',
  experts: '专家',
  contracts: '技术合同',
}

/** A registry export's row, as the contracts template shows it. */
const CONTRACT_EXAMPLE = [
  'C-2026-001',
  '2026120115000123',
  '技术开发（委托）',
  '锂电池正极材料工艺优化',
  '天津某新能源科技有限公司',
  '',
  '天津市宝坻区',
  '北京某大学',
  '',
  '北京市海淀区',
  '1200000.00',
  '1000000.00',
  '2026-03-01',
  '2026-03-20',
  '新能源',
]

/** The empty template with our Chinese headers, one example row and a notes sheet. */
export async function importTemplate(kind: BrowserImportKind): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS[kind])
  const columns = COLUMNS[kind]
  sheet.addRow(columns.map((c) => (c.required ? `${c.zh}*` : c.zh)))
  sheet.getRow(1).font = { bold: true }
  sheet.addRow(
    kind === 'contracts'
      ? CONTRACT_EXAMPLE
      : kind === 'results'
        ? [
            'R-2026-001',
            '高镍三元正极材料共沉淀制备技术',
            '连续共沉淀工艺制备前驱体，批次一致性好。',
            '（本单位名称）',
            '新能源',
            '正极材料、共沉淀',
            '中试',
            '技术转让、技术许可',
            '发明专利',
            'ZL201810000000.1',
            '500000',
            '1000000',
            '',
            '发布',
          ]
        : [
            'E-001',
            '张伟',
            '（本单位名称）',
            '教授',
            '精密传动、机器人减速器',
            'RV减速器',
            '智能机器人',
            '研究精密减速器设计制造。',
            '',
            '',
            '',
            '是',
          ],
  )
  sheet.columns.forEach((column) => (column.width = 18))
  const notes = workbook.addWorksheet('填写说明')
  notes.addRow(['列', '说明'])
  for (const column of columns)
    notes.addRow([
      column.zh,
      `${column.required ? '必填' : '选填'}${column.list ? '，多个值用顿号分隔' : ''}；也可写作：${column.aliases.join('、') || '—'}`,
    ])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
