import { contractsResource } from '~/api/contracts.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/contracts/:id with its milestones and which sides confirmed the current terms. */
export const loader = readRoutes(contractsResource).read
