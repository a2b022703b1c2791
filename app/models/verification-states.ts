import type { OrgVerification } from '~/generated/prisma/enums'

/**
 * Organization verification states and the filters built on them, kept apart from the commands in
 * verification.server.ts so that search documents and matching can use them without importing
 * the commands (and, through them, the search sync).
 */
/** The only state in which an organization's listings are public. */
export const PUBLIC_VERIFICATION: OrgVerification = 'APPROVED'

/** Prisma filter for listings (needs, results, experts) of organizations the public may see. */
export const PUBLIC_OWNER = { organization: { verification: PUBLIC_VERIFICATION } } as const

/** Which decision moves an organization from which states, and where to. */
export const VERIFICATION_DECISIONS = {
  approve: { from: ['PENDING', 'REJECTED'], to: 'APPROVED', noteRequired: false },
  reject: { from: ['PENDING'], to: 'REJECTED', noteRequired: true },
  suspend: { from: ['APPROVED'], to: 'SUSPENDED', noteRequired: true },
  reinstate: { from: ['SUSPENDED'], to: 'APPROVED', noteRequired: false },
} as const satisfies Record<string, { from: OrgVerification[]; to: OrgVerification; noteRequired: boolean }>

export type VerificationDecision = keyof typeof VERIFICATION_DECISIONS
