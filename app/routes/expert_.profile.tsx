import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ExpertEditor } from '~/components/expert-form'
import { getLocale } from '~/i18n/locale.server'
import { fieldOptions } from '~/models/areas.server'
import { requireCsrf } from '~/utils/csrf.server'
import { expertFormAction, expertFormDefaults } from '~/models/expert-form.server'
import { pageTitle } from '~/utils/meta'
import { requireExpert } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'expertForm.ownTitle')

/** An expert edits their own profile, and may take it off the marketplace and back. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireExpert(request)
  const [profile, fields] = await Promise.all([
    expertFormDefaults({ kind: 'self', userId: user.id }),
    fieldOptions(await getLocale(request)),
  ])
  return { ...profile, fields, saved: new URL(request.url).searchParams.get('saved') === '1' }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireExpert(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const scope = { kind: 'self' as const, userId: user.id }
  const { id } = await expertFormDefaults(scope)
  return expertFormAction(
    formData,
    { userId: user.id, organizationId: membership.organizationId },
    scope,
    id,
    () => '/expert/profile?saved=1',
  )
}

export default function OwnProfile() {
  const { t } = useTranslation()
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/expert">← {t('expert.title')}</Link>
      </p>
      <h1>{t('expertForm.ownTitle')}</h1>
      <ExpertEditor {...page} result={result} />
    </>
  )
}
