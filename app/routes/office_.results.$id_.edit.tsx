import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { StatusButton } from '~/components/status-button'
import { ResultForm } from '~/components/result-form'
import { getLocale } from '~/i18n/locale.server'
import { fieldOptions } from '~/models/areas.server'
import { listExpertsForOrganization } from '~/models/experts.server'
import { changeResultStatus, getResultFormValues, saveResult } from '~/models/results.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireOffice } from '~/utils/permissions.server'
import { ResultEditActionSchema } from '~/validation/results'
import { notVerifiedReply } from '~/models/verification.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'resultForm.editTitle')

/** Only the result's own office may edit it, publish it or archive it; others get 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const result = await getResultFormValues(membership.organizationId, params.id ?? '')
  if (!result) notFound()
  const [fields, experts] = await Promise.all([
    fieldOptions(await getLocale(request)),
    listExpertsForOrganization(membership.organizationId),
  ])
  return {
    ...result,
    saved: new URL(request.url).searchParams.get('saved') === '1',
    fields,
    experts: experts.map((e) => ({ id: e.id, name: e.name })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership } = await requireOffice(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const actor = { userId: user.id, organizationId: membership.organizationId }
  const submission = parseWithZod(formData, { schema: ResultEditActionSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const input = submission.value
  switch (input.intent) {
    case 'changeStatus': {
      const changed = await changeResultStatus(actor, params.id ?? '', input.transition)
      if (changed === 'refused') notFound()
      if (changed === 'notVerified') return data(notVerifiedReply(), { status: 409 })
      return { statusChanged: true }
    }
    case 'draft':
    case 'publish': {
      const outcome = await saveResult(actor, input, params.id ?? '')
      if (!outcome.ok && outcome.notFound) notFound()
      if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors }), { status: 400 })
      return redirect(`/office/results/${outcome.id}/edit?saved=1`)
    }
  }
}

export default function EditResult() {
  const { t } = useTranslation()
  const { id, status, saved, fields, experts, defaults } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const lastResult = result && !('statusChanged' in result) ? result : null
  return (
    <>
      <p>
        <Link to="/office">← {t('office.title')}</Link>
      </p>
      <h1>{t('resultForm.editTitle')}</h1>
      <p className="muted">
        <span className="badge" data-testid="result-status">
          {t(`listingStatus.${status}`)}
        </span>
      </p>
      {saved || (result && 'statusChanged' in result) ? (
        <p className="notice" role="status">
          {t('resultForm.statusChanged')}
        </p>
      ) : null}
      <div className="actions">
        {status === 'DRAFT' ? <StatusButton transition="publish" label={t('resultForm.publish')} /> : null}
        {status !== 'ARCHIVED' ? <StatusButton transition="archive" label={t('resultForm.archive')} /> : null}
        {status === 'ARCHIVED' ? <StatusButton transition="republish" label={t('resultForm.republish')} /> : null}
        {status === 'PUBLISHED' ? <Link to={`/office/results/${id}/needs`}>{t('leads.link')}</Link> : null}
      </div>
      <ResultForm
        key={id}
        fields={fields}
        experts={experts}
        defaults={defaults}
        lastResult={lastResult}
        draft={status === 'DRAFT'}
      />
    </>
  )
}
