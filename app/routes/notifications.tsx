import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { listNotifications, markAllRead } from '~/models/notifications.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { requireUser } from '~/utils/permissions.server'
import { beijingDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.title')

/** The signed-in user's own notifications; nobody else's are ever read. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const rows = await listNotifications(user.id)
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      title: n.title,
      params: (() => {
        try {
          return JSON.parse(n.body ?? '{}') as Record<string, string>
        } catch {
          return {}
        }
      })(),
      link: n.link,
      read: Boolean(n.readAt),
      at: beijingDateTime(n.createdAt),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  await requireCsrf(request, await request.formData())
  await markAllRead(user.id)
  return { ok: true }
}

export default function Notifications() {
  const { t } = useTranslation()
  const { notifications } = useLoaderData<typeof loader>()
  const unread = notifications.filter((n) => !n.read).length
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p className="muted">{t('notifications.unread', { count: unread })}</p>
      {unread ? (
        <Form method="post">
          <CsrfInput />
          <button type="submit">{t('notifications.markAllRead')}</button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p className="muted">{t('notifications.none')}</p> : null}
      <ul className="list" data-testid="notifications">
        {notifications.map((n) => (
          <li key={n.id} className={n.read ? 'muted' : undefined}>
            {n.link ? <Link to={n.link}>{t(n.title, n.params)}</Link> : t(n.title, n.params)}{' '}
            <span className="muted">{n.at}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
