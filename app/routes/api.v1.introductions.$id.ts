import { introductionsResource } from '~/api/introductions.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/introductions/:id (another organization's is 404). */
export const loader = readRoutes(introductionsResource).read
