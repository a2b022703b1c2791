import { expertsResource } from '~/api/experts.server'
import { resourceRoutes } from '~/api/resource.server'

/** GET /api/v1/experts (list: cursor, updatedSince, filters) · POST /api/v1/experts (create). */
const { collection } = resourceRoutes(expertsResource)
export const loader = collection.loader
export const action = collection.action
