import type { LoaderFunctionArgs } from '@remix-run/node'
import { OFFICE_IMPORTS, importTemplateLoader } from '~/imports/routes.server'

/** GET ?kind=… — the XLSX template with Chinese headers. */
export const loader = ({ request }: LoaderFunctionArgs) => importTemplateLoader(request, OFFICE_IMPORTS)
