import { postAction } from '~/api/body.server'
import { createCallApi } from '~/api/call-writes.server'
import { callsResource } from '~/api/calls.server'
import { readRoutes } from '~/api/paging.server'

/**
 * GET /api/v1/calls: published 揭榜挂帅 calls (cursor, updatedSince, status, needId, campaignId) ·
 * POST: a call from one of the caller's needs.
 */
export const loader = readRoutes(callsResource).list
export const action = postAction('calls:write', (caller, _id, body) => createCallApi(caller, body))
