import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCallFunnel } from '~/calls/funnel.server'
import { DashboardView } from '~/components/dashboard'
import { getLocale } from '~/i18n/locale.server'
import { getDashboard, getFunnel, scopeName, serializeDashboard } from '~/contracts/turnover.server'
import { parseTurnoverFilter, scopeParam } from '~/contracts/turnover-query.server'
import { pageTitle } from '~/utils/meta'
import { requireBureauStaff } from '~/utils/permissions.server'
import { beijingDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.reportTitle')

/** The dashboard as a printable report: the same figures, no controls, a dated heading. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const filter = parseTurnoverFilter(new URL(request.url))
  const [dashboard, funnel, callFunnel, scope] = await Promise.all([
    getDashboard(filter),
    getFunnel(filter),
    getCallFunnel(filter),
    scopeName(filter.scope, await getLocale(request)),
  ])
  return {
    year: filter.year,
    basis: filter.basis,
    scope,
    query: new URLSearchParams({
      year: String(filter.year),
      basis: filter.basis,
      scope: scopeParam(filter.scope),
    }).toString(),
    generatedAt: beijingDateTime(new Date()),
    dashboard: serializeDashboard(dashboard),
    funnel,
    callFunnel,
  }
}

export default function Report() {
  const { t } = useTranslation()
  const { year, basis, scope, query, generatedAt, dashboard, funnel, callFunnel } = useLoaderData<typeof loader>()
  return (
    <article className="report">
      <p className="no-print actions">
        <Link to={`/bureau?${query}`}>← {t('bureau.title')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('dashboard.print')}
        </button>
      </p>
      <h1>{t('dashboard.reportHeading', { year, scope })}</h1>
      <p className="muted">{t('dashboard.reportMeta', { basis: t(`basis.${basis}`), at: generatedAt })}</p>
      <DashboardView
        d={dashboard}
        funnel={funnel}
        callFunnel={callFunnel}
        year={year}
        basisLabel={t(`basis.${basis}`)}
      />
    </article>
  )
}
