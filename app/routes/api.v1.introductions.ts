import { introductionsResource } from '~/api/introductions.server'
import { readRoutes } from '~/api/paging.server'

/** GET /api/v1/introductions: requests and offers of the caller's organization (cursor, updatedSince). */
export const loader = readRoutes(introductionsResource).list
