import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLocale } from '~/i18n'
import { localeCookie } from '~/utils/cookies.server'
import { requireCsrf } from '~/utils/csrf.server'
import { safeRedirect } from '~/utils/session.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  await requireCsrf(request, form)
  const locale = form.get('locale')
  if (!isLocale(locale)) throw new Response('Unknown locale', { status: 400 })
  return redirect(safeRedirect(form.get('redirectTo')), {
    headers: { 'Set-Cookie': await localeCookie.serialize(locale) },
  })
}
