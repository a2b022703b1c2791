import { callsResource } from '~/api/calls.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/calls: published 揭榜挂帅 calls (cursor, updatedSince, status, needId, campaignId). */
export const loader = readRoutes(callsResource).list
