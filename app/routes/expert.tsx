import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NeedLeads } from '~/components/need-leads'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError } from '~/components/field'
import { setCallAlerts } from '~/models/experts.server'
import { getExpertHome } from '~/models/leads.server'
import { actionDone, actionFailed } from '~/utils/action-result'
import { requireCsrf } from '~/utils/csrf.server'
import { ExpertHomeActionSchema } from '~/validation/experts'
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

/** The expert's own settings on their home: call alerts, one `intent`. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireExpert(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = ExpertHomeActionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return actionFailed({ callAlerts: ['errors.callAlerts'] })
  if (!(await setCallAlerts(user.id, parsed.data.subscribe === 'on'))) notFound()
  return actionDone(parsed.data.intent)
}

export default function ExpertHome() {
  const { t } = useTranslation()
  const { expert, leads } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
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
      <Form method="post" className="panel stack" aria-labelledby="call-alerts-heading">
        <CsrfInput />
        <h2 id="call-alerts-heading">{t('expert.callAlerts')}</h2>
        <label className="checkbox">
          <input type="checkbox" name="subscribe" value="on" defaultChecked={expert.callAlerts} />
          {expert.fieldCodes.length ? t('expert.callAlertsFields') : t('expert.callAlertsAll')}
        </label>
        <div className="actions">
          <button type="submit" name="intent" value="callAlerts">
            {t('expert.callAlertsSave')}
          </button>
          {result?.ok ? (
            <span className="notice" role="status">
              {t('expert.callAlertsSaved')}
            </span>
          ) : null}
        </div>
        <FieldError id="call-alerts-error" errors={result && !result.ok ? result.errors.callAlerts : undefined} />
      </Form>
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
