import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ImportBatchView } from '~/components/import-pages'
import { OFFICE_IMPORTS, importBatchAction, importBatchLoader } from '~/imports/routes.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'importUi.previewTitle')

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  importBatchLoader(request, OFFICE_IMPORTS, params.id ?? '')

export const action = ({ request, params }: ActionFunctionArgs) =>
  importBatchAction(request, OFFICE_IMPORTS, params.id ?? '')

export default function ImportBatchPage() {
  const page = useLoaderData<typeof loader>()
  return <ImportBatchView {...page} />
}
