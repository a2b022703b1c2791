import type { LoaderFunctionArgs } from '@remix-run/node'
import { extractKeyTerms } from '~/matching/terms'
import { requireUser } from '~/utils/permissions.server'

/** GET /needs/keywords?text=… — keywords suggested from a need's title and description. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const text = (new URL(request.url).searchParams.get('text') ?? '').slice(0, 3000)
  const [title, ...rest] = text.split('。')
  const keywords = extractKeyTerms({ title, summary: rest.join('。') }, { limit: 8 }).map((k) => k.term)
  return Response.json({ keywords })
}
