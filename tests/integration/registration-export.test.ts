import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { getDashboard } from '~/contracts/turnover.server'
import { loader as exportLoader } from '~/routes/bureau_.registrations'
import { prisma } from '~/utils/db.server'
import { seedDatabase } from '../../prisma/seed/seed'
import { cookieHeader, createOrganization, createUser, getRequest } from '../support/factories'

const fen = (yuan: string | number) => {
  const [whole, frac = ''] = String(yuan).split('.')
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'))
}

async function download(query: string, cookie: string) {
  return (await exportLoader({
    request: getRequest(`/bureau/registrations?${query}`, cookie),
    params: {},
    context: {},
  }).catch((thrown: unknown) => thrown)) as Response
}

describe('registration statistics export', () => {
  it('lists the year’s registered contracts in the registration columns, adding up to the dashboard to the fen', async () => {
    await seedDatabase(prisma)
    const staff = await prisma.membership.findFirstOrThrow({ where: { role: 'BUREAU_STAFF' } })
    const cookie = await cookieHeader(staff.userId)
    const dashboard = await getDashboard({ year: 2025, basis: 'BOTH', scope: { kind: 'district' } })
    expect(dashboard.total.contracts).toBeGreaterThan(0)

    const csv = await download('from=2025-01-01&to=2025-12-31&format=csv', cookie)
    expect(csv.status).toBe(200)
    const [header, ...rows] = parse((await csv.text()).replace(/^\uFEFF/, '')) as string[][]
    expect(header.slice(0, 7)).toEqual([
      '合同登记编号',
      '合同名称',
      '合同类型',
      '技术领域代码',
      '技术领域',
      '成交额（元）',
      '技术交易额（元）',
    ])
    expect(rows).toHaveLength(dashboard.total.contracts)
    expect(rows.reduce((sum, r) => sum + fen(r[5]), 0n)).toBe(dashboard.total.amountFen)
    expect(rows.reduce((sum, r) => sum + fen(r[6]), 0n)).toBe(dashboard.total.techAmountFen)
    expect(rows.every((r) => /^\d{16}$/.test(r[0]) && r[14].startsWith('2025-'))).toBe(true)

    const xlsx = await download('from=2025-01-01&to=2025-12-31&format=xlsx', cookie)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const sheet = workbook.worksheets[0]
    expect(sheet.rowCount).toBe(rows.length + 1)
    let total = 0n
    sheet.eachRow((row, i) => {
      if (i > 1) total += fen((row.getCell(6).value as number).toFixed(2))
    })
    expect(total).toBe(dashboard.total.amountFen)
  }, 120_000)

  it('is for bureau staff only, and names a bad period', async () => {
    const enterprise = await createUser((await createOrganization()).id, 'ENTERPRISE_ADMIN')
    expect((await download('from=2025-01-01&to=2025-12-31', await cookieHeader(enterprise.id))).status).toBe(403)
    const staff = await createUser((await createOrganization('BUREAU', '宝坻区科技局')).id, 'BUREAU_STAFF')
    const bad = await download('from=2025-12-31&to=2025-01-01', await cookieHeader(staff.id))
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('起止登记日期')
  })
})
