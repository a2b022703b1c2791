import { postAction } from '~/api/body.server'
import { saveProposalApi } from '~/api/call-writes.server'
import { proposalsResource } from '~/api/calls.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/proposals: the caller institution's own proposals and their outcomes · POST: save or submit one. */
export const loader = readRoutes(proposalsResource).list
export const action = postAction('proposals:write', (caller, _id, body) => saveProposalApi(caller, body))
