import { needsResource } from '~/api/needs.server'
import { resourceRoutes } from '~/api/resource.server'

/** GET /api/v1/needs/:id (another organization's is 404) · PATCH (the fields given). */
const { item } = resourceRoutes(needsResource)
export const loader = item.loader
export const action = item.action
