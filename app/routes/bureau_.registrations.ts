import type { LoaderFunctionArgs } from '@remix-run/node'
import { RegistrationPeriodSchema, registrationCsv, registrationXlsx } from '~/contracts/registration-export.server'
import { requireBureauStaff } from '~/utils/permissions.server'

/**
 * GET /bureau/registrations?from=YYYY-MM-DD&to=YYYY-MM-DD&format=xlsx|csv — the registered
 * contracts of a period in the registration statistics' columns, for the bureau's reports upward.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const url = new URL(request.url)
  const period = RegistrationPeriodSchema.safeParse(Object.fromEntries(url.searchParams))
  if (!period.success) {
    return new Response('请给出起止登记日期（from、to，格式 YYYY-MM-DD，起不晚于止）', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const { from, to, format } = period.data
  const name = `宝坻区技术合同登记-${from}至${to}.${format}`
  const disposition = `attachment; filename="registrations-${from}-${to}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`
  if (format === 'csv') {
    return new Response(await registrationCsv(period.data), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition },
    })
  }
  return new Response(await registrationXlsx(period.data), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': disposition,
    },
  })
}
