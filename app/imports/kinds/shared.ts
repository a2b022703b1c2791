import type { ImportKindName, RowOf } from '../columns'
import { fieldCodeFromText, maturityFromText, type FieldRef } from '../resolve'
import type { OwnerCells } from '../organizations.server'
import type { Target } from '../plan.server'
import type { Prisma } from '~/generated/prisma/client'
import type { LegalEntityType, OrgKind } from '~/generated/prisma/enums'

/**
 * What every import kind provides to the pipeline (`importer.server.ts`): the organizations a row
 * names, its checks beyond the schema, and how it writes itself. Each kind lives in its own file
 * beside this one; the pipeline never branches on the kind.
 */
export type Tx = Prisma.TransactionClient

/** An organization a file refers to, as the pipeline found or created it. */
export interface OrgRef {
  id: string
  name: string
  kind: OrgKind
  regionCode: string
  legalEntityType: LegalEntityType
  areaId: string | null
  inDevelopmentZone: boolean
}

export type IssueParams = Record<string, string | number>

/** What a kind's checks may use: lookups, and the report's warn and fail for the row's column. */
export interface CheckContext {
  findOrg(ref: string): OrgRef | undefined
  fields: FieldRef[]
  /** A registry export kept for reconciliation (contracts only). */
  registry: boolean
  warn(key: string, column: string, params?: IssueParams): void
  fail(key: string, column: string, params?: IssueParams): void
  /**
   * Every existing organization going by this name (as the platform compares names; one with a
   * credit code first), for messages and checks only: a name never links.
   */
  namesakes(name: string): OrgRef[]
  /** Claims a name for a credit code in this file: false if an earlier row gave it another code. */
  claimName(name: string, code: string): boolean
  /**
   * Checks the row's own organization (the office itself in an office's import; otherwise linked
   * or created by credit code) and plans its creation when the file introduces it.
   */
  owner(owner: OwnerCells, fallbackKind: OrgKind, regionText?: string): void
  /** Rows seen so far in this file, by a key the kind chooses (duplicate checks). */
  seen: Map<string, number>
  row: number
}

export interface WriteContext {
  findOrg(ref: string): OrgRef | undefined
  fields: FieldRef[]
  now: Date
  /** The record this row updates (found by external ID, or written by an earlier row), if any. */
  existing: Exclude<Target, { sameAs: number }>
}

/** What a row wrote: its record, and whether it was created or updated. */
export interface Written {
  id: string
  publishedAt: Date | null
  created: boolean
}

export interface ImportKindModule<K extends ImportKindName> {
  /** The organizations (names and credit codes) a row names: its own and any others. */
  organizationRefs(value: RowOf<K>): string[]
  /** The organization a row belongs to, its credit code or else its name ('' when none: contracts link their two parties instead). */
  owner(value: RowOf<K>): string
  /** Whether rows are matched with existing records by (organization, external ID) before writing. */
  planned: boolean
  check(value: RowOf<K>, context: CheckContext): void
  write(tx: Tx, value: RowOf<K>, context: WriteContext): Promise<Written>
  /** The search index this kind's records go to after the commit, if any. */
  indexAs?: 'experts' | 'results' | 'needs'
}

export function institutionKind(name: string): OrgKind {
  if (/大学|学院|学校/.test(name)) return 'UNIVERSITY'
  if (/研究|科学院|实验室|中心/.test(name)) return 'RESEARCH_INSTITUTE'
  return 'ENTERPRISE'
}

export function legalEntityType(kind: OrgKind): LegalEntityType {
  if (kind === 'UNIVERSITY') return 'UNIVERSITY'
  if (kind === 'RESEARCH_INSTITUTE') return 'RESEARCH_INSTITUTE'
  if (kind === 'BUREAU') return 'GOVERNMENT'
  return 'ENTERPRISE'
}

/** A decimal yuan string (checked by the schema) as exact fen. */
export function yuanToFen(value: string | undefined): bigint | null {
  if (value === undefined) return null
  const [whole, frac = ''] = value.split('.')
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2))
}

/** The technical field and maturity texts, warned about when we cannot place them. */
export function checkFieldAndMaturity(context: CheckContext, field?: string, maturity?: string) {
  if (field && !fieldCodeFromText(field, context.fields)) context.warn('imports.unknownField', 'field')
  if (maturity && !maturityFromText(maturity)) context.warn('imports.unknownMaturity', 'maturity')
}

/** A draft row (状态 草稿/draft) is written unpublished; anything else is published. */
export const isPublished = (status: string | undefined) => !status || !/草稿|draft/i.test(status)
