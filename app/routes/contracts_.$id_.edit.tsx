import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ContractForm } from '~/components/contract-form'
import { getLocale } from '~/i18n/locale.server'
import { fieldOptions } from '~/models/areas.server'
import { contractFormAction } from '~/contracts/form.server'
import { getContractDraftForEdit } from '~/contracts/drafts.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireContractParty } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'contractForm.editTitle')

/** A draft is edited by the organization that drew it up; anything else is not found. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireContractParty(request)
  const draft = await getContractDraftForEdit(membership.organizationId, params.id ?? '')
  if (!draft) notFound()
  return { ...draft, fields: await fieldOptions(await getLocale(request)) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership } = await requireContractParty(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  return contractFormAction(formData, { userId: user.id, organizationId: membership.organizationId }, params.id ?? '')
}

export default function EditContract() {
  const { t } = useTranslation()
  const { id, fields, defaults } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/contracts/${id}`}>← {t('contracts.back')}</Link>
      </p>
      <h1>{t('contractForm.editTitle')}</h1>
      <ContractForm key={id} fields={fields} defaults={defaults} lastResult={lastResult} />
    </>
  )
}
