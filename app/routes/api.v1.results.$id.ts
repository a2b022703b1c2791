import { resultsResource } from '~/api/results.server'
import { resourceRoutes } from '~/api/resource.server'

/** GET /api/v1/results/:id (another organization's is 404) · PATCH (the fields given). */
const { item } = resourceRoutes(resultsResource)
export const loader = item.loader
export const action = item.action
