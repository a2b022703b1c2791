import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { getTurnoverSummary } from '~/models/contracts.server'
import { listAreas } from '~/models/areas.server'
import { requireBureauStaff } from '~/utils/permissions.server'
import { pageTitle } from '~/utils/meta'
import { Money } from '~/components/money'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'bureau.title')

const QuerySchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(() => new Date().getFullYear()),
  basis: z.enum(['OUTFLOW', 'INFLOW', 'BOTH']).catch('BOTH'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const url = new URL(request.url)
  const { year, basis } = QuerySchema.parse(Object.fromEntries(url.searchParams))
  const [summary, areas] = await Promise.all([getTurnoverSummary(year, basis), listAreas()])
  const areaById = new Map(areas.map((a) => [a.id, a]))
  return {
    year,
    basis,
    contracts: summary.contracts,
    amountFen: summary.amountFen.toString(),
    techAmountFen: summary.techAmountFen.toString(),
    targetFen: summary.targetFen?.toString() ?? null,
    progress: summary.targetFen ? Number((summary.amountFen * 10000n) / summary.targetFen) / 100 : null,
    byArea: summary.byArea.map((r) => ({
      area: r.areaId ? (areaById.get(r.areaId) ?? null) : null,
      contracts: r.contracts,
      amountFen: r.amountFen.toString(),
    })),
  }
}

export default function BureauHome() {
  const { t, i18n } = useTranslation()
  const d = useLoaderData<typeof loader>()
  const zh = i18n.language === 'zh'
  return (
    <>
      <h1>{t('bureau.title')}</h1>
      <p className="actions">
        <Link to="/bureau/needs" className="button">
          {t('curation.unmatched')}
        </Link>
        <Link to="/bureau/campaigns" className="button">
          {t('curation.campaigns')}
        </Link>
      </p>
      <Form
        method="get"
        className="panel"
        style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}
      >
        <div className="field">
          <label htmlFor="year">{t('bureau.year')}</label>
          <input id="year" name="year" type="number" defaultValue={d.year} min={2000} max={2100} />
        </div>
        <div className="field">
          <label htmlFor="basis">{t('bureau.basis')}</label>
          <select id="basis" name="basis" defaultValue={d.basis}>
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
      <p className="muted">{t('bureau.basisNote', { basis: t(`basis.${d.basis}`) })}</p>
      <div className="grid">
        <div className="stat">
          <div className="value" data-testid="turnover-amount">
            <Money fen={d.amountFen} />
          </div>
          <div className="label">{t('bureau.amount', { year: d.year })}</div>
        </div>
        <div className="stat">
          <div className="value">
            <Money fen={d.techAmountFen} />
          </div>
          <div className="label">{t('bureau.techAmount', { year: d.year })}</div>
        </div>
        <div className="stat">
          <div className="value">{d.contracts}</div>
          <div className="label">{t('bureau.contractCount')}</div>
        </div>
        <div className="stat">
          <div className="value">{d.targetFen ? <Money fen={d.targetFen} /> : t('bureau.noTarget')}</div>
          <div className="label">{t('bureau.target')}</div>
          {d.progress !== null ? (
            <>
              <div
                className="progress"
                role="progressbar"
                aria-valuenow={d.progress}
                aria-valuemin={0}
                aria-valuemax={100}
              >
                <span style={{ width: `${Math.min(100, d.progress)}%` }} />
              </div>
              <div className="label">{t('bureau.progress', { value: d.progress })}</div>
            </>
          ) : null}
        </div>
      </div>
      <h2>{t('bureau.byArea')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('fields.area')}</th>
              <th>{t('bureau.contractCount')}</th>
              <th>{t('bureau.amountShort')}</th>
            </tr>
          </thead>
          <tbody>
            {d.byArea.map((r) => (
              <tr key={r.area?.id ?? 'none'}>
                <td>{r.area ? (zh ? r.area.nameZh : r.area.nameEn) : t('bureau.outsideBaodi')}</td>
                <td>{r.contracts}</td>
                <td>
                  <Money fen={r.amountFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
