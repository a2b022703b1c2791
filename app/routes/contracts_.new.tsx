import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ContractForm } from '~/components/contract-form'
import { getLocale } from '~/i18n/locale.server'
import { fieldOptions } from '~/models/areas.server'
import { contractFormAction } from '~/contracts/form.server'
import { getNewContractDraft } from '~/contracts/drafts.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { requireContractParty } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'contractForm.newTitle')

/** A new contract draft, on its own or from an accepted introduction (parties, need, result filled in). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireContractParty(request)
  const introductionId = new URL(request.url).searchParams.get('introduction')
  const draft = await getNewContractDraft(membership.organizationId, introductionId)
  return { fields: await fieldOptions(await getLocale(request)), ...draft }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireContractParty(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  return contractFormAction(formData, { userId: user.id, organizationId: membership.organizationId })
}

export default function NewContract() {
  const { t } = useTranslation()
  const { fields, defaults, fromIntroduction } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/contracts">← {t('contracts.title')}</Link>
      </p>
      <h1>{t('contractForm.newTitle')}</h1>
      {fromIntroduction ? <p className="notice">{t('contractForm.fromIntroduction')}</p> : null}
      <ContractForm fields={fields} defaults={defaults} lastResult={lastResult} />
    </>
  )
}
