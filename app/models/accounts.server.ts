import { Prisma } from '~/generated/prisma/client'
import type { OrgKind, Role } from '~/generated/prisma/enums'
import { BAODI_REGION_CODE } from '~/data/regions'
import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/utils/audit.server'
import { dummyPasswordHash, hashPassword, verifyPassword } from '~/utils/password.server'
import { clearRateLimit, hitRateLimit, peekRateLimit } from '~/utils/rate-limit.server'
import { getEnv } from '~/utils/env.server'
import type { RegistrationInput } from '~/validation/accounts'
import { lockOrganizationName, nameInUse } from './organization-names.server'
import { notifyReviewers } from './verification.server'
import type { FieldRefusal, Outcome } from '~/utils/outcome'

export type FieldErrors = Record<string, string[]>
type AccountOutcome<T> = Outcome<{ value: T }, FieldRefusal>

const ADMIN_ROLE: Record<RegistrationInput['kind'], Role> = {
  ENTERPRISE: 'ENTERPRISE_ADMIN',
  UNIVERSITY: 'TTO_ADMIN',
  RESEARCH_INSTITUTE: 'TTO_ADMIN',
}

const LEGAL_ENTITY = {
  ENTERPRISE: 'ENTERPRISE',
  UNIVERSITY: 'UNIVERSITY',
  RESEARCH_INSTITUTE: 'RESEARCH_INSTITUTE',
} as const

function uniqueViolation(error: unknown): string[] | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const target = (error.meta?.target ?? error.meta?.driverAdapterError) as unknown
    return [JSON.stringify(target ?? error.message)]
  }
  return null
}

export const REGISTRATION_RATE_LIMITED = 'errors.register.rateLimited'

class NameTaken extends Error {}

/** Registers an enterprise or a tech-transfer office with its first admin, all or nothing. */
export async function registerOrganization(
  input: RegistrationInput,
  ip: string | null,
): Promise<AccountOutcome<{ userId: string; organizationId: string; role: Role }>> {
  // Sign-ups per address and hour (shared by every app server through PostgreSQL).
  const { allowed } = await hitRateLimit(`register:${ip ?? 'unknown'}`, getEnv().REGISTRATION_RATE_LIMIT, 3600)
  if (!allowed) return { ok: false, fieldErrors: { '': [REGISTRATION_RATE_LIMITED] } }
  const [emailTaken, codeTaken, nameTaken] = await Promise.all([
    prisma.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    prisma.organization.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } }),
    nameInUse(prisma, input.organizationName),
  ])
  const fieldErrors: FieldErrors = {}
  if (emailTaken) fieldErrors.email = ['errors.email.taken']
  if (codeTaken) fieldErrors.creditCode = ['errors.creditCode.taken']
  if (nameTaken && !codeTaken) fieldErrors.organizationName = ['errors.orgName.taken']

  const inBaodi = input.kind === 'ENTERPRISE' && input.regionCode === BAODI_REGION_CODE
  const area = inBaodi
    ? await prisma.area.findUnique({ where: { code: input.areaCode ?? '' }, select: { id: true, kind: true } })
    : null
  if (inBaodi && !area) fieldErrors.areaCode = ['errors.area.unknown']
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }

  const passwordHash = await hashPassword(input.password)
  try {
    const value = await prisma.$transaction(async (tx) => {
      // Two sign-ups under one name at once: the second waits here, then finds the name taken.
      await lockOrganizationName(tx, input.organizationName)
      if (await nameInUse(tx, input.organizationName)) throw new NameTaken()
      const organization = await tx.organization.create({
        data: {
          kind: input.kind as OrgKind,
          name: input.organizationName,
          creditCode: input.creditCode,
          regionCode: input.regionCode,
          legalEntityType: LEGAL_ENTITY[input.kind],
          areaId: area?.id ?? null,
          inDevelopmentZone: inBaodi && (input.inDevelopmentZone || area?.kind === 'DEV_ZONE'),
          // The registrant is the contact person until the organization names another.
          contactName: input.name,
          contactEmail: input.email,
        },
        select: { id: true, name: true },
      })
      await notifyReviewers(tx, organization)
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          memberships: { create: { organizationId: organization.id, role: ADMIN_ROLE[input.kind] } },
        },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: user.id,
        actorOrgId: organization.id,
        action: 'organization.register',
        entityType: 'Organization',
        entityId: organization.id,
        data: { kind: input.kind, name: input.organizationName },
        ip,
      })
      return { userId: user.id, organizationId: organization.id, role: ADMIN_ROLE[input.kind] }
    })
    return { ok: true, value }
  } catch (error) {
    if (error instanceof NameTaken) return { ok: false, fieldErrors: { organizationName: ['errors.orgName.taken'] } }
    // Another request registered the same email or code between the check and the insert.
    const violated = uniqueViolation(error)
    if (!violated) throw error
    const onEmail = violated.some((t) => t.includes('email'))
    return {
      ok: false,
      fieldErrors: onEmail ? { email: ['errors.email.taken'] } : { creditCode: ['errors.creditCode.taken'] },
    }
  }
}

export type LoginResult =
  | { ok: true; userId: string; role: Role | null }
  | { ok: false; error: 'errors.login.invalid' | 'errors.login.rateLimited' }

/**
 * Checks a password with argon2id. Failures are counted per address (all accounts: 3 × the
 * limit), per address and account, and per account (all addresses). The account's count stops
 * guesses from anywhere, but not its owner's right password from a device that signed in to it
 * before (`knownDeviceUserId`, from a signed cookie), so an attacker cannot lock the owner out.
 * Successful sign-ins are not counted, so an office behind one address is not throttled.
 */
export async function authenticate(
  email: string,
  password: string,
  ip: string,
  knownDeviceUserId: string | null = null,
): Promise<LoginResult> {
  const env = getEnv()
  const window = env.LOGIN_RATE_WINDOW_SECONDS
  const keys = { address: `login:addr:${ip}`, pair: `login:${ip}:${email}`, account: `login:acct:${email}` }
  const [address, pair, account] = await Promise.all([
    peekRateLimit(keys.address, window),
    peekRateLimit(keys.pair, window),
    peekRateLimit(keys.account, window),
  ])
  const limit = env.LOGIN_RATE_LIMIT
  if (address >= limit * 3 || pair >= limit) return { ok: false, error: 'errors.login.rateLimited' }

  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      disabledAt: true,
      memberships: { select: { role: true }, orderBy: { createdAt: 'asc' }, take: 1 },
    },
  })
  if (account >= limit && (!user || user.id !== knownDeviceUserId))
    return { ok: false, error: 'errors.login.rateLimited' }
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password)
  if (!user || !valid || user.disabledAt) {
    await Promise.all(Object.values(keys).map((key) => hitRateLimit(key, limit, window)))
    return { ok: false, error: 'errors.login.invalid' }
  }

  await clearRateLimit(keys.pair)
  await clearRateLimit(keys.account)
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } })
  return { ok: true, userId: user.id, role: user.memberships[0]?.role ?? null }
}

/** Bureau accounts are created by a platform admin, never by self-registration. */
export async function createBureauStaff(
  adminId: string,
  input: { name: string; email: string; password: string },
): Promise<AccountOutcome<{ userId: string }>> {
  const bureau = await prisma.organization.findFirst({ where: { kind: 'BUREAU' }, select: { id: true } })
  if (!bureau) return { ok: false, fieldErrors: { email: ['errors.bureau.missing'] } }
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return { ok: false, fieldErrors: { email: ['errors.email.taken'] } }
  }
  const passwordHash = await hashPassword(input.password)
  try {
    const userId = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          memberships: { create: { organizationId: bureau.id, role: 'BUREAU_STAFF' } },
        },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: adminId,
        action: 'user.createBureauStaff',
        entityType: 'User',
        entityId: user.id,
        data: { email: input.email },
      })
      return user.id
    })
    return { ok: true, value: { userId } }
  } catch (error) {
    if (uniqueViolation(error)) return { ok: false, fieldErrors: { email: ['errors.email.taken'] } }
    throw error
  }
}
