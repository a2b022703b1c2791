import { callsResource } from '~/api/calls.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/calls/:id: the public part of a call and its phase. */
export const loader = readRoutes(callsResource).read
