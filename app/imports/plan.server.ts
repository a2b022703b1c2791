import type { ImportKindName } from './columns'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'

/**
 * What each row of an import will do, decided before anything is written: update a record that
 * exists, update the record an earlier row of the same file creates, or create one. The preview
 * counts from this plan without writing; the commit writes by it. Lookups are a few bulk queries
 * instead of one per row.
 */
export type Target = { id: string; publishedAt: Date | null } | { sameAs: number } | null

export interface PlannedRow {
  value: Record<string, unknown>
  /** The organization's id, or undefined for one the import itself creates. */
  organizationId: string | undefined
  /** The organization's reference in the file (for organizations the import creates). */
  organizationRef: string
}

type Db = PrismaClient | Prisma.TransactionClient

const CHUNK = 5_000
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

interface Existing {
  id: string
  publishedAt: Date | null
  keys: string[]
}

const owned = (org: string, how: string, value: string) => `${org}\u0000${how}\u0000${value}`

/** Keys a row is known by: its external ID, or else its title (name for experts), in its organization. */
function rowKeys(kind: ImportKindName, row: PlannedRow): string[] {
  const v = row.value
  if (kind === 'contracts') {
    return [
      ...(v.registrationNumber ? [`r\u0000${v.registrationNumber as string}`] : []),
      ...(v.externalId ? [`x\u0000${v.externalId as string}`] : []),
    ]
  }
  const org = row.organizationId ?? `new:${row.organizationRef}`
  if (v.externalId) return [owned(org, 'x', v.externalId as string)]
  return [owned(org, 'n', (kind === 'experts' ? v.name : v.title) as string)]
}

async function lookUp(db: Db, kind: ImportKindName, rows: PlannedRow[]): Promise<Existing[]> {
  const found: Existing[] = []
  if (kind === 'contracts') {
    const registrations = [...new Set(rows.map((r) => r.value.registrationNumber as string).filter(Boolean))]
    const externals = [...new Set(rows.map((r) => r.value.externalId as string).filter(Boolean))]
    for (const part of chunks(registrations)) {
      const contracts = await db.contract.findMany({
        where: { registrationNumber: { in: part } },
        select: { id: true, registrationNumber: true },
      })
      for (const c of contracts) found.push({ id: c.id, publishedAt: null, keys: [`r\u0000${c.registrationNumber}`] })
    }
    for (const part of chunks(externals)) {
      const contracts = await db.contract.findMany({
        where: { externalId: { in: part } },
        select: { id: true, externalId: true },
      })
      for (const c of contracts) found.push({ id: c.id, publishedAt: null, keys: [`x\u0000${c.externalId}`] })
    }
    return found
  }
  const organizations = [...new Set(rows.map((r) => r.organizationId).filter((id): id is string => !!id))]
  if (organizations.length === 0) return found
  const externals = [...new Set(rows.map((r) => r.value.externalId as string).filter(Boolean))]
  const names = [
    ...new Set(
      rows.filter((r) => !r.value.externalId).map((r) => (kind === 'experts' ? r.value.name : r.value.title) as string),
    ),
  ]
  for (const part of chunks(externals)) {
    const where = { organizationId: { in: organizations }, externalId: { in: part } }
    const select = { id: true, organizationId: true, externalId: true } as const
    const records =
      kind === 'experts'
        ? (await db.expert.findMany({ where, select })).map((r) => ({ ...r, publishedAt: null }))
        : kind === 'results'
          ? await db.researchResult.findMany({ where, select: { ...select, publishedAt: true } })
          : await db.need.findMany({ where, select: { ...select, publishedAt: true } })
    for (const r of records)
      found.push({ id: r.id, publishedAt: r.publishedAt, keys: [owned(r.organizationId, 'x', r.externalId!)] })
  }
  for (const part of chunks(names)) {
    const records =
      kind === 'experts'
        ? (
            await db.expert.findMany({
              where: { organizationId: { in: organizations }, externalId: null, name: { in: part } },
              select: { id: true, organizationId: true, name: true },
              orderBy: { createdAt: 'asc' },
            })
          ).map((r) => ({ id: r.id, organizationId: r.organizationId, label: r.name, publishedAt: null }))
        : (kind === 'results'
            ? await db.researchResult.findMany({
                where: { organizationId: { in: organizations }, externalId: null, title: { in: part } },
                select: { id: true, organizationId: true, title: true, publishedAt: true },
                orderBy: { createdAt: 'asc' },
              })
            : await db.need.findMany({
                where: { organizationId: { in: organizations }, externalId: null, title: { in: part } },
                select: { id: true, organizationId: true, title: true, publishedAt: true },
                orderBy: { createdAt: 'asc' },
              })
          ).map((r) => ({ id: r.id, organizationId: r.organizationId, label: r.title, publishedAt: r.publishedAt }))
    for (const r of records)
      found.push({ id: r.id, publishedAt: r.publishedAt, keys: [owned(r.organizationId, 'n', r.label)] })
  }
  return found
}

/**
 * One target per row, in the file's order. A row matching an existing record updates it (the
 * oldest, when several share a title); a row matching an earlier row of the file updates what
 * that row wrote.
 */
export async function planRows(db: Db, kind: ImportKindName, rows: PlannedRow[]): Promise<Target[]> {
  const existing = new Map<string, Existing>()
  for (const record of await lookUp(db, kind, rows)) {
    for (const key of record.keys) if (!existing.has(key)) existing.set(key, record)
  }
  const earlier = new Map<string, number>()
  return rows.map((row, index) => {
    const keys = rowKeys(kind, row)
    const record = keys.map((k) => existing.get(k)).find(Boolean)
    const first = keys.map((k) => earlier.get(k)).find((i) => i !== undefined)
    for (const key of keys) if (!earlier.has(key)) earlier.set(key, index)
    if (record) return { id: record.id, publishedAt: record.publishedAt }
    if (first !== undefined) return { sameAs: first }
    return null
  })
}

/** Rows the plan creates and updates. */
export function countPlan(targets: Target[]): { created: number; updated: number } {
  const created = targets.filter((t) => t === null).length
  return { created, updated: targets.length - created }
}
