import { COLUMNS, ROW_SCHEMAS, issueKey, mapHeaders, normalizeRow, type ImportKindName, type RowOf } from './kinds'
import { cooperationModesFromText, fieldCodeFromText, maturityFromText, type FieldRef } from './resolve'
import { countPlan, planRows, type PlannedRow, type Target } from './plan.server'
import type { RawRow, Table } from './read.server'
import { writeRegistryRecords } from './registry.server'
import { BAODI_REGION_CODE, regionCodeFromText } from '~/data/regions'
import { INSTITUTIONS } from '../../prisma/seed/reference'
import { enqueueIndexing } from '~/search/sync.server'
import { recordAudit } from '~/utils/audit.server'
import { isValidCreditCode } from '~/validation/credit-code'
import { PATENT_NUMBER } from '~/validation/results'
import { notifyReviewers } from '~/models/verification.server'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'
import type { ContractType, ImportKind, IpType, LegalEntityType, OrgKind } from '~/generated/prisma/enums'

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

type Tx = Prisma.TransactionClient

const IP_TYPES: Array<[RegExp, IpType]> = [
  [/发明/, 'INVENTION_PATENT'],
  [/实用新型/, 'UTILITY_MODEL'],
  [/外观/, 'DESIGN_PATENT'],
  [/软件|软著/, 'SOFTWARE_COPYRIGHT'],
  [/集成电路|布图/, 'IC_LAYOUT'],
  [/植物|品种/, 'PLANT_VARIETY'],
  [/新药|药品/, 'NEW_DRUG'],
  [/秘密|诀窍|know/i, 'TECHNICAL_SECRET'],
]
const CONTRACT_TYPES: Array<[RegExp, ContractType]> = [
  [/合作开发/, 'DEVELOPMENT_COOPERATIVE'],
  [/委托开发|技术开发/, 'DEVELOPMENT_COMMISSIONED'],
  [/转让/, 'TRANSFER'],
  [/许可/, 'LICENSE'],
  [/咨询/, 'CONSULTING'],
  [/服务/, 'SERVICE'],
]

function institutionKind(name: string): OrgKind {
  if (/大学|学院|学校/.test(name)) return 'UNIVERSITY'
  if (/研究|科学院|实验室|中心/.test(name)) return 'RESEARCH_INSTITUTE'
  return 'ENTERPRISE'
}

function legalEntityType(kind: OrgKind): LegalEntityType {
  if (kind === 'UNIVERSITY') return 'UNIVERSITY'
  if (kind === 'RESEARCH_INSTITUTE') return 'RESEARCH_INSTITUTE'
  if (kind === 'BUREAU') return 'GOVERNMENT'
  return 'ENTERPRISE'
}

const normalizeName = (name: string) => name.replace(/[\s()（）]/g, '')
const yuanToFen = (value: string | undefined) => {
  if (value === undefined) return null
  const [whole, frac = ''] = value.split('.')
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2))
}

/** The organization a row belongs to, as the file names it (organizations: the row itself). */
function orgRefOf(kind: ImportKindName, value: Record<string, unknown>): string {
  if (kind === 'experts' || kind === 'results') return value.institution as string
  if (kind === 'needs') return value.enterprise as string
  if (kind === 'organizations') return (value.creditCode as string | undefined) ?? (value.name as string)
  return ''
}

/** An organizations file updates the organizations it names by credit code or name, and creates the rest. */
const countOrganizations = (known: boolean[]) => ({
  created: known.filter((k) => !k).length,
  updated: known.filter(Boolean).length,
})

interface OrgRef {
  id: string
  name: string
  kind: OrgKind
  regionCode: string
  legalEntityType: LegalEntityType
  areaId: string | null
  inDevelopmentZone: boolean
}

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
  const names = new Set<string>()
  const codes = new Set<string>()
  const refOf = (value: Record<string, unknown>): string[] => {
    if (kind === 'experts' || kind === 'results') return [value.institution as string]
    if (kind === 'needs') return [value.enterprise as string]
    if (kind === 'contracts')
      return [value.buyerCreditCode ?? value.buyer, value.sellerCreditCode ?? value.seller] as string[]
    return [(value.creditCode as string | undefined) ?? (value.name as string)]
  }
  for (const { value } of parsed) {
    for (const ref of refOf(value)) (isValidCreditCode(ref) ? codes : names).add(ref)
  }
  const orgSelect = {
    id: true,
    name: true,
    kind: true,
    regionCode: true,
    legalEntityType: true,
    areaId: true,
    inDevelopmentZone: true,
    creditCode: true,
  } as const
  const known = await db.organization.findMany({
    where: { OR: [{ name: { in: [...names] } }, { creditCode: { in: [...codes] } }] },
    select: orgSelect,
  })
  const orgByRef = new Map<string, OrgRef>()
  for (const org of known) {
    orgByRef.set(normalizeName(org.name), org)
    if (org.creditCode) orgByRef.set(org.creditCode, org)
  }
  const findOrg = (ref: string) => orgByRef.get(isValidCreditCode(ref) ? ref : normalizeName(ref))

  const warn = (row: number, key: string, column: string, params?: ImportIssue['params']) =>
    report.warnings.push({ row, column: columnName(column), key, params })
  const fail = (row: number, key: string, column: string, params?: ImportIssue['params']) =>
    report.errors.push({ row, column: columnName(column), key, params })

  // Organizations the file names that do not exist yet: created with the import, flagged for review.
  const toCreate = new Map<string, { name: string; kind: OrgKind; regionCode: string; creditCode?: string }>()
  const planOrg = (ref: string, fallbackKind: OrgKind, regionText?: string) => {
    if (findOrg(ref) || kind === 'contracts') return
    const key = isValidCreditCode(ref) ? ref : normalizeName(ref)
    if (toCreate.has(key)) return
    // A well-known institution (reference list) brings its kind and district; otherwise the
    // name's place words decide, and the review flag asks staff to check.
    const reference = INSTITUTIONS.find((i) => normalizeName(i.name) === normalizeName(ref))
    const orgKind: OrgKind = reference?.kind ?? (fallbackKind === 'ENTERPRISE' ? 'ENTERPRISE' : institutionKind(ref))
    const regionCode =
      regionCodeFromText(regionText) ??
      reference?.regionCode ??
      regionCodeFromText(ref) ??
      (orgKind === 'ENTERPRISE' ? BAODI_REGION_CODE : '000000')
    toCreate.set(key, { name: ref, kind: orgKind, regionCode })
  }

  const checkScope = (row: number, ref: string, column: string) => {
    if (!options.scopeOrganizationId) return
    const org = findOrg(ref)
    if (!org || org.id !== options.scopeOrganizationId) fail(row, 'imports.notYourOrganization', column)
  }

  const seenRegistrations = new Map<string, number>()
  for (const { row, value } of parsed) {
    if (kind === 'experts' || kind === 'results') {
      checkScope(row, value.institution as string, 'institution')
      planOrg(value.institution as string, 'UNIVERSITY')
    }
    if (kind === 'needs') {
      checkScope(row, value.enterprise as string, 'enterprise')
      planOrg(value.enterprise as string, 'ENTERPRISE', value.region as string | undefined)
      if (value.region && !regionCodeFromText(value.region as string)) warn(row, 'imports.unknownRegion', 'region')
    }
    if (kind === 'organizations') {
      const code = value.creditCode as string | undefined
      if (code && !isValidCreditCode(code)) fail(row, 'imports.creditCode', 'creditCode')
      if (value.region && !regionCodeFromText(value.region as string)) warn(row, 'imports.unknownRegion', 'region')
    }
    if ((kind === 'results' || kind === 'needs' || kind === 'experts' || kind === 'contracts') && value.field) {
      if (!fieldCodeFromText(value.field as string, fields)) warn(row, 'imports.unknownField', 'field')
    }
    if ((kind === 'results' || kind === 'needs') && value.maturity && !maturityFromText(value.maturity as string)) {
      warn(row, 'imports.unknownMaturity', 'maturity')
    }
    if (kind === 'results') {
      const { unknown: badModes } = cooperationModesFromText(value.transferModes as string[])
      if (badModes.length) warn(row, 'imports.unknownMode', 'transferModes', { value: badModes.join('、') })
      for (const number of value.patentNumbers as string[]) {
        if (!PATENT_NUMBER.test(number)) fail(row, 'imports.patentNumber', 'patentNumbers', { value: number })
      }
      const min = yuanToFen(value.priceMinYuan as string | undefined)
      const max = yuanToFen(value.priceMaxYuan as string | undefined)
      if (min !== null && max !== null && min > max) fail(row, 'imports.priceRange', 'priceMinYuan')
      if (value.ipType && !IP_TYPES.some(([p]) => p.test(value.ipType as string)))
        warn(row, 'imports.unknownIpType', 'ipType')
    }
    if (kind === 'needs') {
      const { unknown: badModes } = cooperationModesFromText(value.cooperationModes as string[])
      if (badModes.length) warn(row, 'imports.unknownMode', 'cooperationModes', { value: badModes.join('、') })
    }
    if (kind === 'contracts') {
      if (options.registry) {
        const number = value.registrationNumber as string | undefined
        if (!number) fail(row, 'imports.registrationRequired', 'registrationNumber')
        else if (seenRegistrations.has(number))
          fail(row, 'imports.duplicateRegistration', 'registrationNumber', { first: seenRegistrations.get(number)! })
        else seenRegistrations.set(number, row)
      }
      if (!CONTRACT_TYPES.some(([p]) => p.test(value.type as string))) fail(row, 'imports.contractType', 'type')
      const amount = yuanToFen(value.amountYuan as string)!
      const tech = yuanToFen(value.techAmountYuan as string | undefined) ?? amount
      if (tech > amount) fail(row, 'imports.techAmount', 'techAmountYuan')
      for (const side of ['buyer', 'seller'] as const) {
        // A party is linked to an organization by its credit code only: a name can be taken by a
        // namesake, who would then read the contract.
        const code = value[`${side}CreditCode`] as string | undefined
        const org = code ? findOrg(code) : undefined
        const region = regionCodeFromText(value[`${side}Region`] as string | undefined) ?? org?.regionCode
        if (!region) fail(row, 'imports.partyRegion', `${side}Region`)
        if (!code && findOrg(value[side] as string)) warn(row, 'imports.partyUnlinked', `${side}CreditCode`)
      }
    }
  }
  report.newOrganizations = [...toCreate.values()].map((o) => o.name)
  if (report.errors.length) {
    report.errors.sort((a, b) => a.row - b.row)
    return report
  }

  const planned = (): PlannedRow[] =>
    parsed.map(({ value }) => {
      const ref = orgRefOf(kind, value)
      return { value, organizationRef: ref, organizationId: ref ? findOrg(ref)?.id : undefined }
    })

  if (options.dryRun) {
    // Nothing is written: the plan (a few bulk lookups) says which rows create and which update,
    // exactly as the commit will decide it.
    const counts =
      kind === 'organizations'
        ? countOrganizations(parsed.map(({ value }) => !!findOrg(orgRefOf(kind, value))))
        : countPlan(await planRows(db, kind, planned()))
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
    for (const [key, plan] of toCreate) {
      const org = await tx.organization.create({
        data: {
          name: plan.name,
          kind: plan.kind,
          regionCode: plan.regionCode,
          legalEntityType: legalEntityType(plan.kind),
          creditCode: plan.creditCode,
        },
        select: orgSelect,
      })
      // Created by an import, it waits for review like a registered one.
      await notifyReviewers(tx, org)
      orgByRef.set(key, org)
    }
    const targets = kind === 'organizations' ? [] : await planRows(tx, kind, planned())
    const counts = await writeRows(tx, kind, parsed, targets, {
      findOrg,
      fields,
      report,
      onProgress: options.onProgress,
    })
    report.created = counts.created
    report.updated = counts.updated
  }

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
    },
    { timeout: 600_000, maxWait: 30_000 },
  )
  report.committed = true
  return report
}

/** A contract row as the Contract columns it writes. Parties are linked by credit code only. */
export function contractData(v: RowOf<'contracts'>, findOrg: (ref: string) => OrgRef | undefined, fields: FieldRef[]) {
  const buyer = v.buyerCreditCode ? findOrg(v.buyerCreditCode) : undefined
  const seller = v.sellerCreditCode ? findOrg(v.sellerCreditCode) : undefined
  const amountFen = yuanToFen(v.amountYuan)!
  return {
    type: CONTRACT_TYPES.find(([p]) => p.test(v.type))![1],
    projectName: v.projectName,
    status: v.registrationNumber ? ('REGISTERED' as const) : ('SIGNED' as const),
    registrationNumber: v.registrationNumber ?? null,
    registeredAt: v.registrationNumber ? (v.registeredOn ?? v.signedOn!) : null,
    buyerOrgId: buyer?.id ?? null,
    buyerName: v.buyer,
    buyerCreditCode: v.buyerCreditCode ?? null,
    buyerRegionCode: regionCodeFromText(v.buyerRegion) ?? buyer!.regionCode,
    buyerEntityType: buyer?.legalEntityType ?? 'ENTERPRISE',
    sellerOrgId: seller?.id ?? null,
    sellerName: v.seller,
    sellerCreditCode: v.sellerCreditCode ?? null,
    sellerRegionCode: regionCodeFromText(v.sellerRegion) ?? seller!.regionCode,
    sellerEntityType: seller?.legalEntityType ?? 'ENTERPRISE',
    amountFen,
    techAmountFen: yuanToFen(v.techAmountYuan) ?? amountFen,
    signedOn: v.signedOn!,
    fieldCode: v.field ? fieldCodeFromText(v.field, fields) : null,
    // The town/street and zone: the contract_attribution trigger, from the parties' organizations.
    needsExpertReview: amountFen >= 500_000_000n,
  }
}

interface WriteContext {
  findOrg: (ref: string) => OrgRef | undefined
  fields: FieldRef[]
  report: ImportReport
  onProgress?: (done: number) => void
}

async function writeRows(
  tx: Tx,
  kind: ImportKindName,
  rows: Array<{ row: number; value: Record<string, unknown> }>,
  targets: Target[],
  context: WriteContext,
): Promise<{ created: number; updated: number }> {
  let created = 0
  let updated = 0
  const changed: string[] = []
  const now = new Date()
  // What each row wrote, so a later row of the same record (`sameAs`) updates it.
  const written: Array<{ id: string; publishedAt: Date | null }> = []
  const existingFor = (index: number) => {
    const target = targets[index]
    if (!target) return null
    return 'sameAs' in target ? written[target.sameAs] : target
  }
  let done = 0
  for (const [index, { value }] of rows.entries()) {
    if (++done % 500 === 0) context.onProgress?.(done)
    if (kind === 'organizations') {
      const v = value as RowOf<'organizations'>
      const existing = context.findOrg(v.creditCode ?? v.name)
      const orgKind: OrgKind = v.kind ? institutionKind(v.kind.includes('企业') ? '' : v.kind) : institutionKind(v.name)
      const data = {
        name: v.name,
        website: v.website ?? null,
        description: v.description ?? null,
        ...(v.region && regionCodeFromText(v.region) ? { regionCode: regionCodeFromText(v.region)! } : {}),
      }
      if (existing) {
        await tx.organization.update({ where: { id: existing.id }, data })
        updated++
      } else {
        const organization = await tx.organization.create({
          data: {
            ...data,
            kind: orgKind,
            legalEntityType: legalEntityType(orgKind),
            creditCode: v.creditCode ?? null,
            regionCode: data.regionCode ?? regionCodeFromText(v.name) ?? BAODI_REGION_CODE,
          },
          select: { id: true, name: true },
        })
        await notifyReviewers(tx, organization)
        created++
      }
      continue
    }

    if (kind === 'experts') {
      const v = value as RowOf<'experts'>
      const org = context.findOrg(v.institution)!
      const field = v.field ? fieldCodeFromText(v.field, context.fields) : null
      const data = {
        name: v.name,
        title: v.title ?? null,
        directions: v.directions,
        keywords: v.keywords,
        fieldCodes: field ? [field] : [],
        bio: v.bio ?? null,
        achievements: v.achievements ?? null,
        email: v.email ?? null,
        phone: v.phone ?? null,
        available: v.available ?? true,
        status: 'PUBLISHED' as const,
        lastActivityAt: now,
      }
      const existing = existingFor(index)
      if (existing) {
        await tx.expert.update({ where: { id: existing.id }, data })
        written[index] = existing
        updated++
      } else {
        const expert = await tx.expert.create({
          data: { ...data, organizationId: org.id, externalId: v.externalId ?? null },
          select: { id: true },
        })
        written[index] = { id: expert.id, publishedAt: null }
        created++
      }
      changed.push(written[index].id)
      continue
    }

    if (kind === 'results') {
      const v = value as RowOf<'results'>
      const org = context.findOrg(v.institution)!
      const maturity = v.maturity ? maturityFromText(v.maturity) : null
      const published = !v.status || !/草稿|draft/i.test(v.status)
      const data = {
        title: v.title,
        abstract: v.abstract,
        fieldCode: v.field ? fieldCodeFromText(v.field, context.fields) : null,
        keywords: v.keywords,
        trl: maturity?.trl ?? null,
        stage: maturity?.stage ?? null,
        ipType:
          (v.ipType ? IP_TYPES.find(([p]) => p.test(v.ipType!))?.[1] : undefined) ??
          (v.patentNumbers.length ? 'INVENTION_PATENT' : 'NONE'),
        patentNumbers: v.patentNumbers.map((n) => n.toUpperCase().replace(/\s/g, '')),
        transferModes: cooperationModesFromText(v.transferModes).modes,
        priceMinFen: yuanToFen(v.priceMinYuan),
        priceMaxFen: yuanToFen(v.priceMaxYuan),
        status: published ? ('PUBLISHED' as const) : ('DRAFT' as const),
        publishedAt: published ? now : null,
        lastActivityAt: now,
        staleRemindedAt: null,
      }
      const existing = existingFor(index)
      let id: string
      if (existing) {
        const publishedAt = published ? (existing.publishedAt ?? now) : null
        await tx.researchResult.update({ where: { id: existing.id }, data: { ...data, publishedAt } })
        id = existing.id
        written[index] = { id, publishedAt }
        updated++
      } else {
        id = (
          await tx.researchResult.create({
            data: { ...data, organizationId: org.id, externalId: v.externalId ?? null },
            select: { id: true },
          })
        ).id
        written[index] = { id, publishedAt: data.publishedAt }
        created++
      }
      if (v.experts.length) {
        const team = await tx.expert.findMany({
          where: { organizationId: org.id, name: { in: v.experts } },
          select: { id: true, name: true },
        })
        await tx.resultExpert.deleteMany({ where: { resultId: id } })
        await tx.resultExpert.createMany({
          data: team.map((e) => ({ resultId: id, expertId: e.id, isLead: e.name === v.experts[0] })),
          skipDuplicates: true,
        })
      }
      changed.push(id)
      continue
    }

    if (kind === 'needs') {
      const v = value as RowOf<'needs'>
      const org = context.findOrg(v.enterprise)!
      const maturity = v.maturity ? maturityFromText(v.maturity) : null
      const published = !v.status || !/草稿|draft/i.test(v.status)
      const budget = yuanToFen(v.budgetWan)
      const data = {
        title: v.title,
        summary: v.description,
        confidentialDetail: v.confidentialDetail ?? null,
        triedApproaches: v.triedApproaches ?? null,
        fieldCode: v.field ? fieldCodeFromText(v.field, context.fields) : null,
        keywords: v.keywords,
        regionCode: regionCodeFromText(v.region) ?? org.regionCode,
        budgetMaxFen: budget === null ? null : budget * 10_000n,
        deadline: v.deadline ?? null,
        cooperationModes: cooperationModesFromText(v.cooperationModes).modes,
        wantedStage: maturity?.stage ?? null,
        wantedTrlMin: maturity?.trl ?? null,
        status: published ? ('PUBLISHED' as const) : ('DRAFT' as const),
        lastActivityAt: now,
        staleRemindedAt: null,
      }
      const existing = existingFor(index)
      if (existing) {
        const publishedAt = published ? (existing.publishedAt ?? now) : null
        await tx.need.update({ where: { id: existing.id }, data: { ...data, publishedAt } })
        written[index] = { id: existing.id, publishedAt }
        updated++
      } else {
        const publishedAt = published ? now : null
        const need = await tx.need.create({
          data: { ...data, organizationId: org.id, externalId: v.externalId ?? null, publishedAt },
          select: { id: true },
        })
        written[index] = { id: need.id, publishedAt }
        created++
      }
      changed.push(written[index].id)
      continue
    }

    const v = value as RowOf<'contracts'>
    const data = contractData(v, context.findOrg, context.fields)
    const existing = existingFor(index)
    if (existing) {
      await tx.contract.update({ where: { id: existing.id }, data })
      written[index] = existing
      updated++
    } else {
      const contract = await tx.contract.create({
        data: { ...data, externalId: v.externalId ?? null },
        select: { id: true },
      })
      written[index] = { id: contract.id, publishedAt: null }
      created++
    }
  }
  if (kind === 'experts' || kind === 'results' || kind === 'needs') await enqueueIndexing(tx, kind, changed)
  return { created, updated }
}
