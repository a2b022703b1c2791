import { proposalsResource } from '~/api/calls.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/proposals: the caller institution's own proposals and their outcomes. */
export const loader = readRoutes(proposalsResource).list
