import { postAction } from '~/api/body.server'
import { withdrawProposalApi } from '~/api/call-writes.server'

/** POST /api/v1/proposals/:id/withdraw: withdraws the caller's proposal before the deadline. */
export const action = postAction('proposals:write', (caller, id) => withdrawProposalApi(caller, id))
