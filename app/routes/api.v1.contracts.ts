import { postAction } from '~/api/body.server'
import { contractsResource, createContract } from '~/api/contracts.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/contracts (list: cursor, updatedSince, status, type) · POST (a draft, ours on `ourSide`). */
export const loader = readRoutes(contractsResource).list
export const action = postAction('contracts:write', (caller, _id, body) => createContract(caller, body))
