import { data, redirect } from '@remix-run/node'
import { COLUMNS, type BrowserImportKind, type ImportKindName } from '~/imports/columns'
import {
  BUREAU_IMPORT_KINDS,
  OFFICE_IMPORT_KINDS,
  commitImport,
  getImportBatch,
  importTemplate,
  listImportBatches,
  previewImport,
  remapImport,
  type StoredReport,
} from '~/imports/batches.server'
import { requireCsrf } from '~/utils/csrf.server'
import { notFound, requireBureauStaff, requireOffice } from '~/utils/permissions.server'
import { beijingDateTime } from '~/utils/format'
import { parseUpload } from '~/utils/uploads.server'
import { importBatchInput, ImportBatchActionSchema } from '~/validation/imports'

/**
 * The browser import, for two audiences on the same code: tech-transfer offices import their
 * results and experts, bureau staff the registry's contract exports. Each sees only its own
 * organization's uploads.
 */
export interface ImportArea {
  base: string
  back: string
  /** Message keys: the link back, and the page's introduction. */
  backLabel: string
  intro: string
  kinds: readonly BrowserImportKind[]
  /** Where the organization's own records download in the import format, if they do. */
  exportBase?: string
  require: (
    request: Request,
  ) => Promise<{ user: { id: string }; membership: { organizationId: string; organizationName: string } }>
}

export const OFFICE_IMPORTS: ImportArea = {
  base: '/office/import',
  back: '/office',
  backLabel: 'office.title',
  intro: 'importUi.intro',
  kinds: OFFICE_IMPORT_KINDS,
  exportBase: '/office/export',
  require: requireOffice,
}
export const BUREAU_IMPORTS: ImportArea = {
  base: '/bureau/import',
  back: '/bureau',
  backLabel: 'bureau.title',
  intro: 'importUi.introContracts',
  kinds: BUREAU_IMPORT_KINDS,
  require: requireBureauStaff,
}

const MAX_FILE_BYTES = 30 * 1024 * 1024

export async function importUploadLoader(request: Request, area: ImportArea) {
  const { membership } = await area.require(request)
  const batches = await listImportBatches(membership.organizationId)
  return {
    base: area.base,
    back: area.back,
    backLabel: area.backLabel,
    intro: area.intro,
    kinds: [...area.kinds],
    exportBase: area.exportBase ?? null,
    organizationName: membership.organizationName,
    batches: batches
      .filter((b) => area.kinds.includes(b.kind.toLowerCase() as BrowserImportKind))
      .map((b) => ({ ...b, createdAt: beijingDateTime(b.createdAt) })),
  }
}

/** Upload → a dry-run preview of every row, kept until it is committed. */
export async function importUploadAction(request: Request, area: ImportArea) {
  const { user, membership } = await area.require(request)
  const upload = await parseUpload(request, MAX_FILE_BYTES)
  if (!upload) return data({ error: 'errors.import.tooLarge' }, { status: 413 })
  try {
    await requireCsrf(request, upload.formData)
    const kind = upload.formData.get('kind') as BrowserImportKind
    const file = upload.file('file')
    if (!area.kinds.includes(kind)) return data({ error: 'errors.import.kind' }, { status: 400 })
    if (!file) return data({ error: 'errors.import.noFile' }, { status: 400 })
    const outcome = await previewImport(
      { userId: user.id, organizationId: membership.organizationId },
      kind,
      file.name,
      await file.bytes(),
    )
    if (!outcome.ok) return data({ error: outcome.error, params: outcome.params ?? {} }, { status: 400 })
    return redirect(`${area.base}/${outcome.batchId}`)
  } finally {
    await upload.dispose()
  }
}

async function batchOf(request: Request, area: ImportArea, id: string) {
  const { user, membership } = await area.require(request)
  const batch = await getImportBatch(id, membership.organizationId)
  if (!batch || !area.kinds.includes(batch.kind.toLowerCase() as BrowserImportKind)) notFound()
  return { batch, actor: { userId: user.id, organizationId: membership.organizationId } }
}

export async function importBatchLoader(request: Request, area: ImportArea, id: string) {
  const { batch } = await batchOf(request, area, id)
  const kind = batch.kind.toLowerCase() as ImportKindName
  return {
    base: area.base,
    batch: { ...batch, createdAt: batch.createdAt.toISOString() },
    report: batch.report as unknown as StoredReport | null,
    columns: COLUMNS[kind].map((c) => ({ key: c.key, zh: c.zh })),
  }
}

export async function importBatchAction(request: Request, area: ImportArea, id: string) {
  const { batch, actor } = await batchOf(request, area, id)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = ImportBatchActionSchema.safeParse(importBatchInput(formData))
  if (!parsed.success) return data({ error: 'errors.import.badAction' }, { status: 400 })
  const input = parsed.data
  switch (input.intent) {
    case 'remap':
      if (!(await remapImport(actor, batch.id, input.mapping)))
        return data({ error: 'errors.import.notPreviewed' }, { status: 409 })
      return { error: null }
    case 'commit':
      if (!(await commitImport(actor, batch.id))) return data({ error: 'errors.import.hasErrors' }, { status: 409 })
      return { error: null }
  }
}

const TEMPLATE_NAMES: Record<BrowserImportKind, string> = {
  results: '科技成果导入模板.xlsx',
  experts: '专家导入模板.xlsx',
  contracts: '技术合同导入模板.xlsx',
}

/** The XLSX template of one kind, with Chinese headers. */
export async function importTemplateLoader(request: Request, area: ImportArea) {
  await area.require(request)
  const kind = new URL(request.url).searchParams.get('kind') as BrowserImportKind
  if (!area.kinds.includes(kind)) return new Response('Not Found', { status: 404 })
  return new Response(Buffer.from(await importTemplate(kind)), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(TEMPLATE_NAMES[kind])}`,
    },
  })
}
