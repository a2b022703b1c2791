/** Registered contracts (and their current amended versions) are what the statistics count. */
export const COUNTED_STATUSES = ['REGISTERED', 'AMENDED'] as const
