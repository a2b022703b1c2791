import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { createCall, getCallDraftSource } from '~/calls/calls.server'
import { CsrfInput } from '~/components/csrf-input'
import { Field, FieldError, TextAreaField } from '~/components/field'
import { platformNow } from '~/utils/clock.server'
import { requireCsrf } from '~/utils/csrf.server'
import { beijingDate, yuanText } from '~/utils/format'
import { fieldErrors } from '~/utils/action-result'
import { pageTitle } from '~/utils/meta'
import { notFound, requireUser } from '~/utils/permissions.server'
import { CALL_KINDS, CALL_REGION_GROUPS, CallFormSchema, MAX_CRITERIA } from '~/validation/calls'

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

/** Criteria a call usually weighs; the enterprise changes them as it likes. */
const DEFAULT_CRITERIA = [
  { key: 'feasibility', weight: 40 },
  { key: 'team', weight: 25 },
  { key: 'price', weight: 20 },
  { key: 'schedule', weight: 15 },
]

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
        <div className="grid two">
          <Field
            label={t('calls.form.rewardMin')}
            name="rewardMinYuan"
            inputMode="decimal"
            defaultValue={defaults.rewardMinYuan}
            errors={err('rewardMinYuan')}
          />
          <Field
            label={t('calls.form.rewardMax')}
            name="rewardMaxYuan"
            inputMode="decimal"
            defaultValue={defaults.rewardMaxYuan}
            errors={err('rewardMaxYuan')}
            required
          />
        </div>
        {byBureau ? (
          <Field
            label={t('calls.form.districtFunding')}
            name="districtFundingYuan"
            inputMode="decimal"
            errors={err('districtFundingYuan')}
          />
        ) : null}
        <div className="grid two">
          <Field
            label={t('calls.form.deadlineDate')}
            name="deadlineDate"
            type="date"
            defaultValue={defaults.deadlineDate}
            errors={err('deadlineDate')}
            required
          />
          <Field
            label={t('calls.form.deadlineTime')}
            name="deadlineTime"
            type="time"
            defaultValue="17:00"
            hint={t('calls.form.beijingTime')}
            errors={err('deadlineTime')}
          />
        </div>
        <fieldset>
          <legend>{t('calls.form.eligibleKinds')}</legend>
          {CALL_KINDS.map((kind) => (
            <label className="checkbox" key={kind}>
              <input type="checkbox" name="eligibleKinds" value={kind} defaultChecked />
              {t(`orgKinds.${kind}`)}
            </label>
          ))}
          <FieldError id="eligibleKinds-error" errors={err('eligibleKinds')} />
        </fieldset>
        <fieldset>
          <legend>{t('calls.form.eligibleRegions')}</legend>
          <p className="hint">{t('calls.form.eligibleRegionsHint')}</p>
          {CALL_REGION_GROUPS.map((group) => (
            <label className="checkbox" key={group}>
              <input type="checkbox" name="eligibleRegionGroups" value={group} />
              {t(`search.region.${group}`)}
            </label>
          ))}
          <FieldError id="eligibleRegionGroups-error" errors={err('eligibleRegionGroups')} />
        </fieldset>
        <fieldset>
          <legend>{t('calls.form.criteria')}</legend>
          <p className="hint">{t('calls.form.criteriaHint')}</p>
          {Array.from({ length: MAX_CRITERIA }, (_, i) => (
            <div className="grid two" key={i}>
              <Field
                label={t('calls.form.criterionName', { n: i + 1 })}
                name={`criteria[${i}].name`}
                defaultValue={DEFAULT_CRITERIA[i] ? t(`calls.criteria.${DEFAULT_CRITERIA[i].key}`) : ''}
                errors={err(`criteria[${i}].name`)}
              />
              <Field
                label={t('calls.form.criterionWeight', { n: i + 1 })}
                name={`criteria[${i}].weight`}
                inputMode="numeric"
                defaultValue={DEFAULT_CRITERIA[i]?.weight ?? ''}
                errors={err(`criteria[${i}].weight`)}
              />
            </div>
          ))}
          <FieldError id="criteria-error" errors={err('criteria')} />
        </fieldset>
        <TextAreaField
          label={t('calls.form.requirements')}
          name="requirements"
          rows={3}
          defaultValue={t('calls.form.requirementsDefault')}
          errors={err('requirements')}
        />
        <div className="actions">
          <button type="submit" name="intent" value="publish" className="primary">
            {t('calls.form.publish')}
          </button>{' '}
          <button type="submit" name="intent" value="draft">
            {t('calls.form.saveDraft')}
          </button>
        </div>
      </Form>
    </>
  )
}
