import ExcelJS from 'exceljs'
import type { Dashboard, FunnelStepRow } from './turnover.server'
import type { TurnoverFilter } from './turnover-query.server'
import { createI18n } from '~/i18n'
import { stringify } from 'csv-stringify/sync'
import { yuanNumber } from '~/utils/format'

/**
 * The dashboard's current view as a file for the bureau's superiors: the same figures as the
 * page (amounts in yuan with two decimals, exact), every one stating year, scope and basis.
 */
interface Sheet {
  name: string
  header: string[]
  rows: Array<Array<string | number>>
}

function sheets(d: Dashboard, funnel: FunnelStepRow[], filter: TurnoverFilter, scopeName: string): Sheet[] {
  const t = createI18n('zh').t
  const label = (dim: string, r: { key: string; label: string | null }) =>
    dim === 'type'
      ? t(`contractTypes.${r.key}`)
      : dim === 'counterpart'
        ? t(`dashboard.counterpart.${r.key}`)
        : (r.label ?? (dim === 'area' ? t('dashboard.noArea') : dim === 'field' ? t('dashboard.noField') : r.key))
  const money = [t('bureau.contractCount'), t('dashboard.amountYuan'), t('dashboard.techYuan')]
  const view = [
    [t('bureau.year'), filter.year],
    [t('dashboard.scopeLabel'), scopeName],
    [t('bureau.basis'), t(`basis.${filter.basis}`)],
    [t('dateBasis.label'), `${t('dateBasis.REGISTRATION')}（${t('dashboard.pipeline')}：${t('dateBasis.SIGNING')}）`],
  ]
  return [
    {
      name: t('dashboard.sheet.summary'),
      header: [t('dashboard.item'), t('dashboard.value')],
      rows: [
        ...view,
        [t('dashboard.registeredContracts'), d.total.contracts],
        [t('dashboard.amountYuan'), yuanNumber(d.total.amountFen)],
        [t('dashboard.techYuan'), yuanNumber(d.total.techAmountFen)],
        [t('dashboard.pipelineYuan'), yuanNumber(d.pipeline.amountFen)],
        [t('dashboard.receivedYuan'), yuanNumber(d.receivedFen)],
        [t('dashboard.targetYuan'), d.target.amountFen === null ? '' : yuanNumber(d.target.amountFen)],
        [t('dateBasis.label'), d.target.amountFen === null ? '' : t(`dateBasis.${d.target.dateBasis}`)],
        [t('dashboard.paceYuan'), d.paceFen === null ? '' : yuanNumber(d.paceFen)],
        [t('dashboard.forecastYuan'), yuanNumber(d.forecastFen)],
      ],
    },
    {
      name: t('dashboard.sheet.monthly'),
      header: [t('dashboard.month'), ...money, t('dashboard.pipelineYuan')],
      rows: d.monthly.map((m) => [
        m.month,
        m.counted.contracts,
        yuanNumber(m.counted.amountFen),
        yuanNumber(m.counted.techAmountFen),
        yuanNumber(m.pipeline.amountFen),
      ]),
    },
    ...d.breakdowns.map((b) => ({
      name: t(`dashboard.by.${b.dim}`),
      header: [t(`dashboard.dim.${b.dim}`), ...money],
      rows: b.rows.map((r) => [label(b.dim, r), r.contracts, yuanNumber(r.amountFen), yuanNumber(r.techAmountFen)]),
    })),
    {
      name: t('dashboard.funnelTitle'),
      header: [t('dashboard.step'), t('dashboard.count'), t('dashboard.conversion')],
      rows: funnel.map((s) => [
        t(`dashboard.funnel.${s.step}`),
        s.count,
        s.rate === null ? '' : `${(s.rate * 100).toFixed(1)}%`,
      ]),
    },
  ]
}

export async function dashboardXlsx(d: Dashboard, funnel: FunnelStepRow[], filter: TurnoverFilter, scopeName: string) {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '宝坻科技成果转化对接平台'
  for (const sheet of sheets(d, funnel, filter, scopeName)) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31))
    ws.addRow(sheet.header).font = { bold: true }
    for (const row of sheet.rows) ws.addRow(row)
    ws.columns.forEach((column, i) => {
      column.width = i === 0 ? 28 : 18
      if (i > 0) column.numFmt = '#,##0.00'
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * One CSV, its sections one after another (a title line, then the table), UTF-8 with BOM for
 * Excel. Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * CR: a party named "=HYPERLINK(…)") are written with a leading quote by csv-stringify.
 */
export function dashboardCsv(d: Dashboard, funnel: FunnelStepRow[], filter: TurnoverFilter, scopeName: string) {
  const records: Array<Array<string | number>> = []
  for (const sheet of sheets(d, funnel, filter, scopeName)) {
    records.push([sheet.name], sheet.header, ...sheet.rows, [])
  }
  return `\uFEFF${stringify(records, { escape_formulas: true, record_delimiter: 'windows' })}`
}
