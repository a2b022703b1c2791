import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireCsrf } from '~/utils/csrf.server'
import { destroySession } from '~/utils/session.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCsrf(request, await request.formData())
  return redirect('/', { headers: { 'Set-Cookie': await destroySession(request) } })
}
