import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Money } from '~/components/money'
import { ListingIntroRequest } from '~/components/listing-intro-request'
import { listOpenNeedTitles } from '~/models/needs.server'
import { getPublicExpert } from '~/models/profiles.server'
import { pageTitle } from '~/utils/meta'
import { enterpriseMembership, notFound } from '~/utils/permissions.server'
import { serialize } from '~/utils/serialize'
import { getSessionUser } from '~/utils/session.server'
import { listingIntroductionAction } from '~/introductions/listing-request.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'profiles.expertTitle', {
    name: data?.expert.name ?? '',
    institution: data?.expert.organization.name ?? '',
  })

/** Public expert profile; contact details only for organizations introduced to the expert. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  const expert = await getPublicExpert(params.id ?? '', user?.memberships.map((m) => m.organizationId) ?? [])
  if (!expert) notFound()
  const enterprise = enterpriseMembership(user)
  return serialize({
    needs: enterprise ? await listOpenNeedTitles(enterprise.organizationId) : null,
    signedIn: Boolean(user),
    expert,
    // Enterprises may book a paid consultation with an available expert who offers them.
    canBook: expert.available && expert.consultationFeeFen !== null && Boolean(enterprise),
  })
}

/** "请求对接" with the expert about one of the enterprise's needs. */
export async function action({ request, params }: ActionFunctionArgs) {
  return listingIntroductionAction(request, 'expert', params.id ?? '')
}

export default function ExpertProfile() {
  const { t } = useTranslation()
  const { expert, canBook, needs, signedIn } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>
        {expert.name} {expert.title ? <span className="muted">· {expert.title}</span> : null}
      </h1>
      <p className="muted">
        <Link to={`/institutions/${expert.organization.id}`}>{expert.organization.name}</Link> ·{' '}
        {expert.available ? t('expert.available') : t('expert.unavailable')}
      </p>
      {expert.consultationFeeFen && expert.consultationMinutes ? (
        <p>
          {t('consultations.offer', { minutes: expert.consultationMinutes })} <Money fen={expert.consultationFeeFen} />{' '}
          {canBook ? (
            <Link to={`/experts/${expert.id}/book`} className="button primary">
              {t('consultations.book')}
            </Link>
          ) : null}
        </p>
      ) : null}
      <section className="panel">
        <p>
          <strong>{t('fields.directions')}：</strong>
          {expert.directions.join('、')}
        </p>
        {expert.keywords.length ? (
          <p className="tags">
            {expert.keywords.map((k) => (
              <span className="badge" key={k}>
                {k}
              </span>
            ))}
          </p>
        ) : null}
        {expert.bio ? <p>{expert.bio}</p> : null}
        {expert.achievements ? (
          <>
            <h2>{t('profiles.achievements')}</h2>
            <p>{expert.achievements}</p>
          </>
        ) : null}
        <h2>{t('intro.contacts')}</h2>
        {expert.showContacts ? (
          <p data-testid="expert-contacts">
            {expert.email ? t('intro.email', { value: expert.email }) : null}
            {expert.phone ? ` · ${t('intro.phone', { value: expert.phone })}` : null}
          </p>
        ) : (
          <p className="muted" data-testid="expert-contacts">
            {t('profiles.contactsHidden')}
          </p>
        )}
      </section>
      {expert.results.length ? (
        <>
          <h2>{t('expert.results')}</h2>
          <ul className="list">
            {expert.results.map(({ result }) => (
              <li key={result.id}>
                {result.title}
                {result.stage ? <span className="muted"> · {t(`search.stage.${result.stage}`)}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ListingIntroRequest needs={needs} signedIn={signedIn} />
    </>
  )
}
