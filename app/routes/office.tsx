import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CsrfInput } from '~/components/csrf-input'
import { confirmListingActive } from '~/models/freshness.server'
import { requireCsrf } from '~/utils/csrf.server'
import { useTranslation } from 'react-i18next'
import { listExpertsForOrganization } from '~/models/experts.server'
import { countResultsByStatus, listResultsForOrganization } from '~/models/results.server'
import { requireOffice } from '~/utils/permissions.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'office.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const orgId = membership.organizationId
  const [results, counts, experts] = await Promise.all([
    listResultsForOrganization(orgId),
    countResultsByStatus(orgId),
    listExpertsForOrganization(orgId),
  ])
  return { organizationName: membership.organizationName, results, counts, experts }
}

/** "Still current": the office confirms a result flagged as stale. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireOffice(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const confirmed = await confirmListingActive(
    { userId: user.id, organizationId: membership.organizationId },
    'result',
    String(formData.get('resultId') ?? ''),
  )
  if (!confirmed) throw new Response('Not Found', { status: 404 })
  return { ok: true }
}

export default function OfficeHome() {
  const { t, i18n } = useTranslation()
  const { organizationName, results, counts, experts } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const zh = i18n.language === 'zh'
  return (
    <>
      <h1>{t('office.title')}</h1>
      <p className="muted">{organizationName}</p>
      {params.get('welcome') ? <p className="notice">{t('register.welcome')}</p> : null}
      <div className="grid">
        {(['PUBLISHED', 'DRAFT', 'ARCHIVED'] as const).map((s) => (
          <div className="stat" key={s}>
            <div className="value">{counts[s] ?? 0}</div>
            <div className="label">{t(`office.results.${s}`)}</div>
          </div>
        ))}
        <div className="stat">
          <div className="value">{experts.length}</div>
          <div className="label">{t('office.expertCount')}</div>
        </div>
      </div>
      <p>
        <Link to="/office/results/new" className="button primary">
          {t('resultForm.newResult')}
        </Link>{' '}
        <Link to="/office/import" className="button primary">
          {t('importUi.link')}
        </Link>
      </p>
      <h2>{t('office.recentResults')}</h2>
      {results.length === 0 ? (
        <p className="muted">{t('office.noResults')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('fields.title')}</th>
                <th>{t('fields.field')}</th>
                <th>{t('fields.maturity')}</th>
                <th>{t('fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/office/results/${r.id}/edit`}>{r.title}</Link>
                    {r.status === 'PUBLISHED' ? (
                      <>
                        {' '}
                        · <Link to={`/office/results/${r.id}/needs`}>{t('leads.link')}</Link>
                      </>
                    ) : null}
                    {r.status === 'PUBLISHED' && r.staleRemindedAt ? (
                      <Form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="resultId" value={r.id} />{' '}
                        <span className="badge warning">{t('freshness.resultStale')}</span>{' '}
                        <button type="submit" className="link-button inline">
                          {t('freshness.confirm')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                  <td>{r.field ? (zh ? r.field.nameZh : r.field.nameEn) : '—'}</td>
                  <td>
                    {r.trl ? `TRL ${r.trl}` : '—'}
                    {r.stage ? ` · ${t(`stages.${r.stage}`)}` : ''}
                  </td>
                  <td>
                    <span className="badge">{t(`listingStatus.${r.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('office.experts')}</h2>
      <p>
        <Link to="/office/experts/new" className="button">
          {t('expertForm.newTitle')}
        </Link>
      </p>
      <ul className="list" data-testid="office-experts">
        {experts.map((e) => (
          <li key={e.id}>
            <Link to={`/office/experts/${e.id}/edit`}>
              <strong>{e.name}</strong>
            </Link>{' '}
            {e.title ? <span className="muted">· {e.title}</span> : null}{' '}
            {e.status !== 'PUBLISHED' ? <span className="badge">{t(`listingStatus.${e.status}`)}</span> : null}{' '}
            {!e.available ? <span className="badge warning">{t('expert.unavailable')}</span> : null}
            <div className="tags">
              {e.directions.map((d) => (
                <span className="badge" key={d}>
                  {d}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
