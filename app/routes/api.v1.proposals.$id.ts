import { proposalsResource } from '~/api/calls.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/proposals/:id (another institution's is 404). */
export const loader = readRoutes(proposalsResource).read
