import { expertsResource } from '~/api/experts.server'
import { resourceRoutes } from '~/api/resource.server'

/** GET /api/v1/experts/:id (another organization's is 404) · PATCH (the fields given). */
const { item } = resourceRoutes(expertsResource)
export const loader = item.loader
export const action = item.action
