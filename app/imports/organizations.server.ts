import { institutionKind, legalEntityType, type OrgRef } from './kinds/shared'
import { BAODI_REGION_CODE, regionCodeFromText } from '~/data/regions'
import { INSTITUTIONS } from '../../prisma/seed/reference'
import { isValidCreditCode } from '~/validation/credit-code'
import { lockOrganizationName, nameInUse } from '~/models/organization-names.server'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'
import type { OrgKind } from '~/generated/prisma/enums'

/**
 * How an import finds the organizations its rows name. Organizations are identified by their
 * unified social credit code: a code links to the organization registered under it, and a name
 * alone never links to an existing organization, because anyone can register a namesake. The one
 * exception is an office's own import, whose owner column may name the office itself.
 *
 * Names are compared as the platform compares them everywhere (`org_name_key`: 全角/半角, spaces,
 * case, 有限责任公司 = 有限公司), so a file cannot create a second organization under a taken name.
 */
export const ORG_SELECT = {
  id: true,
  name: true,
  kind: true,
  regionCode: true,
  legalEntityType: true,
  areaId: true,
  inDevelopmentZone: true,
  creditCode: true,
} as const

export type KnownOrg = OrgRef & { creditCode: string | null }

/** An organization the file names that does not exist yet: created with the commit, flagged for review. */
export interface PlannedOrg {
  name: string
  creditCode: string
  kind: OrgKind
  regionCode: string
}

/** The row's owner as its columns give it: a name, and the credit code when the file has one. */
export interface OwnerCells {
  name: string
  creditCode?: string
  /** The column holding the name (for the report). */
  nameColumn: string
}

type Report = (key: string, column: string, params?: Record<string, string>) => void

export class OrganizationDirectory {
  private readonly byCode = new Map<string, KnownOrg>()
  /** Every live organization under a name key: earlier name-based imports left duplicates. */
  private readonly byNameKey = new Map<string, KnownOrg[]>()
  private readonly keyOfName = new Map<string, string>()
  /** Planned creations by credit code, and the code each planned name key went to. */
  readonly planned = new Map<string, PlannedOrg>()
  private readonly plannedNameKeys = new Map<string, string>()
  private readonly firstRows = new Map<string, number>()

  private constructor(private readonly scopeOrganizationId: string | undefined) {}

  /** Loads the organizations a file refers to, by credit code and by name key, in two queries. */
  static async load(db: PrismaClient, refs: Iterable<string>, scopeOrganizationId?: string) {
    const directory = new OrganizationDirectory(scopeOrganizationId)
    const codes = new Set<string>()
    const names = new Set<string>()
    for (const ref of refs) if (ref) (isValidCreditCode(ref) ? codes : names).add(ref)
    const byCode = await db.organization.findMany({
      where: { creditCode: { in: [...codes] }, verification: { not: 'MERGED' } },
      select: ORG_SELECT,
    })
    for (const org of byCode) directory.byCode.set(org.creditCode!, org)
    if (names.size === 0) return directory
    const keyed = await db.$queryRaw<Array<{ ref: string; key: string; id: string | null }>>`
      SELECT r.ref, org_name_key(r.ref) AS key, o."id"
      FROM unnest(${[...names]}::text[]) AS r(ref)
      LEFT JOIN "Organization" o ON org_name_key(o."name") = org_name_key(r.ref) AND o."verification" <> 'MERGED'
      ORDER BY o."creditCode" IS NULL, o."createdAt", o."id"`
    const ids = [...new Set(keyed.map((k) => k.id).filter((id): id is string => id !== null))]
    const orgs = new Map(
      (await db.organization.findMany({ where: { id: { in: ids } }, select: ORG_SELECT })).map((o) => [o.id, o]),
    )
    for (const { ref, key, id } of keyed) {
      directory.keyOfName.set(ref, key)
      const org = id ? orgs.get(id) : undefined
      const same = directory.byNameKey.get(key) ?? []
      if (org && !same.some((o) => o.id === org.id)) directory.byNameKey.set(key, [...same, org])
    }
    return directory
  }

  /** The existing organizations that go by this name (for messages and checks; never for linking). */
  namesakes(name: string): KnownOrg[] {
    return this.byNameKey.get(this.nameKey(name)) ?? []
  }

  /** The first of them (one with a credit code first), if any. */
  namesake(name: string): KnownOrg | undefined {
    return this.namesakes(name)[0]
  }

  /** How the platform compares this name (`org_name_key`, computed by PostgreSQL at load). */
  nameKey(name: string): string {
    return this.keyOfName.get(name) ?? name.trim()
  }

  /**
   * Claims a name for a credit code within this file: false when an earlier row gave the same name
   * (as the platform compares names) another code, which would make two organizations of one name.
   */
  claimName(name: string, code: string): boolean {
    const key = this.nameKey(name)
    const earlier = this.plannedNameKeys.get(key)
    if (earlier !== undefined && earlier !== code) return false
    this.plannedNameKeys.set(key, code)
    return true
  }

  /**
   * The organization a row's reference stands for: by credit code (existing or created by this
   * file), or, in an office's own import only, by the office's own name.
   */
  find(ref: string): KnownOrg | undefined {
    if (isValidCreditCode(ref)) return this.byCode.get(ref)
    if (!this.scopeOrganizationId) return undefined
    return this.namesakes(ref).find((o) => o.id === this.scopeOrganizationId)
  }

  /** The first row that introduced a planned organization (by its name), for the report. */
  firstRowOf(name: string): number {
    return this.firstRows.get(name) ?? 1
  }

  /** Records an organization the commit created for a planned credit code. */
  created(org: KnownOrg) {
    this.byCode.set(org.creditCode!, org)
  }

  /**
   * Checks a row's owner and plans its creation when the file introduces it. In an office's
   * import the owner must be the office; otherwise it must carry a valid credit code, which links
   * it or, when no organization has it and its name is free, creates it.
   */
  resolveOwner(
    owner: OwnerCells,
    fallbackKind: OrgKind,
    regionText: string | undefined,
    fail: Report,
    warn: Report,
    row: number,
  ) {
    const { name, creditCode, nameColumn } = owner
    if (creditCode !== undefined && !isValidCreditCode(creditCode)) return fail('imports.creditCode', 'creditCode')
    const code = creditCode ?? (isValidCreditCode(name) ? name : undefined)
    if (this.scopeOrganizationId) {
      const org = code ? this.find(code) : this.find(name)
      if (org?.id !== this.scopeOrganizationId) fail('imports.notYourOrganization', code ? 'creditCode' : nameColumn)
      return
    }
    if (!code) {
      const namesake = this.namesake(name)
      return namesake
        ? fail('imports.nameNeedsCreditCode', 'creditCode', { name: namesake.name })
        : fail('imports.creditCodeRequired', 'creditCode')
    }
    const org = this.find(code)
    if (org) {
      // The code decides; a name that is not the code's organization's is worth a second look.
      if (creditCode && !this.namesakes(name).some((o) => o.id === org.id)) {
        warn('imports.ownerNameDiffers', nameColumn, { name: org.name })
      }
      return
    }
    if (!creditCode) return fail('imports.unknownCreditCode', nameColumn)
    const namesake = this.namesake(name)
    if (namesake) return fail('imports.nameTaken', nameColumn, { name: namesake.name })
    if (!this.claimName(name, code)) return fail('imports.nameTaken', nameColumn, { name })
    if (this.planned.has(code)) return
    this.firstRows.set(name, row)
    this.planned.set(code, { name, creditCode: code, ...kindAndRegion(name, fallbackKind, regionText) })
  }
}

/**
 * A new organization's kind and district: a well-known institution (reference list) brings its
 * own; otherwise the name's place words decide, and the review flag asks staff to check.
 */
function kindAndRegion(name: string, fallbackKind: OrgKind, regionText?: string) {
  const reference = INSTITUTIONS.find((i) => i.name === name.trim())
  const kind: OrgKind = reference?.kind ?? (fallbackKind === 'ENTERPRISE' ? 'ENTERPRISE' : institutionKind(name))
  const regionCode =
    regionCodeFromText(regionText) ??
    reference?.regionCode ??
    regionCodeFromText(name) ??
    (kind === 'ENTERPRISE' ? BAODI_REGION_CODE : '000000')
  return { kind, regionCode }
}

/** A name or code an organization took on the platform after the file was checked. */
export class OrganizationTakenMeanwhile extends Error {
  constructor(readonly organizationName: string) {
    super(`organization ${organizationName} was registered while the import ran`)
  }
}

/**
 * Locks a name as registration does, then checks that no other organization took the name or the
 * code since the file was checked.
 */
export async function lockName(tx: Prisma.TransactionClient, name: string, creditCode: string, exceptId = '') {
  await lockOrganizationName(tx, name)
  const codeTaken = await tx.organization.findFirst({
    where: { creditCode, id: { not: exceptId } },
    select: { id: true },
  })
  if (codeTaken || (await nameInUse(tx, name, exceptId))) throw new OrganizationTakenMeanwhile(name)
}

/**
 * Creates the file's new organizations inside the commit's transaction. Each name is locked as
 * registration locks it (`org-name:` + its key), then checked again: a sign-up or another import
 * under the same name or code since the preview refuses the whole commit.
 */
export async function createPlannedOrganizations(tx: Prisma.TransactionClient, directory: OrganizationDirectory) {
  const created: KnownOrg[] = []
  // In one order (by name key), so two imports locking the same names cannot deadlock.
  const plans = [...directory.planned.values()].sort((a, b) =>
    directory.nameKey(a.name) < directory.nameKey(b.name) ? -1 : 1,
  )
  for (const plan of plans) {
    await lockName(tx, plan.name, plan.creditCode)
    const org = await tx.organization.create({
      data: { ...plan, legalEntityType: legalEntityType(plan.kind) },
      select: ORG_SELECT,
    })
    directory.created(org)
    created.push(org)
  }
  return created
}
