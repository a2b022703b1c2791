import { needsResource } from '~/api/needs.server'
import { resourceRoutes } from '~/api/resource.server'

/** POST /api/v1/needs/:id/status — `{ "transition": "publish" | "close" | "reopen" }`. */
export const action = resourceRoutes(needsResource).status.action
