import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { IntroResponse } from '~/components/intro-response'
import { listReceivedIntroductions } from '~/models/introductions.server'
import { pageTitle } from '~/utils/meta'
import { requireOffice } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'intro.inbox')

/** A tech-transfer office's inbox of introduction requests, with their deadlines. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const rows = await listReceivedIntroductions(membership.organizationId)
  return {
    requests: rows.map((r) => ({
      id: r.id,
      status: r.status,
      overdue: r.overdue,
      deadline: r.responseDeadline.toISOString().slice(0, 10),
      need: r.need,
      from: r.requesterOrg.name,
      target: r.expert?.name ?? r.result?.title ?? '',
      message: r.message,
    })),
  }
}

export default function Inbox() {
  const { t } = useTranslation()
  const { requests } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('intro.inbox')}</h1>
      {requests.length === 0 ? <p className="muted">{t('intro.inboxEmpty')}</p> : null}
      <ol className="match-list" data-testid="inbox">
        {requests.map((r) => (
          <li key={r.id}>
            <Link to={`/introductions/${r.id}`}>
              <strong>{r.need.title}</strong>
            </Link>{' '}
            <span className="badge">{t(`intro.status.${r.status}`)}</span>{' '}
            {r.overdue ? <span className="badge warning">{t('intro.overdue')}</span> : null}
            <p className="muted">
              {t('intro.from', { org: r.from })} · {t('intro.about', { target: r.target })} ·{' '}
              {t('intro.deadline', { date: r.deadline })}
            </p>
            <p>{r.message}</p>
            {r.status === 'REQUESTED' && !r.overdue ? <IntroResponse action={`/introductions/${r.id}`} /> : null}
          </li>
        ))}
      </ol>
    </>
  )
}
