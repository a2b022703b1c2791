import type { LoaderFunctionArgs } from '@remix-run/node'
import { importTemplate, OFFICE_IMPORT_KINDS, type OfficeImportKind } from '~/models/imports.server'
import { requireOffice } from '~/utils/permissions.server'

/** GET /office/import/template?kind=results|experts — the XLSX template with Chinese headers. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOffice(request)
  const kind = new URL(request.url).searchParams.get('kind') as OfficeImportKind
  if (!OFFICE_IMPORT_KINDS.includes(kind)) return new Response('Not Found', { status: 404 })
  const name = kind === 'results' ? '科技成果导入模板.xlsx' : '专家导入模板.xlsx'
  return new Response(Buffer.from(await importTemplate(kind)), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  })
}
