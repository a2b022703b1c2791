import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ExpertForm } from '~/components/expert-form'
import { getLocale } from '~/i18n/locale.server'
import { fieldOptions } from '~/models/areas.server'
import { requireCsrf } from '~/utils/csrf.server'
import { expertFormAction } from '~/models/expert-form.server'
import { pageTitle } from '~/utils/meta'
import { requireOffice } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'expertForm.newTitle')

/** An office adds an expert of its institution. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOffice(request)
  return { fields: await fieldOptions(await getLocale(request)) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireOffice(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  return expertFormAction(
    formData,
    { userId: user.id, organizationId: membership.organizationId },
    { kind: 'office', organizationId: membership.organizationId },
    undefined,
    (id) => `/office/experts/${id}/edit?saved=1`,
  )
}

export default function NewExpert() {
  const { t } = useTranslation()
  const { fields } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/office">← {t('office.title')}</Link>
      </p>
      <h1>{t('expertForm.newTitle')}</h1>
      <ExpertForm
        fields={fields}
        defaults={{ available: 'on', contactVisibility: 'AFTER_INTRODUCTION' }}
        lastResult={result && !('statusChanged' in result) ? result : null}
        draft
      />
    </>
  )
}
