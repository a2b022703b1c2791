import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { authenticate } from '~/models/accounts.server'
import { deviceCookie } from '~/utils/cookies.server'
import { requireCsrf, rotateAnonymousCsrf } from '~/utils/csrf.server'
import { ROLE_HOME } from '~/utils/permissions.server'
import { clientIp, createSession, getSessionUser, safeRedirect } from '~/utils/session.server'
import { LoginSchema } from '~/validation/accounts'
import { CsrfInput } from '~/components/csrf-input'
import { Field } from '~/components/field'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  if (user) throw redirect(user.memberships[0] ? ROLE_HOME[user.memberships[0].role] : '/')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const device = await deviceCookie().parse(request.headers.get('Cookie'))
  const result = await authenticate(email, password, clientIp(request), typeof device === 'string' ? device : null)
  if (!result.ok) {
    const status = result.error === 'errors.login.rateLimited' ? 429 : 400
    return data(submission.reply({ formErrors: [result.error], hideFields: ['password'] }), { status })
  }
  const home = result.role ? ROLE_HOME[result.role] : '/'
  // A new session (so a new CSRF token), a new anonymous token, and this device remembered.
  const headers = new Headers()
  headers.append('Set-Cookie', await createSession(result.userId, request))
  headers.append('Set-Cookie', await rotateAnonymousCsrf())
  headers.append('Set-Cookie', await deviceCookie().serialize(result.userId))
  return redirect(safeRedirect(redirectTo, home), { headers })
}

export default function LoginPage() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  })
  return (
    <section className="panel">
      <h1>{t('login.title')}</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.map((e) => t(e)).join('；')}
          </p>
        ) : null}
        <Field
          label={t('fields.email')}
          autoComplete="email"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: 'email' })}
        />
        <Field
          label={t('fields.password')}
          autoComplete="current-password"
          errors={fields.password.errors}
          {...getInputProps(fields.password, { type: 'password' })}
        />
        <button type="submit" className="primary" disabled={navigation.state === 'submitting'}>
          {t('login.submit')}
        </button>
      </Form>
      <p className="muted">
        {t('login.noAccount')} <a href="/register">{t('nav.register')}</a>
      </p>
    </section>
  )
}
