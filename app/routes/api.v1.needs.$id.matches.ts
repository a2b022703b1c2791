import type { LoaderFunctionArgs } from '@remix-run/node'
import { needMatchesApi } from '~/api/matches.server'

/** GET /api/v1/needs/:id/matches: ranked experts, results or expert groups for one of the caller's needs. */
export const loader = ({ request, params }: LoaderFunctionArgs) => needMatchesApi(request, params.id ?? '')
