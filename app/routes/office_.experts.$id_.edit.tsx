import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ExpertEditor } from '~/components/expert-form'
import { getLocale } from '~/i18n/locale.server'
import { fieldOptions } from '~/models/areas.server'
import { requireCsrf } from '~/utils/csrf.server'
import { expertFormAction, expertFormDefaults } from '~/models/expert-form.server'
import { pageTitle } from '~/utils/meta'
import { requireOffice } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'expertForm.editTitle')

/** An office edits, publishes or archives one of its institution's experts; others get 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const [profile, fields] = await Promise.all([
    expertFormDefaults({ kind: 'office', organizationId: membership.organizationId }, params.id ?? ''),
    fieldOptions(await getLocale(request)),
  ])
  return { ...profile, fields, saved: new URL(request.url).searchParams.get('saved') === '1' }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership } = await requireOffice(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  return expertFormAction(
    formData,
    { userId: user.id, organizationId: membership.organizationId },
    { kind: 'office', organizationId: membership.organizationId },
    params.id ?? '',
    (id) => `/office/experts/${id}/edit?saved=1`,
  )
}

export default function EditExpert() {
  const { t } = useTranslation()
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/office">← {t('office.title')}</Link>
      </p>
      <h1>{t('expertForm.editTitle')}</h1>
      <ExpertEditor {...page} result={result} />
    </>
  )
}
