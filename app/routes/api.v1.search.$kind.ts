import type { LoaderFunctionArgs } from '@remix-run/node'
import { searchApi } from '~/api/search.server'

/** GET /api/v1/search/{results|experts|needs}: the search pages' ranking, as JSON. */
export const loader = ({ request, params }: LoaderFunctionArgs) => searchApi(request, params.kind ?? '')
