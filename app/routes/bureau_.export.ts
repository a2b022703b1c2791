import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { dashboardCsv, dashboardXlsx } from '~/contracts/export.server'
import { getDashboard, getFunnel, scopeName } from '~/contracts/turnover.server'
import { parseTurnoverFilter } from '~/contracts/turnover-query.server'
import { requireBureauStaff } from '~/utils/permissions.server'

const Format = z.enum(['xlsx', 'csv']).catch('xlsx')

/** The dashboard's current view (year, scope, basis) as XLSX or CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const url = new URL(request.url)
  const filter = parseTurnoverFilter(url)
  const format = Format.parse(url.searchParams.get('format'))
  const [dashboard, funnel, scope] = await Promise.all([
    getDashboard(filter),
    getFunnel(filter),
    scopeName(filter.scope),
  ])
  const name = `宝坻区技术合同成交额-${filter.year}-${scope}.${format}`
  const disposition = `attachment; filename="turnover-${filter.year}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`
  if (format === 'csv') {
    return new Response(dashboardCsv(dashboard, funnel, filter, scope), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition },
    })
  }
  return new Response(await dashboardXlsx(dashboard, funnel, filter, scope), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': disposition,
    },
  })
}
