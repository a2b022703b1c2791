import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { catalogueCsv, catalogueXlsx } from '~/imports/catalogue-export.server'
import { OFFICE_IMPORT_KINDS } from '~/imports/columns'
import { requireOffice } from '~/utils/permissions.server'

const ExportQuery = z.object({
  kind: z.enum(OFFICE_IMPORT_KINDS),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
})

const NAMES = { results: '科技成果目录', experts: '专家目录' } as const

/**
 * GET /office/export?kind=results|experts&format=xlsx|csv — the office's own catalogue in the
 * import format: edited and imported again, it updates the same records.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const query = ExportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) {
    return new Response('请指定导出类型（kind=results 或 experts）和格式（format=xlsx 或 csv）', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const { kind, format } = query.data
  const name = `${membership.organizationName}-${NAMES[kind]}.${format}`
  const headers = {
    'Content-Disposition': `attachment; filename="${kind}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'private, no-store',
  }
  if (format === 'csv') {
    return new Response(await catalogueCsv(membership.organizationId, kind), {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
    })
  }
  return new Response(await catalogueXlsx(membership.organizationId, kind), {
    headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  })
}
