import { paymentsResource } from '~/api/contracts.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/payments/:id (a payment of another organization's contract is 404). */
export const loader = readRoutes(paymentsResource).read
