import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Money } from '~/components/money'
import { drillDown } from '~/contracts/drill-down.server'
import { parseDrillDown, parseTurnoverFilter, scopeParam } from '~/contracts/turnover-query.server'
import { pageTitle } from '~/utils/meta'
import { requireBureauStaff } from '~/utils/permissions.server'
import { beijingDate, calendarDate } from '~/utils/format'
import { serialize } from '~/utils/serialize'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.drillTitle')

/** The contracts behind a dashboard figure, with their total (which equals the figure). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const url = new URL(request.url)
  const filter = parseTurnoverFilter(url)
  const { drill, page } = parseDrillDown(url)
  const result = await drillDown(filter, drill, page)
  return serialize({
    year: filter.year,
    basis: filter.basis,
    scope: scopeParam(filter.scope),
    drill,
    page,
    pages: Math.max(1, Math.ceil(result.total.contracts / result.pageSize)),
    total: result.total,
    rows: result.rows.map((r) => ({
      ...r,
      signedOn: calendarDate(r.signedOn),
      registeredOn: r.registeredAt ? beijingDate(r.registeredAt) : null,
    })),
  })
}

export default function DrillDownPage() {
  const { t } = useTranslation()
  const { year, basis, scope, drill, page, pages, total, rows } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params)
    next.set('page', String(p))
    return `?${next.toString()}`
  }
  const back = `/bureau?${new URLSearchParams({ year: String(year), basis, scope }).toString()}`
  const what = drill.dim
    ? t('dashboard.drillOf', {
        dim: t(drill.dim === 'month' ? 'dashboard.month' : `dashboard.dim.${drill.dim}`),
        key:
          drill.dim === 'type'
            ? t(`contractTypes.${drill.key}`)
            : drill.dim === 'counterpart'
              ? t(`dashboard.counterpart.${drill.key}`)
              : drill.dim === 'month'
                ? t('dashboard.monthShort', { month: drill.key })
                : (drill.key ?? ''),
      })
    : drill.bucket === 'PIPELINE'
      ? t('dashboard.pipeline')
      : t('dashboard.allCounted')
  return (
    <>
      <p>
        <Link to={back}>← {t('bureau.title')}</Link>
      </p>
      <h1>{t('dashboard.drillTitle')}</h1>
      <p className="muted">
        {year} · {t(`basis.${basis}`)} · {what}
      </p>
      <p data-testid="drill-total" data-fen={total.amountFen}>
        {t('dashboard.drillTotal', { count: total.contracts })} <Money fen={total.amountFen} />
      </p>
      <div className="table-wrap">
        <table data-testid="drill-rows">
          <thead>
            <tr>
              <th>{t('dashboard.project')}</th>
              <th>{t('dashboard.dim.type')}</th>
              <th>{t('dashboard.parties')}</th>
              <th>{t('dashboard.signedOn')}</th>
              <th>{t('dashboard.registeredOn')}</th>
              <th>{t('dashboard.registration')}</th>
              <th>{t('bureau.amountShort')}</th>
              <th>{t('dashboard.techShort')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>{c.projectName}</td>
                <td>{t(`contractTypes.${c.type}`)}</td>
                <td>
                  {c.sellerName} → {c.buyerName}
                </td>
                <td>{c.signedOn}</td>
                <td>{c.registeredOn ?? '—'}</td>
                <td>{c.registrationNumber ?? t(`dashboard.status.${c.status}`)}</td>
                <td>
                  <Money fen={c.amountFen} />
                </td>
                <td>
                  <Money fen={c.techAmountFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('dashboard.pages')}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t('search.previous')}</Link> : null}
          <span>{t('search.page', { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t('search.next')}</Link> : null}
        </nav>
      ) : null}
    </>
  )
}
