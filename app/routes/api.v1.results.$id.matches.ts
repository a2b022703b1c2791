import type { LoaderFunctionArgs } from '@remix-run/node'
import { offerMatchesApi } from '~/api/matches.server'

/** GET /api/v1/results/:id/matches: open needs one of the institution's results could answer. */
export const loader = ({ request, params }: LoaderFunctionArgs) => offerMatchesApi(request, 'results', params.id ?? '')
