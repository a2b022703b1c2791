import { resultsResource } from '~/api/results.server'
import { resourceRoutes } from '~/api/resource.server'

/** POST /api/v1/results/:id/status — `{ "transition": "publish" | "archive" | "republish" }`. */
export const action = resourceRoutes(resultsResource).status.action
