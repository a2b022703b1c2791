import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BestMatchCell } from '~/components/need-coverage'
import { getCampaign } from '~/models/curation.server'
import { isOpenNeed } from '~/models/need-states'
import { pageTitle } from '~/utils/meta'
import { notFound, requireBureauStaff } from '~/utils/permissions.server'
import { beijingDate, beijingDateTime, calendarDate } from '~/utils/format'
import { serialize } from '~/utils/serialize'
import { getCampaignCallStats } from '~/calls/funnel.server'
import { Money } from '~/components/money'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'curation.campaignTitle', { name: data?.campaign.name ?? '' })

/** One campaign: the needs it collected, and which of them still lack a good match. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const found = await getCampaign(params.id ?? '')
  if (!found) notFound()
  const { campaign, needs } = found
  const calls = await getCampaignCallStats(campaign.id)
  return {
    calls: serialize({
      ...calls,
      list: calls.list.map((c) => ({ ...c, deadline: beijingDateTime(c.deadline) })),
    }),
    campaign: {
      id: campaign.id,
      name: campaign.name,
      description: campaign.description,
      area: campaign.area,
      startsOn: calendarDate(campaign.startsOn),
      endsOn: calendarDate(campaign.endsOn),
      createdBy: campaign.createdBy.name,
    },
    needs: needs.map((n) => ({
      id: n.id,
      title: n.title,
      status: n.status,
      enterprise: n.organization.name,
      publishedAt: n.publishedAt ? beijingDate(n.publishedAt) : null,
      introductions: n._count.introductions,
      best: n.coverage.best,
      connected: n.coverage.connected,
      callId: n.calls[0]?.id ?? null,
      open: isOpenNeed(n.status),
    })),
  }
}

export default function CampaignPage() {
  const { t, i18n } = useTranslation()
  const { campaign, needs, calls } = useLoaderData<typeof loader>()
  const zh = i18n.language === 'zh'
  return (
    <>
      <p>
        <Link to="/bureau/campaigns">← {t('curation.campaigns')}</Link>
      </p>
      <h1>{campaign.name}</h1>
      <p className="muted">
        {campaign.area ? (zh ? campaign.area.nameZh : campaign.area.nameEn) : t('curation.districtWide')} ·{' '}
        {campaign.startsOn} – {campaign.endsOn} · {t('curation.createdBy', { name: campaign.createdBy })}
      </p>
      {campaign.description ? <p>{campaign.description}</p> : null}
      <p>
        <Link to={`/bureau/needs?campaign=${campaign.id}`}>{t('curation.unmatchedInCampaign')}</Link>
      </p>
      <section aria-labelledby="campaign-calls">
        <h2 id="campaign-calls">{t('curation.callsTitle')}</h2>
        <p data-testid="campaign-call-stats">
          {t('curation.callStats', {
            calls: calls.calls,
            answered: calls.answered,
            awarded: calls.awarded,
            contracts: calls.registeredContracts,
          })}{' '}
          <Money fen={calls.registeredAmountFen} />
          {calls.medianDaysToAward !== null ? ` · ${t('curation.medianDays', { days: calls.medianDaysToAward })}` : ''}
        </p>
        {needs.filter((n) => n.open && !n.callId).length >= 2 ? (
          <p>
            <Link to={`/calls/bundles/new?campaign=${campaign.id}`} className="button">
              {t('calls.bundle.fromCampaign')}
            </Link>
          </p>
        ) : null}
        {calls.bundles.length ? (
          <ul className="list" data-testid="campaign-bundles">
            {calls.bundles.map((b) => (
              <li key={b.id}>
                <span className="badge">{t('calls.bundle.label')}</span>{' '}
                <Link to={`/calls/bundles/${b.id}`}>{b.title}</Link> · {t('calls.bundle.items', { count: b.items })}
                {b.published ? '' : ` · ${t('calls.phase.DRAFT')}`}
              </li>
            ))}
          </ul>
        ) : null}
        {calls.list.length ? (
          <ul className="list">
            {calls.list.map((c) => (
              <li key={c.id}>
                <Link to={`/calls/${c.id}`}>{c.title}</Link> · {c.enterprise} ·{' '}
                {t(`calls.phase.${c.status === 'PUBLISHED' ? 'OPEN' : c.status}`)} ·{' '}
                {t('calls.deadlineShort', { at: c.deadline })} · {t('calls.entered', { count: c.proposals })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <h2>{t('curation.collected', { count: needs.length })}</h2>
      <div className="table-wrap">
        <table data-testid="campaign-needs">
          <thead>
            <tr>
              <th>{t('fields.title')}</th>
              <th>{t('curation.enterprise')}</th>
              <th>{t('fields.status')}</th>
              <th>{t('curation.bestMatch')}</th>
              <th>{t('enterprise.introCount')}</th>
              <th>{t('calls.listTitle')}</th>
            </tr>
          </thead>
          <tbody>
            {needs.map((n) => (
              <tr key={n.id}>
                <td>
                  <Link to={`/bureau/needs/${n.id}`}>{n.title}</Link>
                </td>
                <td>{n.enterprise}</td>
                <td>{t(`needStatus.${n.status}`)}</td>
                <td>
                  <BestMatchCell best={n.best} />
                </td>
                <td>{n.introductions}</td>
                <td>
                  {n.callId ? (
                    <Link to={`/calls/${n.callId}`}>{t('calls.openCall')}</Link>
                  ) : n.open ? (
                    <Link to={`/calls/new?need=${n.id}`}>{t('calls.publishFromNeed')}</Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
