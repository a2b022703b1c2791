import { postAction } from '~/api/body.server'
import { changeCallStatusApi } from '~/api/call-writes.server'

/** POST /api/v1/calls/:id/status: publish a draft call, or cancel it with a reason. */
export const action = postAction('calls:write', (caller, id, body) => changeCallStatusApi(caller, id, body))
