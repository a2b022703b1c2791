import { resultsResource } from '~/api/results.server'
import { resourceRoutes } from '~/api/resource.server'

/** GET /api/v1/results (list: cursor, updatedSince, filters) · POST /api/v1/results (create). */
const { collection } = resourceRoutes(resultsResource)
export const loader = collection.loader
export const action = collection.action
