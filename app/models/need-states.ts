import type { NeedStatus } from '~/generated/prisma/enums'

/**
 * Need statuses by what they allow, kept apart from needs.server.ts (like verification-states.ts)
 * so that pages, search documents and matching can use them without importing the commands.
 */
/** Every need status, in the order a need goes through them. */
export const NEED_STATUSES = [
  'DRAFT',
  'PUBLISHED',
  'IN_PROGRESS',
  'SOLVED',
  'CLOSED',
  'EXPIRED',
] as const satisfies readonly NeedStatus[]

/** Open for answers: public teaser, matches, introductions and offers. */
export const OPEN_NEED_STATUSES: readonly NeedStatus[] = ['PUBLISHED', 'IN_PROGRESS']

/** The enterprise may still edit the need or close it. */
export const EDITABLE_NEED_STATUSES: readonly NeedStatus[] = ['DRAFT', ...OPEN_NEED_STATUSES]

/** Ended one way or another; the enterprise may reopen it. */
export const ENDED_NEED_STATUSES: readonly NeedStatus[] = ['CLOSED', 'EXPIRED', 'SOLVED']

export const isOpenNeed = (status: NeedStatus) => OPEN_NEED_STATUSES.includes(status)
export const isEditableNeed = (status: NeedStatus) => EDITABLE_NEED_STATUSES.includes(status)
