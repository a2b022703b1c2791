import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { NeedLeads } from '~/components/need-leads'
import { offerSolution } from '~/introductions/offers.server'
import { requireCsrf } from '~/utils/csrf.server'
import { OfferSchema } from '~/validation/introductions'
import { getResultLeads } from '~/models/leads.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireOffice } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'leads.title')

/** Reverse matching for an office: open needs, and the enterprises behind them, for one of its results. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const leads = await getResultLeads(membership.organizationId, params.id ?? '')
  if (!leads) notFound()
  return leads
}

/** "我们可以解决": the office offers this result for a matched need; the enterprise answers. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership } = await requireOffice(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = OfferSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const needId = String(formData.get('needId') ?? '')
    return data({ needId, error: parsed.error.issues[0]?.message ?? 'errors.intro.messageShort' }, { status: 400 })
  }
  const outcome = await offerSolution(
    { userId: user.id, organizationId: membership.organizationId },
    { needId: parsed.data.needId, resultId: params.id ?? '', message: parsed.data.message },
  )
  if (!outcome.ok) return data({ needId: parsed.data.needId, error: outcome.error }, { status: 409 })
  return redirect(`/introductions/${outcome.id}`)
}

export default function ResultLeads() {
  const { t } = useTranslation()
  const { result, needs, enterprises, terms } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const offer = (needId: string) => (
    <details className="offer" data-testid="offer">
      <summary>{t('leads.offer')}</summary>
      <Form method="post" className="stack">
        <CsrfInput />
        <input type="hidden" name="needId" value={needId} />
        <label className="field">
          <span>{t('leads.offerMessage')}</span>
          <textarea name="message" rows={3} required minLength={10} maxLength={1000} />
        </label>
        {failed?.needId === needId ? (
          <p className="form-error" role="alert">
            {t(failed.error)}
          </p>
        ) : null}
        <button type="submit" className="button primary">
          {t('leads.offerSend')}
        </button>
      </Form>
    </details>
  )
  return (
    <>
      <p>
        <Link to="/office">← {t('office.title')}</Link>
      </p>
      <h1>{t('leads.title')}</h1>
      <p className="muted">
        {result.title} · {t('match.terms')}：{terms.join('、')}
      </p>
      <h2>{t('leads.enterprises')}</h2>
      {enterprises.length ? (
        <ul className="list">
          {enterprises.map((e) => (
            <li key={e.organizationId}>
              <strong>{e.name}</strong> <span className="muted">· {t('leads.needCount', { count: e.needs })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t('leads.needs')}</h2>
      <NeedLeads leads={needs} action={offer} />
    </>
  )
}
