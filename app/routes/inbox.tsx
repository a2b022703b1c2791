import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { IntroResponse } from '~/components/intro-response'
import { getOfficeInbox } from '~/models/leads.server'
import { pageTitle } from '~/utils/meta'
import { requireOffice } from '~/utils/permissions.server'
import { beijingDate, beijingDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'intro.inbox')

/**
 * A tech-transfer office's inbox: introduction requests with their deadlines, and the open needs
 * its results and experts match (reverse matching, from the stored matches).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const { requests: rows, leads } = await getOfficeInbox(membership.organizationId)
  return {
    leads: leads.map((l) => ({ ...l, matchedAt: beijingDate(l.matchedAt) })),
    requests: rows.map((r) => ({
      id: r.id,
      status: r.status,
      overdue: r.overdue,
      deadline: beijingDateTime(r.responseDeadline),
      need: r.need,
      from: r.requesterOrg.name,
      target: r.expert?.name ?? r.result?.title ?? '',
      message: r.message,
    })),
  }
}

export default function Inbox() {
  const { t, i18n } = useTranslation()
  const { requests, leads } = useLoaderData<typeof loader>()
  const zh = i18n.language === 'zh'
  return (
    <>
      <h1>{t('intro.inbox')}</h1>
      <h2>{t('intro.requestsReceived')}</h2>
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
      <h2>{t('leads.inboxTitle')}</h2>
      <p className="muted">{t('leads.inboxHint')}</p>
      {leads.length === 0 ? <p className="muted">{t('leads.none')}</p> : null}
      <ol className="match-list" data-testid="office-leads">
        {leads.map((lead) => (
          <li key={lead.needId}>
            <Link to={`/needs/${lead.needId}`}>
              <strong>{lead.title}</strong>
            </Link>{' '}
            <span className="muted">· {lead.enterprise}</span>{' '}
            <span className="confidence">{t('match.confidence', { value: lead.confidence })}</span>{' '}
            <span className="muted">{t('leads.matchedOn', { date: lead.matchedAt })}</span>
            <p>
              {t('leads.ourOffers')}
              {lead.offers.map((o, i) => (
                <span key={o.id}>
                  {i ? '、' : ''}
                  <Link to={o.kind === 'expert' ? `/experts/${o.id}` : `/office/results/${o.id}/needs`}>{o.name}</Link>
                </span>
              ))}
            </p>
            <ul className="reasons">
              {lead.reasons.map((r, i) => (
                <li key={i}>{zh ? r.zh : r.en}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  )
}
