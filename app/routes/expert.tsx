import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NeedLeads } from '~/components/need-leads'
import { getExpertHome } from '~/models/leads.server'
import { notFound, requireExpert } from '~/utils/permissions.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'expert.title')

/** The expert's home: their profile, and open needs that fit their directions (reverse matching). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, membership } = await requireExpert(request)
  const home = await getExpertHome(user.id, membership.organizationId)
  if (!home) notFound()
  return home
}

export default function ExpertHome() {
  const { t } = useTranslation()
  const { expert, leads } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('expert.title')}</h1>
      <p>
        <Link to="/expert/profile" className="button primary">
          {t('expertForm.edit')}
        </Link>
      </p>
      <section className="panel">
        <h2>
          {expert.name} {expert.title ? <span className="muted">· {expert.title}</span> : null}
        </h2>
        <p className="muted">{expert.organization.name}</p>
        <p>
          <strong>{t('fields.directions')}：</strong>
          {expert.directions.join('、')}
        </p>
        <div className="tags" aria-label={t('fields.keywords')}>
          {expert.keywords.map((k) => (
            <span className="badge" key={k}>
              {k}
            </span>
          ))}
        </div>
        {expert.bio ? <p>{expert.bio}</p> : null}
        <p className="muted">
          {t('expert.availability')}：{expert.available ? t('expert.available') : t('expert.unavailable')} ·{' '}
          {t('expert.contactVisibility')}：{t(`contactVisibility.${expert.contactVisibility}`)}
        </p>
      </section>
      <h2>{t('leads.forExpert')}</h2>
      <NeedLeads leads={leads} />
      <h2>{t('expert.results')}</h2>
      {expert.results.length === 0 ? (
        <p className="muted">{t('expert.noResults')}</p>
      ) : (
        <ul className="list">
          {expert.results.map(({ result }) => (
            <li key={result.id}>
              {result.title} <span className="badge">{t(`listingStatus.${result.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
