import type { LoaderFunctionArgs } from '@remix-run/node'
import { offerMatchesApi } from '~/api/matches.server'

/** GET /api/v1/experts/:id/matches: open needs one of the institution's experts could answer. */
export const loader = ({ request, params }: LoaderFunctionArgs) => offerMatchesApi(request, 'experts', params.id ?? '')
