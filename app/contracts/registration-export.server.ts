import ExcelJS from 'exceljs'
import { stringify } from 'csv-stringify/sync'
import { z } from 'zod'
import { createI18n } from '~/i18n'
import { prisma } from '~/utils/db.server'
import { beijingDate, calendarDate, yuanNumber } from '~/utils/format'
import { COUNTED_STATUSES } from './status'

/** A period of registration dates in Beijing time, both ends included. */
export const RegistrationPeriodSchema = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    format: z.enum(['xlsx', 'csv']).catch('xlsx'),
  })
  .refine((p) => p.from <= p.to)
export type RegistrationPeriod = z.infer<typeof RegistrationPeriodSchema>

/**
 * Registered contracts (their current, amended figures) whose registration date in Beijing falls
 * in the period, in the columns of the national technology-contract registration statistics.
 */
export async function registeredContracts(period: Pick<RegistrationPeriod, 'from' | 'to'>) {
  const start = new Date(`${period.from}T00:00:00+08:00`)
  const end = new Date(new Date(`${period.to}T00:00:00+08:00`).getTime() + 86_400_000)
  return prisma.contract.findMany({
    where: { status: { in: [...COUNTED_STATUSES] }, registeredAt: { gte: start, lt: end } },
    select: {
      registrationNumber: true,
      projectName: true,
      type: true,
      fieldCode: true,
      field: { select: { nameZh: true } },
      amountFen: true,
      techAmountFen: true,
      sellerName: true,
      sellerCreditCode: true,
      sellerRegionCode: true,
      buyerName: true,
      buyerCreditCode: true,
      buyerRegionCode: true,
      signedOn: true,
      registeredAt: true,
      ipType: true,
      paymentMode: true,
      area: { select: { nameZh: true } },
      inDevelopmentZone: true,
    },
    orderBy: [{ registeredAt: 'asc' }, { registrationNumber: 'asc' }],
  })
}

/** The header and rows: amounts in yuan with two decimals (exact), dates as Beijing calendar days. */
function table(rows: Awaited<ReturnType<typeof registeredContracts>>) {
  const t = createI18n('zh').t
  const header = [
    '合同登记编号',
    '合同名称',
    '合同类型',
    '技术领域代码',
    '技术领域',
    '成交额（元）',
    '技术交易额（元）',
    '卖方名称',
    '卖方统一社会信用代码',
    '卖方地区代码',
    '买方名称',
    '买方统一社会信用代码',
    '买方地区代码',
    '签订日期',
    '登记日期',
    '知识产权类型',
    '支付方式',
    '所属镇街',
    '经济开发区',
  ]
  const body = rows.map((c) => [
    c.registrationNumber ?? '',
    c.projectName,
    t(`contractTypes.${c.type}`),
    c.fieldCode ?? '',
    c.field?.nameZh ?? '',
    yuanNumber(c.amountFen),
    yuanNumber(c.techAmountFen),
    c.sellerName,
    c.sellerCreditCode ?? '',
    c.sellerRegionCode,
    c.buyerName,
    c.buyerCreditCode ?? '',
    c.buyerRegionCode,
    calendarDate(c.signedOn),
    c.registeredAt ? beijingDate(c.registeredAt) : '',
    t(`resultForm.ip.${c.ipType}`),
    t(`contractForm.payment.${c.paymentMode}`),
    c.area?.nameZh ?? '',
    c.inDevelopmentZone ? '是' : '否',
  ])
  return { header, body }
}

export async function registrationXlsx(period: RegistrationPeriod) {
  const { header, body } = table(await registeredContracts(period))
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '宝坻科技成果转化对接平台'
  const ws = workbook.addWorksheet(`技术合同登记 ${period.from}至${period.to}`.slice(0, 31))
  ws.addRow(header).font = { bold: true }
  for (const row of body) ws.addRow(row)
  ws.columns.forEach((column, i) => {
    column.width = i === 1 || i === 7 || i === 10 ? 32 : 16
    if (i === 5 || i === 6) column.numFmt = '#,##0.00'
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** UTF-8 with BOM for Excel; text a spreadsheet would run as a formula is quoted by csv-stringify. */
export async function registrationCsv(period: RegistrationPeriod) {
  const { header, body } = table(await registeredContracts(period))
  return `\uFEFF${stringify([header, ...body], { escape_formulas: true, record_delimiter: 'windows' })}`
}
