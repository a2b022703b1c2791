import { openApiDocument } from '~/api/openapi.server'

/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 description. Public: it contains no data. */
export function loader() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } })
}
