import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { regionName } from '~/data/regions'
import { getPublicInstitution } from '~/models/profiles.server'
import { pageTitle } from '~/utils/meta'
import { notFound } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'profiles.institutionTitle', { name: data?.institution.name ?? '' })

/** A university or institute: its published results and experts, for anyone. */
export async function loader({ params }: LoaderFunctionArgs) {
  const institution = await getPublicInstitution(params.id ?? '')
  if (!institution) notFound()
  return { institution: { ...institution, region: regionName(institution.regionCode) } }
}

export default function InstitutionPage() {
  const { t } = useTranslation()
  const { institution } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{institution.name}</h1>
      <p className="muted">
        {t(`orgKinds.${institution.kind}`)} · {institution.region}
        {institution.website ? (
          <>
            {' '}
            · <a href={institution.website}>{institution.website}</a>
          </>
        ) : null}
      </p>
      {institution.description ? <p>{institution.description}</p> : null}
      <h2>{t('profiles.results', { count: institution.results.length })}</h2>
      <ul className="list">
        {institution.results.map((r) => (
          <li key={r.id}>
            <Link to={`/results/${r.id}`}>{r.title}</Link>
            {r.stage ? <span className="muted"> · {t(`search.stage.${r.stage}`)}</span> : null}
          </li>
        ))}
      </ul>
      <h2>{t('profiles.experts', { count: institution.experts.length })}</h2>
      <ul className="list">
        {institution.experts.map((e) => (
          <li key={e.id}>
            <Link to={`/experts/${e.id}`}>{e.name}</Link> {e.title ? <span className="muted">· {e.title}</span> : null}{' '}
            <span className="muted">{e.directions.join('、')}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
