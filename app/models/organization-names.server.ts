import type { Prisma } from '~/generated/prisma/client'

/**
 * Organization names are unique on the platform, compared as `org_name_key` folds them (全角/半角,
 * spaces, case, 有限责任公司 = 有限公司; the migration defines it). Registration and imports both
 * create organizations, so both check and lock names here.
 */
type Db = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>

/** Whether another live (not merged) organization already goes by this name. */
export async function nameInUse(db: Pick<Db, '$queryRaw'>, name: string, exceptId = '') {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Organization"
    WHERE org_name_key("name") = org_name_key(${name}) AND "verification" <> 'MERGED' AND "id" <> ${exceptId}
    LIMIT 1`
  return rows.length > 0
}

/**
 * Serialises, until the transaction ends, everything that creates or renames an organization
 * under this name: a second sign-up or import waits here, then finds the name taken.
 */
export async function lockOrganizationName(tx: Pick<Db, '$executeRaw'>, name: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('org-name:' || org_name_key(${name})))`
}
