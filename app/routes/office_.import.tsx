import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ImportUploadView } from '~/components/import-pages'
import { OFFICE_IMPORTS, importUploadAction, importUploadLoader } from '~/imports/routes.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'importUi.title')

export const loader = ({ request }: LoaderFunctionArgs) => importUploadLoader(request, OFFICE_IMPORTS)

export const action = ({ request }: ActionFunctionArgs) => importUploadAction(request, OFFICE_IMPORTS)

export default function ImportPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return <ImportUploadView {...page} result={result} />
}
