import { COLUMNS, ROW_SCHEMAS, issueKey, mapHeaders, normalizeRow, type ImportKindName, type RowOf } from './columns'
import { kindModule } from './kinds'
import { contractData } from './kinds/contracts.server'
import { type ImportKindModule, type Tx, type WriteContext, type Written } from './kinds/shared'
import { createPlannedOrganizations, OrganizationDirectory, OrganizationTakenMeanwhile } from './organizations.server'
import { countPlan, planRows, type PlannedRow, type Target } from './plan.server'
import type { FieldRef } from './resolve'
import type { RawRow, Table } from './read.server'
import { writeRegistryRecords } from './registry.server'
import { enqueueIndexing } from '~/search/enqueue.server'
import { recordAudit } from '~/utils/audit.server'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'
import { notifyReviewers } from '~/models/verification.server'
import type { PrismaClient } from '~/generated/prisma/client'
import type { ImportKind } from '~/generated/prisma/enums'

type Row = RowOf<ImportKindName>

/** One problem in a file: its row (spreadsheet numbering, header = 1), column and message key. */
export interface ImportIssue {
  row: number
  column: string
  key: string
  params?: Record<string, string | number>
}

export interface ImportReport {
  kind: ImportKindName
  fileName: string
  rows: number
  created: number
  updated: number
  errors: ImportIssue[]
  warnings: ImportIssue[]
  /** Institutions or enterprises the file named that did not exist: created and flagged for review. */
  newOrganizations: string[]
  dryRun: boolean
  committed: boolean
  batchId: string | null
}

export interface ImportOptions {
  fileName: string
  dryRun: boolean
  actor?: { userId: string; organizationId: string | null }
  /** Restricts every row to this organization (an office importing its own listings). */
  scopeOrganizationId?: string
  /** The user's choices for headers we did not recognise: header → column key. */
  headerMapping?: Record<string, string>
  /** An existing batch (the browser's preview) to mark committed instead of creating one. */
  batchId?: string
  /**
   * A registry export kept for reconciliation (contracts only): every row needs its registration
   * number, and the commit stores the rows as the registry's records instead of writing contracts.
   */
  registry?: boolean
  /** Called as rows are written, with how many are done. */
  onProgress?: (done: number) => void
}

/** An organizations file updates the organizations it names by credit code or name, and creates the rest. */
const countOrganizations = (known: boolean[]) => ({
  created: known.filter((k) => !k).length,
  updated: known.filter(Boolean).length,
})

/**
 * Validates a whole file, resolves its references and, unless it is a dry run or any row has an
 * error, writes everything in one transaction (all or nothing). Rows are upserted by
 * (organization, externalId), so importing the same file twice changes nothing.
 */
export async function importTable(
  db: PrismaClient,
  kind: ImportKindName,
  table: Table,
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = {
    kind,
    fileName: options.fileName,
    rows: table.rows.length,
    created: 0,
    updated: 0,
    errors: [],
    warnings: [],
    newOrganizations: [],
    dryRun: options.dryRun,
    committed: false,
    batchId: null,
  }
  const { mapping, unknown } = mapHeaders(kind, table.headers, options.headerMapping)
  const headerOf = new Map([...mapping].map(([header, key]) => [key, header]))
  const columnName = (key: string) => headerOf.get(key) ?? COLUMNS[kind].find((c) => c.key === key)?.zh ?? key
  for (const header of unknown) report.warnings.push({ row: 1, column: header, key: 'imports.unknownColumn' })
  for (const column of COLUMNS[kind].filter((c) => c.required && !headerOf.has(c.key))) {
    report.errors.push({ row: 1, column: column.zh, key: 'imports.missingColumn' })
  }
  if (table.rows.length === 0) report.errors.push({ row: 1, column: '', key: 'imports.file.empty' })
  if (report.errors.length) return report

  const schema = ROW_SCHEMAS[kind]
  const parsed: Array<{ row: number; value: Record<string, unknown>; cells: RawRow }> = []
  const seenExternal = new Map<string, number>()
  table.rows.forEach((raw, i) => {
    const row = table.rowNumbers[i]
    const result = schema.safeParse(normalizeRow(raw, mapping))
    if (!result.success) {
      for (const issue of result.error.issues) {
        report.errors.push({ row, column: columnName(String(issue.path[0] ?? '')), key: issueKey(issue) })
      }
      return
    }
    const value = result.data as Record<string, unknown>
    const externalId = value.externalId as string | undefined
    if (externalId) {
      const first = seenExternal.get(externalId)
      if (first !== undefined) {
        report.errors.push({ row, column: columnName('externalId'), key: 'imports.duplicateId', params: { first } })
        return
      }
      seenExternal.set(externalId, row)
    }
    parsed.push({ row, value, cells: raw })
  })

  const fields: FieldRef[] = await db.techField.findMany({ select: { code: true, nameZh: true, nameEn: true } })
  const module = kindModule(kind)
  const directory = await OrganizationDirectory.load(
    db,
    parsed.flatMap(({ value }) => module.organizationRefs(value as Row)),
    options.scopeOrganizationId,
  )
  const findOrg = (ref: string) => directory.find(ref)

  const warn = (row: number, key: string, column: string, params?: ImportIssue['params']) =>
    report.warnings.push({ row, column: columnName(column), key, params })
  const fail = (row: number, key: string, column: string, params?: ImportIssue['params']) =>
    report.errors.push({ row, column: columnName(column), key, params })

  const seen = new Map<string, number>()
  for (const { row, value } of parsed) {
    module.check(value as Row, {
      findOrg,
      fields,
      registry: Boolean(options.registry),
      warn: (key, column, params) => warn(row, key, column, params),
      fail: (key, column, params) => fail(row, key, column, params),
      namesakes: (name) => directory.namesakes(name),
      claimName: (name, code) => directory.claimName(name, code),
      owner: (owner, fallbackKind, regionText) =>
        directory.resolveOwner(
          owner,
          fallbackKind,
          regionText,
          (key, column, params) => fail(row, key, column, params),
          (key, column, params) => warn(row, key, column, params),
          row,
        ),
      seen,
      row,
    })
  }
  report.newOrganizations = [...directory.planned.values()].map((o) => o.name)
  if (report.errors.length) {
    report.errors.sort((a, b) => a.row - b.row)
    return report
  }

  const planned = (): PlannedRow[] =>
    parsed.map(({ value }) => {
      const ref = module.owner(value as Row)
      return { value, organizationRef: ref, organizationId: ref ? findOrg(ref)?.id : undefined }
    })

  if (options.dryRun) {
    // Nothing is written: the plan (a few bulk lookups) says which rows create and which update,
    // exactly as the commit will decide it.
    const counts = module.planned
      ? countPlan(await planRows(db, kind, planned()))
      : countOrganizations(parsed.map(({ value }) => !!findOrg(module.owner(value as Row))))
    report.created = counts.created
    report.updated = counts.updated
    options.onProgress?.(parsed.length)
    return report
  }

  const write = async (tx: Tx) => {
    if (options.registry && kind === 'contracts') {
      const rows = parsed.map(({ row, value, cells }) => ({
        row,
        cells,
        data: contractData(value as RowOf<'contracts'>, findOrg, fields),
      }))
      report.created = await writeRegistryRecords(tx, options.batchId!, rows)
      return
    }
    // Created by an import, each new organization waits for review like a registered one.
    for (const org of await createPlannedOrganizations(tx, directory)) await notifyReviewers(tx, org)
    const targets = module.planned ? await planRows(tx, kind, planned()) : []
    const counts = await writeRows(tx, module, parsed, targets, { findOrg, fields, onProgress: options.onProgress })
    report.created = counts.created
    report.updated = counts.updated
  }

  try {
    await commitInTransaction(db, kind, report, options, write)
  } catch (error) {
    if (!(error instanceof OrganizationTakenMeanwhile)) throw error
    // Registered (or imported) under the same name or code since the file was checked.
    report.errors.push({
      row: directory.firstRowOf(error.organizationName),
      column: '',
      key: 'imports.nameTakenMeanwhile',
      params: { name: error.organizationName },
    })
    return report
  }
  report.committed = true
  return report
}

async function commitInTransaction(
  db: PrismaClient,
  kind: ImportKindName,
  report: ImportReport,
  options: ImportOptions,
  write: (tx: Tx) => Promise<void>,
) {
  await db.$transaction(
    async (tx) => {
      await write(tx)
      const summary = {
        created: report.created,
        updated: report.updated,
        warnings: report.warnings.length,
        newOrganizations: report.newOrganizations,
      }
      const batch = options.batchId
        ? await tx.importBatch.update({
            where: { id: options.batchId },
            data: { status: 'COMMITTED', report: summary, file: null, progress: report.rows },
            select: { id: true },
          })
        : await tx.importBatch.create({
            data: {
              kind: kind.toUpperCase() as ImportKind,
              organizationId: options.actor?.organizationId ?? null,
              createdById: options.actor?.userId ?? null,
              fileName: options.fileName,
              rowCount: report.rows,
              status: 'COMMITTED',
              report: summary,
            },
            select: { id: true },
          })
      report.batchId = batch.id
      await recordAudit(tx, {
        actorId: options.actor?.userId ?? null,
        actorOrgId: options.actor?.organizationId ?? null,
        action: `import.${kind}`,
        entityType: 'ImportBatch',
        entityId: batch.id,
        data: { fileName: options.fileName, created: report.created, updated: report.updated },
      })
      // One event for the whole file: a client fetches what changed with `updatedSince`.
      await emitWebhookEvent(tx, [options.actor?.organizationId], 'import.committed', {
        batchId: batch.id,
        kind,
        created: report.created,
        updated: report.updated,
      })
    },
    { timeout: 600_000, maxWait: 30_000 },
  )
}

/**
 * Writes the rows in file order. A row whose record an earlier row of the file wrote (`sameAs`)
 * updates that record; the kind's records are queued for the search index in the same transaction.
 */
async function writeRows(
  tx: Tx,
  module: ImportKindModule<ImportKindName>,
  rows: Array<{ value: Record<string, unknown> }>,
  targets: Target[],
  context: Pick<WriteContext, 'findOrg' | 'fields'> & { onProgress?: (done: number) => void },
): Promise<{ created: number; updated: number }> {
  let created = 0
  const now = new Date()
  const written: Written[] = []
  for (const [index, { value }] of rows.entries()) {
    if ((index + 1) % 500 === 0) context.onProgress?.(index + 1)
    const target = targets[index] ?? null
    const existing = target && 'sameAs' in target ? written[target.sameAs] : target
    written[index] = await module.write(tx, value as Row, { ...context, now, existing })
    if (written[index].created) created++
  }
  if (module.indexAs) await enqueueIndexing(tx, module.indexAs, [...new Set(written.map((w) => w.id))])
  return { created, updated: rows.length - created }
}
