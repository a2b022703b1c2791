import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { createCall, getCallDraftSource } from '~/calls/calls.server'
import { CallTermsFields } from '~/components/call-terms-fields'
import { CsrfInput } from '~/components/csrf-input'
import { Field, FieldError, TextAreaField } from '~/components/field'
import { platformNow } from '~/utils/clock.server'
import { requireCsrf } from '~/utils/csrf.server'
import { beijingDate, yuanText } from '~/utils/format'
import { fieldErrors } from '~/utils/action-result'
import { pageTitle } from '~/utils/meta'
import { notFound, requireUser } from '~/utils/permissions.server'
import { CallFormSchema } from '~/validation/calls'
import { SaveButtons } from '~/components/status-button'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'calls.newTitle')

/** The need's enterprise (or bureau staff, for a campaign's need) publishes it as a call. */
async function source(request: Request) {
  const user = await requireUser(request)
  const needId = new URL(request.url).searchParams.get('need') ?? ''
  const found = await getCallDraftSource(user, needId)
  if (!found) notFound()
  return { user, ...found }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { need, byBureau } = await source(request)
  const inThirtyDays = beijingDate(new Date((await platformNow()).getTime() + 30 * 86_400_000))
  return {
    byBureau,
    defaults: {
      needId: need.id,
      needTitle: need.title,
      title: need.title,
      statement: need.summary,
      confidentialDetail: need.confidentialDetail ?? '',
      rewardMinYuan: need.budgetMinFen !== null ? yuanText(need.budgetMinFen) : '',
      rewardMaxYuan: need.budgetMaxFen !== null ? yuanText(need.budgetMaxFen) : '',
      deadlineDate: inThirtyDays,
    },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await source(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: CallFormSchema })
  if (submission.status !== 'success') return data({ errors: fieldErrors(submission.error) }, { status: 400 })
  const membership = user.memberships[0]
  const outcome = await createCall(
    { userId: user.id, organizationId: membership.organizationId, viewer: user },
    submission.value,
  )
  if (!outcome.ok) {
    if (outcome.notFound) notFound()
    return data({ errors: { [outcome.field ?? '']: [outcome.error] } }, { status: 409 })
  }
  return redirect(`/calls/${outcome.id}`)
}

export default function NewCall() {
  const { t } = useTranslation()
  const { defaults, byBureau } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors: Record<string, string[]> = result?.errors ?? {}
  const err = (name: string) => errors[name]
  return (
    <>
      <h1>{t('calls.newTitle')}</h1>
      <p className="muted">{t('calls.newIntro', { need: defaults.needTitle })}</p>
      <Form method="post" className="stack panel need-form" noValidate>
        <CsrfInput />
        <input type="hidden" name="needId" value={defaults.needId} />
        <FieldError id="call-form-error" errors={err('') ?? err('needId')} />
        <Field
          label={t('calls.form.title')}
          name="title"
          defaultValue={defaults.title}
          errors={err('title')}
          required
        />
        <TextAreaField
          label={t('calls.form.statement')}
          name="statement"
          rows={5}
          defaultValue={defaults.statement}
          hint={t('calls.form.statementHint')}
          errors={err('statement')}
        />
        <TextAreaField
          label={t('calls.form.confidential')}
          name="confidentialDetail"
          rows={3}
          defaultValue={defaults.confidentialDetail}
          hint={t('calls.form.confidentialHint')}
          errors={err('confidentialDetail')}
        />
        <CallTermsFields defaults={defaults} byBureau={byBureau} errors={errors} />
        <SaveButtons draft publishLabel={t('calls.form.publish')} />
      </Form>
    </>
  )
}
