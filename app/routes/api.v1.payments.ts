import { paymentsResource } from '~/api/contracts.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/payments: payments of the caller's contracts (cursor, updatedSince, status, contractId). */
export const loader = readRoutes(paymentsResource).list
