import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { REGISTRATION_RATE_LIMITED, registerOrganization } from '~/models/accounts.server'
import { listAreas } from '~/models/areas.server'
import { JJJ_DISTRICTS } from '~/data/regions'
import { requireCsrf } from '~/utils/csrf.server'
import { ROLE_HOME } from '~/utils/permissions.server'
import { clientIp, createSession, getSessionUser } from '~/utils/session.server'
import { REGISTRABLE_KINDS, RegistrationSchema } from '~/validation/accounts'
import { CsrfInput } from '~/components/csrf-input'
import { Field, SelectField } from '~/components/field'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'register.title')

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect('/')
  return { areas: await listAreas() }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: RegistrationSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password', 'confirmPassword'] }), { status: 400 })
  }
  const outcome = await registerOrganization(submission.value, clientIp(request))
  if (!outcome.ok) {
    const limited = outcome.fieldErrors['']?.includes(REGISTRATION_RATE_LIMITED)
    return data(submission.reply({ fieldErrors: outcome.fieldErrors, hideFields: ['password', 'confirmPassword'] }), {
      status: limited ? 429 : 400,
    })
  }
  return redirect(`${ROLE_HOME[outcome.value.role]}?welcome=1`, {
    headers: { 'Set-Cookie': await createSession(outcome.value.userId, request) },
  })
}

export default function RegisterPage() {
  const { t, i18n } = useTranslation()
  const { areas } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { kind: 'ENTERPRISE', regionCode: '120115' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegistrationSchema }),
  })
  const isEnterprise = (fields.kind.value ?? 'ENTERPRISE') === 'ENTERPRISE'
  return (
    <section className="panel">
      <h1>{t('register.title')}</h1>
      <p className="muted">{t('register.intro')}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <CsrfInput />
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.map((e) => t(e)).join('；')}
          </p>
        ) : null}
        <SelectField
          label={t('fields.orgKind')}
          errors={fields.kind.errors}
          options={REGISTRABLE_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
          {...getSelectProps(fields.kind)}
        />
        <Field
          label={t('fields.orgName')}
          errors={fields.organizationName.errors}
          {...getInputProps(fields.organizationName, { type: 'text' })}
        />
        <Field
          label={t('fields.creditCode')}
          hint={t('register.creditCodeHint')}
          maxLength={18}
          errors={fields.creditCode.errors}
          {...getInputProps(fields.creditCode, { type: 'text' })}
        />
        <Field
          label={t('fields.regionCode')}
          hint={t('register.regionHint')}
          list="region-codes"
          inputMode="numeric"
          errors={fields.regionCode.errors}
          {...getInputProps(fields.regionCode, { type: 'text' })}
        />
        <datalist id="region-codes">
          {Object.entries(JJJ_DISTRICTS).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </datalist>
        {isEnterprise ? (
          <>
            <SelectField
              label={t('fields.area')}
              placeholder={t('register.areaPlaceholder')}
              errors={fields.areaCode.errors}
              options={areas.map((a) => ({ value: a.code, label: i18n.language === 'zh' ? a.nameZh : a.nameEn }))}
              {...getSelectProps(fields.areaCode)}
            />
            <label className="checkbox">
              <input {...getInputProps(fields.inDevelopmentZone, { type: 'checkbox' })} />
              {t('fields.inDevelopmentZone')}
            </label>
          </>
        ) : null}
        <Field
          label={t('fields.contactName')}
          errors={fields.name.errors}
          {...getInputProps(fields.name, { type: 'text' })}
        />
        <Field
          label={t('fields.email')}
          autoComplete="email"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: 'email' })}
        />
        <Field
          label={t('fields.password')}
          hint={t('register.passwordHint')}
          autoComplete="new-password"
          errors={fields.password.errors}
          {...getInputProps(fields.password, { type: 'password' })}
        />
        <Field
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          errors={fields.confirmPassword.errors}
          {...getInputProps(fields.confirmPassword, { type: 'password' })}
        />
        <button type="submit" className="primary" disabled={navigation.state === 'submitting'}>
          {t('register.submit')}
        </button>
      </Form>
    </section>
  )
}
