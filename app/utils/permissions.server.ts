import type { Role } from '~/generated/prisma/enums'
import { getSessionUser, loginRedirect, type SessionUser } from './session.server'

export type Membership = SessionUser['memberships'][number]

export const ROLE_HOME: Record<Role, string> = {
  ENTERPRISE_ADMIN: '/enterprise',
  ENTERPRISE_MEMBER: '/enterprise',
  TTO_ADMIN: '/office',
  TTO_MEMBER: '/office',
  EXPERT: '/expert',
  BUREAU_STAFF: '/bureau',
  PLATFORM_ADMIN: '/admin',
}

export const ENTERPRISE_ROLES: Role[] = ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER']
export const OFFICE_ROLES: Role[] = ['TTO_ADMIN', 'TTO_MEMBER']

export function homePathFor(user: SessionUser) {
  const first = user.memberships[0]
  return first ? ROLE_HOME[first.role] : '/'
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  if (!user) throw loginRedirect(request)
  return user
}

export function forbidden(): never {
  throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
}

export function notFound(): never {
  throw new Response('Not Found', { status: 404, statusText: 'Not Found' })
}

/** The caller's membership in one of `roles`; anyone else gets 403. */
export async function requireRole(request: Request, roles: Role[]) {
  const user = await requireUser(request)
  const membership = user.memberships.find((m) => roles.includes(m.role))
  if (!membership) forbidden()
  return { user, membership }
}

export const requireEnterprise = (request: Request) => requireRole(request, ENTERPRISE_ROLES)
export const requireOffice = (request: Request) => requireRole(request, OFFICE_ROLES)
export const requireExpert = (request: Request) => requireRole(request, ['EXPERT'])
export const requireBureauStaff = (request: Request) => requireRole(request, ['BUREAU_STAFF', 'PLATFORM_ADMIN'])
export const requirePlatformAdmin = (request: Request) => requireRole(request, ['PLATFORM_ADMIN'])

/** Parties to contracts (enterprises and tech-transfer offices) and the bureau that registers them. */
export const CONTRACT_ROLES: Role[] = [...ENTERPRISE_ROLES, ...OFFICE_ROLES, 'BUREAU_STAFF', 'PLATFORM_ADMIN']
export const requireContractParty = (request: Request) => requireRole(request, [...ENTERPRISE_ROLES, ...OFFICE_ROLES])
