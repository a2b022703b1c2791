import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { NeedForm } from '~/components/need-form'
import { fieldOptions } from '~/models/areas.server'
import { saveNeed } from '~/models/needs.server'
import { campaignChoices } from '~/models/curation.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { getLocale } from '~/i18n/locale.server'
import { requireEnterprise } from '~/utils/permissions.server'
import { NeedFormSchema } from '~/validation/needs'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'needForm.newTitle')

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireEnterprise(request)
  const campaigns = await campaignChoices(membership.organizationId, null)
  const wanted = new URL(request.url).searchParams.get('campaign')
  return {
    fields: await fieldOptions(await getLocale(request)),
    campaigns,
    // Arriving from a campaign's invitation preselects it.
    campaignId: campaigns.some((c) => c.id === wanted) ? wanted : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireEnterprise(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: NeedFormSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await saveNeed({ userId: user.id, organizationId: membership.organizationId }, submission.value)
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors }), { status: 400 })
  return redirect(`/needs/${outcome.id}`)
}

export default function NewNeed() {
  const { t } = useTranslation()
  const { fields, campaigns, campaignId } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <h1>{t('needForm.newTitle')}</h1>
      <NeedForm fields={fields} campaigns={campaigns} defaults={{ campaignId }} lastResult={lastResult} draft />
    </>
  )
}
