import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { ResultForm } from '~/components/result-form'
import { getLocale } from '~/i18n/locale.server'
import { fieldOptions } from '~/models/areas.server'
import { listExpertsForOrganization } from '~/models/experts.server'
import { saveResult } from '~/models/results.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { requireOffice } from '~/utils/permissions.server'
import { ResultFormSchema } from '~/validation/results'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'resultForm.newTitle')

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const [fields, experts] = await Promise.all([
    fieldOptions(await getLocale(request)),
    listExpertsForOrganization(membership.organizationId),
  ])
  return { fields, experts: experts.map((e) => ({ id: e.id, name: e.name })) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireOffice(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ResultFormSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await saveResult({ userId: user.id, organizationId: membership.organizationId }, submission.value)
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors }), { status: 400 })
  return redirect(`/office/results/${outcome.id}/edit?saved=1`)
}

export default function NewResult() {
  const { t } = useTranslation()
  const { fields, experts } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <h1>{t('resultForm.newTitle')}</h1>
      <ResultForm fields={fields} experts={experts} lastResult={lastResult} draft />
    </>
  )
}
