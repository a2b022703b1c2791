import { expertsResource } from '~/api/experts.server'
import { resourceRoutes } from '~/api/resource.server'

/** POST /api/v1/experts/:id/status — `{ "transition": "publish" | "archive" | "republish" }`. */
export const action = resourceRoutes(expertsResource).status.action
