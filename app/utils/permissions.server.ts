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

/**
 * Whether a membership acts for its organization's business: its introductions, consultations,
 * contracts, payments and notifications. An expert belongs to an institution but acts only for
 * themself: their own profile, the introductions and consultations about them.
 */
export function actsForOrganization(membership: Pick<Membership, 'role'>): boolean {
  return membership.role !== 'EXPERT'
}

/** The organizations whose business this user may see (experts' institutions excluded). */
export function businessOrganizationIds(user: Pick<SessionUser, 'memberships'>): string[] {
  return user.memberships.filter(actsForOrganization).map((m) => m.organizationId)
}

/** Roles notified of an organization's business: everyone but its experts. */
export const BUSINESS_ROLES: Role[] = [...ENTERPRISE_ROLES, ...OFFICE_ROLES, 'BUREAU_STAFF', 'PLATFORM_ADMIN']

/** Parties to contracts (enterprises and tech-transfer offices) and the bureau that registers them. */
export const CONTRACT_ROLES: Role[] = [...ENTERPRISE_ROLES, ...OFFICE_ROLES, 'BUREAU_STAFF', 'PLATFORM_ADMIN']
export const requireContractParty = (request: Request) => requireRole(request, [...ENTERPRISE_ROLES, ...OFFICE_ROLES])

/** Platform admins and bureau staff review organizations (approve, reject, suspend, reinstate). */
export const REVIEWER_ROLES: Role[] = ['PLATFORM_ADMIN', 'BUREAU_STAFF']
export const requireReviewer = (request: Request) => requireRole(request, REVIEWER_ROLES)

/** An organization's own admins keep its profile and verification documents. */
export const ORGANIZATION_ADMIN_ROLES: Role[] = ['ENTERPRISE_ADMIN', 'TTO_ADMIN']
export const requireOrganizationAdmin = (request: Request) => requireRole(request, ORGANIZATION_ADMIN_ROLES)

/** A verification document is read by its organization's admins and by reviewers only. */
export function mayReadOrganizationDocument(user: Pick<SessionUser, 'memberships'>, organizationId: string): boolean {
  return user.memberships.some(
    (m) =>
      REVIEWER_ROLES.includes(m.role) ||
      (m.organizationId === organizationId && ORGANIZATION_ADMIN_ROLES.includes(m.role)),
  )
}

/** Roles that act for a contract party (an enterprise or a tech-transfer office), never an expert. */
export const PARTY_ROLES: Role[] = [...ENTERPRISE_ROLES, ...OFFICE_ROLES]

/** The organizations whose contracts this user may act on as a party. */
export function partyOrgIds(user: Viewer): string[] {
  return user.memberships.filter((m) => PARTY_ROLES.includes(m.role)).map((m) => m.organizationId)
}

/**
 * Who answers an introduction: the institution's office for an enterprise's request, the
 * enterprise for an institution's offer ("我们可以解决").
 */
export function mayAnswerIntroduction(
  membership: Pick<Membership, 'role' | 'organizationId'>,
  intro: { direction: 'REQUEST' | 'OFFER'; requesterOrgId: string; targetOrgId: string },
): boolean {
  return intro.direction === 'OFFER'
    ? membership.organizationId === intro.requesterOrgId && ENTERPRISE_ROLES.includes(membership.role)
    : membership.organizationId === intro.targetOrgId && OFFICE_ROLES.includes(membership.role)
}

/**
 * Whoever asks: a signed-in user, or an API token acting for its organization (`tokenViewer`).
 * Only the roles and organizations of the memberships matter to the rules below.
 */
export interface Viewer {
  memberships: ReadonlyArray<Pick<Membership, 'organizationId' | 'role'>>
}

/**
 * An API token acts for its organization as that organization's admin would (only admins and
 * bureau staff issue tokens): a bureau's token as bureau staff.
 */
export function tokenViewer(token: { organizationId: string; organizationKind: string }): Viewer {
  const role: Role =
    token.organizationKind === 'BUREAU'
      ? 'BUREAU_STAFF'
      : token.organizationKind === 'ENTERPRISE'
        ? 'ENTERPRISE_ADMIN'
        : 'TTO_ADMIN'
  return { memberships: [{ organizationId: token.organizationId, role }] }
}

/** Bureau staff and platform admins see every organization's business. */
export const isBureau = (user: Viewer | null | undefined): boolean =>
  Boolean(user?.memberships.some((m) => REVIEWER_ROLES.includes(m.role)))

/**
 * Bureau staff link a contract's party that arrived as a name only (an import, a form before
 * credit codes were asked) to the platform organization its credit code names.
 */
export const canLinkContractParties = isBureau

export const isPlatformAdmin = (user: Viewer | null | undefined): boolean =>
  Boolean(user?.memberships.some((m) => m.role === 'PLATFORM_ADMIN'))

/** Acts for a tech-transfer office (that organization's, when named). */
export const isOfficeUser = (user: Viewer | null | undefined, organizationId?: string) =>
  Boolean(
    user?.memberships.some(
      (m) => OFFICE_ROLES.includes(m.role) && (organizationId === undefined || m.organizationId === organizationId),
    ),
  )

/** Acts for an enterprise (any enterprise when no organization is named). */
export const isEnterpriseUser = (user: Viewer | null | undefined, organizationId?: string) =>
  Boolean(enterpriseMembership(user, organizationId))

/** The membership through which the user acts for an enterprise (that one, when named). */
export function enterpriseMembership<M extends Pick<Membership, 'organizationId' | 'role'>>(
  user: { memberships: ReadonlyArray<M> } | null | undefined,
  organizationId?: string,
): M | undefined {
  return user?.memberships.find(
    (m) => ENTERPRISE_ROLES.includes(m.role) && (organizationId === undefined || m.organizationId === organizationId),
  )
}

/**
 * A need's whole record (confidential detail, matches, curated group) is seen by its enterprise
 * and by bureau staff. Anyone else sees at most an open need's public teaser
 * (app/models/need-page.server.ts).
 */
export function canSeeNeed(viewer: Viewer | null | undefined, need: { organizationId: string }): boolean {
  return isBureau(viewer) || isEnterpriseUser(viewer, need.organizationId)
}

/** A contract is seen by its two parties (never their experts) and by bureau staff. */
export function canSeeContract(
  user: Viewer,
  contract: { sellerOrgId: string | null; buyerOrgId: string | null },
): boolean {
  if (isBureau(user)) return true
  const mine = partyOrgIds(user)
  return [contract.sellerOrgId, contract.buyerOrgId].some((id) => id !== null && mine.includes(id))
}

/**
 * A 揭榜挂帅 call is run (edited, evaluated, awarded) by its enterprise's people, and by bureau
 * staff when the bureau published it for a campaign. Invited reviewers only score.
 */
export function runsCall(
  viewer: Viewer | null | undefined,
  call: { organizationId: string; campaignId: string | null },
) {
  return isEnterpriseUser(viewer, call.organizationId) || (call.campaignId !== null && isBureau(viewer))
}

/** A proposal is the business of the applying institution's office (never its experts'). */
export const isApplicantOffice = (viewer: Viewer | null | undefined, proposal: { organizationId: string }) =>
  isOfficeUser(viewer, proposal.organizationId)
