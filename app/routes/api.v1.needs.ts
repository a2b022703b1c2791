import { needsResource } from '~/api/needs.server'
import { resourceRoutes } from '~/api/resource.server'

/** GET /api/v1/needs (list: cursor, updatedSince, filters) · POST /api/v1/needs (create). */
const { collection } = resourceRoutes(needsResource)
export const loader = collection.loader
export const action = collection.action
