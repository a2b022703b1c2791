import { Link } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Chart } from './chart'
import { Money } from './money'

type Fig = { contracts: number; amountFen: string; techAmountFen: string }

export interface DashboardData {
  total: Fig
  pipeline: Fig
  target: { amountFen: string | null; techAmountFen: string | null; basis: string | null; dateBasis: string }
  targetActual: Fig
  paceFen: string | null
  forecastFen: string
  runRateFen: string
  receivedFen: string
  monthly: Array<{ month: number; counted: Fig; pipeline: Fig }>
  breakdowns: Array<{ dim: string; rows: Array<Fig & { key: string; label: string | null }> }>
}

export interface FunnelStep {
  step: string
  count: number
  rate: number | null
}

const wan = (fen: string) => Number(BigInt(fen) / 100n) / 10_000
const percent = (part: string, whole: string | null) =>
  whole && BigInt(whole) > 0n ? Number((BigInt(part) * 10000n) / BigInt(whole)) / 100 : null

/** The label of a breakdown row, in the reader's language. */
export function useRowLabel() {
  const { t } = useTranslation()
  return (dim: string, row: { key: string; label: string | null }) => {
    if (dim === 'type') return t(`contractTypes.${row.key}`)
    if (dim === 'counterpart') return t(`dashboard.counterpart.${row.key}`)
    if (dim === 'area') return row.label ?? t('dashboard.noArea')
    if (dim === 'field') return row.label ?? t('dashboard.noField')
    return row.label ?? row.key
  }
}

/**
 * The turnover dashboard: the year against its target (pace and forecast), the monthly trend,
 * every breakdown as a chart with its table, and the funnel. `drill` builds the link from a
 * figure to the contracts behind it; without it (the printable report) figures are plain.
 */
export function DashboardView({
  d,
  funnel,
  callFunnel,
  year,
  basisLabel,
  drill,
}: {
  d: DashboardData
  funnel: FunnelStep[]
  /** 揭榜挂帅: calls → proposals → awards → contracts. */
  callFunnel: FunnelStep[]
  year: number
  basisLabel: string
  drill?: (params: Record<string, string>) => string
}) {
  const { t } = useTranslation()
  const label = useRowLabel()
  const progress = percent(d.targetActual.amountFen, d.target.amountFen)
  const pace = d.paceFen ? percent(d.paceFen, d.target.amountFen) : null
  const figure = (fen: string, params: Record<string, string>, testId?: string) =>
    drill ? (
      <Link to={drill(params)} data-fen={fen} data-testid={testId}>
        <Money fen={fen} />
      </Link>
    ) : (
      <span data-fen={fen} data-testid={testId}>
        <Money fen={fen} />
      </span>
    )
  const monthlyOption = useMemo(() => {
    let running = 0
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: d.monthly.map((m) => t('dashboard.monthShort', { month: m.month })) },
      yAxis: { type: 'value', name: t('dashboard.wanYuan') },
      series: [
        {
          name: t('dashboard.registered'),
          type: 'bar',
          stack: 'm',
          data: d.monthly.map((m) => wan(m.counted.amountFen)),
        },
        {
          name: t('dashboard.pipeline'),
          type: 'bar',
          stack: 'm',
          data: d.monthly.map((m) => wan(m.pipeline.amountFen)),
        },
        {
          name: t('dashboard.cumulative'),
          type: 'line',
          data: d.monthly.map((m) => (running += wan(m.counted.amountFen))),
          ...(d.target.amountFen
            ? { markLine: { symbol: 'none', data: [{ yAxis: wan(d.target.amountFen), name: t('dashboard.target') }] } }
            : {}),
        },
      ],
    }
  }, [d, t])
  return (
    <>
      <div className="grid">
        <div className="stat">
          <div className="value">{figure(d.total.amountFen, {}, 'turnover-amount')}</div>
          <div className="label">{t('bureau.amount', { year })}</div>
        </div>
        <div className="stat">
          <div className="value">{figure(d.total.techAmountFen, {}, 'tech-amount')}</div>
          <div className="label">{t('bureau.techAmount', { year })}</div>
        </div>
        <div className="stat">
          <div className="value" data-testid="received-amount" data-fen={d.receivedFen}>
            <Money fen={d.receivedFen} />
          </div>
          <div className="label">{t('dashboard.received', { year })}</div>
        </div>
        <div className="stat">
          <div className="value" data-testid="contract-count">
            {d.total.contracts}
          </div>
          <div className="label">{t('bureau.contractCount')}</div>
        </div>
        <div className="stat">
          <div className="value">{figure(d.pipeline.amountFen, { bucket: 'PIPELINE' })}</div>
          <div className="label">{t('dashboard.pipelineLabel', { count: d.pipeline.contracts })}</div>
        </div>
      </div>
      <p className="muted" data-testid="date-basis-note">
        {t('dateBasis.note')}
      </p>
      <section className="panel" aria-labelledby="target-heading">
        <h2 id="target-heading">{t('dashboard.againstTarget')}</h2>
        {d.target.amountFen ? (
          <>
            <p>
              {t('bureau.target')}：<Money fen={d.target.amountFen} />
              <span className="muted" data-testid="target-basis">
                {' '}
                （{d.target.basis ? `${t(`basis.${d.target.basis}`)} · ` : ''}
                {t(`dateBasis.${d.target.dateBasis}`)}）
              </span>
              {d.target.dateBasis === 'SIGNING' ? (
                <>
                  {' · '}
                  {t('dashboard.targetActualSigning')}：<Money fen={d.targetActual.amountFen} />
                </>
              ) : null}
            </p>
            <div
              className="progress with-pace"
              role="progressbar"
              aria-valuenow={progress ?? 0}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-label={t('bureau.progress', { value: progress })}
            >
              <span style={{ width: `${Math.min(100, progress ?? 0)}%` }} />
              {pace !== null ? <i className="pace" style={{ left: `${Math.min(100, pace)}%` }} /> : null}
            </div>
            <p data-testid="progress">
              {t('bureau.progress', { value: progress })}
              {pace !== null ? ` · ${t('dashboard.pace', { value: pace })}` : ''}
            </p>
          </>
        ) : (
          <p className="muted">{t('dashboard.noTarget')}</p>
        )}
        <p>
          {t('dashboard.forecast')}：<Money fen={d.forecastFen} />{' '}
          <span className="muted">{t('dashboard.forecastHow', { basis: basisLabel })}</span>
        </p>
      </section>
      <section aria-labelledby="monthly-heading">
        <h2 id="monthly-heading">{t('dashboard.monthly')}</h2>
        <ChartTable
          option={monthlyOption}
          label={t('dashboard.monthly')}
          testId="monthly"
          headers={[
            t('dashboard.month'),
            t('bureau.contractCount'),
            t('dashboard.registered'),
            t('dashboard.pipeline'),
          ]}
        >
          {d.monthly.map((m) => (
            <tr key={m.month}>
              <td>{t('dashboard.monthShort', { month: m.month })}</td>
              <td>{m.counted.contracts}</td>
              <td>{figure(m.counted.amountFen, { dim: 'month', key: String(m.month) })}</td>
              <td>
                <Money fen={m.pipeline.amountFen} />
              </td>
            </tr>
          ))}
        </ChartTable>
      </section>
      {d.breakdowns.map((b) => (
        <BreakdownSection key={b.dim} dim={b.dim} rows={b.rows} figure={figure} label={label} />
      ))}
      <FunnelSection funnel={funnel} kind="funnel" />
      <FunnelSection funnel={callFunnel} kind="callFunnel" />
    </>
  )
}

function BreakdownSection({
  dim,
  rows,
  figure,
  label,
}: {
  dim: string
  rows: Array<Fig & { key: string; label: string | null }>
  figure: (fen: string, params: Record<string, string>) => React.ReactNode
  label: (dim: string, row: { key: string; label: string | null }) => string
}) {
  const { t } = useTranslation()
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 140, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: t('dashboard.wanYuan') },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => label(dim, r)) },
      series: [{ type: 'bar', data: rows.map((r) => wan(r.amountFen)), name: t('bureau.amountShort') }],
    }),
    [dim, rows, label, t],
  )
  return (
    <section aria-labelledby={`by-${dim}`}>
      <h2 id={`by-${dim}`}>{t(`dashboard.by.${dim}`)}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('dashboard.none')}</p>
      ) : (
        <ChartTable
          option={option}
          height={Math.max(160, rows.length * 28 + 50)}
          label={t(`dashboard.by.${dim}`)}
          testId={`by-${dim}`}
          headers={[
            t(`dashboard.dim.${dim}`),
            t('bureau.contractCount'),
            t('bureau.amountShort'),
            t('dashboard.techShort'),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{label(dim, r)}</td>
              <td>{r.contracts}</td>
              <td>{figure(r.amountFen, { dim, key: r.key })}</td>
              <td>
                <Money fen={r.techAmountFen} />
              </td>
            </tr>
          ))}
        </ChartTable>
      )}
    </section>
  )
}

/** One funnel: the needs' (`funnel`) or the open calls' (`callFunnel`), named by its catalog keys. */
function FunnelSection({ funnel, kind }: { funnel: FunnelStep[]; kind: 'funnel' | 'callFunnel' }) {
  const { t } = useTranslation()
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 40,
          right: 40,
          data: funnel.map((s) => ({ name: t(`dashboard.${kind}.${s.step}`), value: s.count })),
        },
      ],
    }),
    [funnel, kind, t],
  )
  return (
    <section aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{t(`dashboard.${kind}Title`)}</h2>
      <p className="muted">{t(`dashboard.${kind}Note`)}</p>
      <ChartTable
        option={option}
        label={t(`dashboard.${kind}Title`)}
        testId={kind}
        headers={[t('dashboard.step'), t('dashboard.count'), t('dashboard.conversion')]}
      >
        {funnel.map((s) => (
          <tr key={s.step}>
            <td>{t(`dashboard.${kind}.${s.step}`)}</td>
            <td>{s.count}</td>
            <td>{s.rate === null ? '—' : `${(s.rate * 100).toFixed(1)}%`}</td>
          </tr>
        ))}
      </ChartTable>
    </section>
  )
}

/** A chart with its table beside it: the same figures, readable without the chart. */
function ChartTable({
  option,
  height,
  label,
  testId,
  headers,
  children,
}: {
  option: Parameters<typeof Chart>[0]['option']
  height?: number
  label: string
  testId: string
  headers: string[]
  children: React.ReactNode
}) {
  return (
    <div className="chart-and-table">
      <Chart option={option} height={height} label={label} />
      <div className="table-wrap">
        <table data-testid={testId}>
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </div>
  )
}
