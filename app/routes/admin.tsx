import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { createBureauStaff } from '~/models/accounts.server'
import { countOrganizationsByKind, listBureauStaff, listRecentOrganizations } from '~/models/organizations.server'
import { requireCsrf } from '~/utils/csrf.server'
import { requirePlatformAdmin } from '~/utils/permissions.server'
import { StaffAccountSchema } from '~/validation/accounts'
import { regionName } from '~/data/regions'
import { CsrfInput } from '~/components/csrf-input'
import { Field } from '~/components/field'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const [counts, organizations, staff] = await Promise.all([
    countOrganizationsByKind(),
    listRecentOrganizations(),
    listBureauStaff(),
  ])
  return { counts, organizations, staff }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePlatformAdmin(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: StaffAccountSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const outcome = await createBureauStaff(user.id, submission.value)
  if (!outcome.ok) {
    return data(submission.reply({ fieldErrors: outcome.fieldErrors, hideFields: ['password'] }), { status: 400 })
  }
  return submission.reply({ resetForm: true })
}

export default function AdminHome() {
  const { t } = useTranslation()
  const { counts, organizations, staff } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StaffAccountSchema }),
  })
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <div className="grid">
        {(['ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'BUREAU', 'SERVICE_AGENCY'] as const).map((k) => (
          <div className="stat" key={k}>
            <div className="value">{counts[k] ?? 0}</div>
            <div className="label">{t(`orgKinds.${k}`)}</div>
          </div>
        ))}
      </div>
      <h2>{t('admin.staff')}</h2>
      <ul className="list" data-testid="staff-list">
        {staff.map((s) => (
          <li key={s.id}>
            {s.name} <span className="muted">{s.email}</span>
          </li>
        ))}
      </ul>
      <section className="panel">
        <h2>{t('admin.createStaff')}</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <CsrfInput />
          <Field
            label={t('fields.contactName')}
            errors={fields.name.errors}
            {...getInputProps(fields.name, { type: 'text' })}
          />
          <Field
            label={t('fields.email')}
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
          <button type="submit" className="primary" disabled={navigation.state === 'submitting'}>
            {t('admin.createStaffSubmit')}
          </button>
        </Form>
      </section>
      <h2>{t('admin.recentOrganizations')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('fields.orgName')}</th>
              <th>{t('fields.orgKind')}</th>
              <th>{t('fields.regionCode')}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/admin/organizations#org-${o.id}`}>{o.name}</Link>{' '}
                  {o.verification !== 'APPROVED' ? (
                    <span className="badge">{t(`verification.states.${o.verification}`)}</span>
                  ) : null}
                </td>
                <td>{t(`orgKinds.${o.kind}`)}</td>
                <td>
                  {regionName(o.regionCode)} <span className="muted">({o.regionCode})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
