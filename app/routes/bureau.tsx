import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCallFunnel } from '~/calls/funnel.server'
import { DashboardView } from '~/components/dashboard'
import { listAreas } from '~/models/areas.server'
import { getDashboard, getFunnel, serializeDashboard } from '~/contracts/turnover.server'
import { parseTurnoverFilter, scopeParam } from '~/contracts/turnover-query.server'
import { differenceCount } from '~/registry/reconcile.server'
import { pageTitle } from '~/utils/meta'
import { requireBureauStaff } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'bureau.title')

/** The bureau's turnover dashboard: where the district stands against its target, and why. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const filter = parseTurnoverFilter(new URL(request.url))
  const [dashboard, funnel, callFunnel, areas, differences] = await Promise.all([
    getDashboard(filter),
    getFunnel(filter),
    getCallFunnel(filter),
    listAreas(),
    differenceCount(filter.year),
  ])
  return {
    year: filter.year,
    basis: filter.basis,
    scope: scopeParam(filter.scope),
    areas: areas.map((a) => ({ id: a.id, nameZh: a.nameZh, nameEn: a.nameEn })),
    dashboard: serializeDashboard(dashboard),
    funnel,
    callFunnel,
    differences,
  }
}

export default function BureauDashboard() {
  const { t, i18n } = useTranslation()
  const { year, basis, scope, areas, dashboard, funnel, callFunnel, differences } = useLoaderData<typeof loader>()
  const zh = i18n.language === 'zh'
  const query = new URLSearchParams({ year: String(year), basis, scope }).toString()
  const drill = (params: Record<string, string>) =>
    `/bureau/contracts?${query}&${new URLSearchParams(params).toString()}`
  const scopeName =
    scope === 'district'
      ? t('dashboard.scope.district')
      : scope === 'zone'
        ? t('dashboard.scope.zone')
        : (areas.find((a) => `area:${a.id}` === scope)?.[zh ? 'nameZh' : 'nameEn'] ?? '')
  return (
    <>
      <h1>{t('bureau.title')}</h1>
      <p data-testid="registry-status">
        {differences === null ? (
          <Link to="/bureau/import">{t('reconciliation.noImport')}</Link>
        ) : differences === 0 ? (
          <Link to={`/bureau/reconciliation?year=${year}`}>{t('reconciliation.consistent')}</Link>
        ) : (
          <Link to={`/bureau/reconciliation?year=${year}`} className="badge warning">
            {t('reconciliation.differences', { count: differences })}
          </Link>
        )}
      </p>
      <p className="actions">
        <Link to="/bureau/needs" className="button">
          {t('curation.unmatched')}
        </Link>
        <Link to="/bureau/campaigns" className="button">
          {t('curation.campaigns')}
        </Link>
        <Link to="/bureau/kpis" className="button">
          {t('kpis.title')}
        </Link>
        <Link to="/contracts?status=SUBMITTED" className="button">
          {t('dashboard.toRegister')}
        </Link>
        <Link to="/bureau/import" className="button">
          {t('dashboard.importContracts')}
        </Link>
      </p>
      <Form method="get" className="panel filters" aria-label={t('dashboard.filters')}>
        <div className="field">
          <label htmlFor="year">{t('bureau.year')}</label>
          <input id="year" name="year" type="number" defaultValue={year} min={2000} max={2100} />
        </div>
        <div className="field">
          <label htmlFor="scope">{t('dashboard.scopeLabel')}</label>
          <select id="scope" name="scope" defaultValue={scope}>
            <option value="district">{t('dashboard.scope.district')}</option>
            <option value="zone">{t('dashboard.scope.zone')}</option>
            {areas.map((a) => (
              <option key={a.id} value={`area:${a.id}`}>
                {zh ? a.nameZh : a.nameEn}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="basis">{t('bureau.basis')}</label>
          <select id="basis" name="basis" defaultValue={basis}>
            {(['BOTH', 'OUTFLOW', 'INFLOW'] as const).map((b) => (
              <option key={b} value={b}>
                {t(`basis.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t('bureau.apply')}
        </button>
      </Form>
      <p className="muted" data-testid="basis-note">
        {t('dashboard.viewNote', { year, scope: scopeName, basis: t(`basis.${basis}`) })}
      </p>
      <p className="actions">
        <a href={`/bureau/export?${query}&format=xlsx`} download>
          {t('dashboard.exportXlsx')}
        </a>
        <a href={`/bureau/export?${query}&format=csv`} download>
          {t('dashboard.exportCsv')}
        </a>
        <Link to={`/bureau/report?${query}`}>{t('dashboard.report')}</Link>
      </p>
      <form method="get" action="/bureau/registrations" className="filters" data-testid="registration-export">
        <h2 className="visually-hidden">{t('dashboard.registrationExport')}</h2>
        <label>
          {t('dashboard.registeredFrom')}
          <input type="date" name="from" defaultValue={`${year}-01-01`} required />
        </label>
        <label>
          {t('dashboard.registeredTo')}
          <input type="date" name="to" defaultValue={`${year}-12-31`} required />
        </label>
        <label>
          {t('dashboard.fileFormat')}
          <select name="format" defaultValue="xlsx">
            <option value="xlsx">XLSX</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <button type="submit">{t('dashboard.registrationExport')}</button>
      </form>
      <DashboardView
        d={dashboard}
        funnel={funnel}
        callFunnel={callFunnel}
        year={year}
        basisLabel={t(`basis.${basis}`)}
        drill={drill}
      />
    </>
  )
}
