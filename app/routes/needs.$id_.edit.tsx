import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { NeedForm } from '~/components/need-form'
import { getLocale } from '~/i18n/locale.server'
import { fieldOptions } from '~/models/areas.server'
import { getNeedFormValues, saveNeed } from '~/models/needs.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireEnterprise } from '~/utils/permissions.server'
import { campaignChoices } from '~/models/curation.server'
import { NeedFormSchema } from '~/validation/needs'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'needForm.editTitle')

/** Only the need's own enterprise may edit it; everyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireEnterprise(request)
  const need = await getNeedFormValues(membership.organizationId, params.id ?? '')
  if (!need) notFound()
  return {
    id: need.id,
    isDraft: need.isDraft,
    fields: await fieldOptions(await getLocale(request)),
    campaigns: await campaignChoices(membership.organizationId, need.campaignId),
    defaults: need.defaults,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership } = await requireEnterprise(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: NeedFormSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await saveNeed(
    { userId: user.id, organizationId: membership.organizationId },
    submission.value,
    params.id ?? '',
  )
  if (!outcome.ok && outcome.notFound) notFound()
  if (!outcome.ok) {
    const { '': formErrors, ...fieldErrors } = outcome.fieldErrors
    return data(submission.reply({ fieldErrors, formErrors }), { status: 400 })
  }
  return redirect(`/needs/${outcome.id}`)
}

export default function EditNeed() {
  const { t } = useTranslation()
  const { fields, defaults, isDraft, campaigns } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <h1>{t('needForm.editTitle')}</h1>
      <NeedForm fields={fields} campaigns={campaigns} defaults={defaults} lastResult={lastResult} draft={isDraft} />
    </>
  )
}
