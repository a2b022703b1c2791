import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { createBundle, getBundleDraftSource } from '~/calls/bundles.server'
import { CallTermsFields } from '~/components/call-terms-fields'
import { CsrfInput } from '~/components/csrf-input'
import { Field, FieldError, TextAreaField } from '~/components/field'
import { Money } from '~/components/money'
import { fieldErrors } from '~/utils/action-result'
import { platformNow } from '~/utils/clock.server'
import { requireCsrf } from '~/utils/csrf.server'
import { beijingDate } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { notFound, requireBureauStaff } from '~/utils/permissions.server'
import { serialize } from '~/utils/serialize'
import { BundleFormSchema } from '~/validation/calls'
import { SaveButtons } from '~/components/status-button'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'calls.bundle.newTitle')

/** Bureau staff pick needs of a 征集 campaign and publish them as one bundled call (联合榜单). */
async function source(request: Request) {
  const { user, membership } = await requireBureauStaff(request)
  const campaignId = new URL(request.url).searchParams.get('campaign') ?? ''
  const found = await getBundleDraftSource(user, campaignId)
  if (!found) notFound()
  return { user, membership, ...found }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { campaign, needs } = await source(request)
  const inThirtyDays = beijingDate(new Date((await platformNow()).getTime() + 30 * 86_400_000))
  return serialize({ campaign, needs, deadlineDate: inThirtyDays })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership, campaign } = await source(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: BundleFormSchema })
  if (submission.status !== 'success') return data({ errors: fieldErrors(submission.error) }, { status: 400 })
  const outcome = await createBundle(
    { userId: user.id, organizationId: membership.organizationId, viewer: user },
    campaign.id,
    submission.value,
  )
  if (!outcome.ok) {
    if (outcome.notFound) notFound()
    return data({ errors: { [outcome.field ?? '']: [outcome.error] } }, { status: 409 })
  }
  return redirect(`/calls/bundles/${outcome.id}`)
}

export default function NewBundle() {
  const { t } = useTranslation()
  const { campaign, needs, deadlineDate } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors: Record<string, string[]> = result?.errors ?? {}
  return (
    <>
      <h1>{t('calls.bundle.newTitle')}</h1>
      <p className="muted">{t('calls.bundle.newIntro', { campaign: campaign.name })}</p>
      {needs.length < 2 ? (
        <p className="panel" role="status">
          {t('calls.bundle.noNeeds')}
        </p>
      ) : (
        <Form method="post" className="stack panel need-form" noValidate>
          <CsrfInput />
          <FieldError id="bundle-form-error" errors={errors['']} />
          <fieldset>
            <legend>{t('calls.bundle.needs')}</legend>
            {needs.map((need) => (
              <label className="checkbox" key={need.id}>
                <input type="checkbox" name="needIds" value={need.id} defaultChecked />
                {need.title} · {need.organization.name}
                {need.budgetMaxFen ? (
                  <span className="muted">
                    {' '}
                    · <Money fen={need.budgetMaxFen} />
                  </span>
                ) : null}
              </label>
            ))}
            <FieldError id="needIds-error" errors={errors.needIds} />
          </fieldset>
          <Field label={t('calls.bundle.title')} name="title" errors={errors.title} required />
          <TextAreaField
            label={t('calls.bundle.statement')}
            name="statement"
            rows={4}
            hint={t('calls.form.statementHint')}
            errors={errors.statement}
          />
          <h2>{t('calls.bundle.terms')}</h2>
          <CallTermsFields defaults={{ deadlineDate }} byBureau errors={errors} />
          <SaveButtons draft publishLabel={t('calls.bundle.publish')} />
        </Form>
      )}
    </>
  )
}
