import ExcelJS from 'exceljs'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { loader as dashboardLoader } from '~/routes/bureau'
import { loader as drillLoader } from '~/routes/bureau_.contracts'
import { loader as exportLoader } from '~/routes/bureau_.export'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createOrganization, createUser, getRequest } from '../support/factories'

async function staff() {
  const bureau = await createOrganization('BUREAU', '宝坻区科技局')
  return cookieHeader((await createUser(bureau.id, 'BUREAU_STAFF')).id)
}

async function contracts() {
  const area = await prisma.area.findFirstOrThrow({ orderBy: { code: 'asc' } })
  const base = {
    projectName: '测试合同',
    status: 'REGISTERED' as const,
    buyerName: '宝坻企业',
    buyerRegionCode: '120115',
    buyerEntityType: 'ENTERPRISE' as const,
    sellerName: '北京高校',
    sellerRegionCode: '110108',
    sellerEntityType: 'UNIVERSITY' as const,
    signedOn: new Date('2025-04-01'),
    registeredAt: new Date('2025-04-10T02:00:00Z'),
    areaId: area.id,
  }
  await prisma.contract.createMany({
    data: [
      {
        ...base,
        type: 'TRANSFER',
        amountFen: 123456789n,
        techAmountFen: 100000000n,
        registrationNumber: '2025110108000001',
      },
      { ...base, type: 'SERVICE', amountFen: 1n, techAmountFen: 1n, registrationNumber: '2025110108000002' },
    ],
  })
  return area
}

const call = <T>(fn: (args: LoaderFunctionArgs) => Promise<T>, path: string, cookie: string) =>
  fn({ request: getRequest(path, cookie), params: {}, context: {} })

describe('dashboard pages and exports', () => {
  it('exports the current view as XLSX whose totals equal the page’s, exact to the fen', async () => {
    const cookie = await staff()
    const area = await contracts()
    const query = `year=2025&basis=INFLOW&scope=area:${area.id}`
    const page = await call(dashboardLoader, `/bureau?${query}`, cookie)
    expect(page.dashboard.total.amountFen).toBe('123456790')

    const response = (await call(exportLoader, `/bureau/export?${query}&format=xlsx`, cookie)) as Response
    expect(response.headers.get('Content-Type')).toContain('spreadsheetml')
    expect(response.headers.get('Content-Disposition')).toContain("filename*=UTF-8''")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const summary = workbook.getWorksheet('汇总')!
    const value = (label: string) => {
      let found: unknown
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value
      })
      return found
    }
    expect(value('统计口径')).toBe('吸纳（买方在宝坻）')
    expect(Math.round(Number(value('成交额（元）')) * 100)).toBe(123456790)
    expect(value('已登记合同数')).toBe(2)
    const byType = workbook.getWorksheet('按合同类型')!
    expect(byType.getRow(2).values).toEqual([undefined, '技术转让', 1, 1234567.89, 1000000])

    const bytes = new Uint8Array(
      await ((await call(exportLoader, `/bureau/export?${query}&format=csv`, cookie)) as Response).arrayBuffer(),
    )
    // A byte-order mark, so Excel opens the Chinese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = new TextDecoder().decode(bytes)
    expect(csv.startsWith('汇总')).toBe(true)
    expect(csv).toContain('成交额（元）,1234567.9')
  })

  it('writes a party name that looks like a formula as text in the CSV', async () => {
    const cookie = await staff()
    await contracts()
    await prisma.contract.updateMany({ data: { sellerName: '=HYPERLINK("http://evil.example","点我")' } })
    const response = (await call(exportLoader, `/bureau/export?year=2025&basis=BOTH&format=csv`, cookie)) as Response
    const csv = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()))
    expect(csv).toContain(`'=HYPERLINK`)
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m)
  })

  it('drills from a figure to its contracts', async () => {
    const cookie = await staff()
    await contracts()
    const drill = await call(drillLoader, '/bureau/contracts?year=2025&basis=BOTH&dim=type&key=TRANSFER', cookie)
    expect(drill.total).toMatchObject({ contracts: 1, amountFen: '123456789' })
    expect(drill.rows.map((r) => r.type)).toEqual(['TRANSFER'])
  })

  it('refuses the export to anyone but bureau staff', async () => {
    const enterprise = await createOrganization('ENTERPRISE')
    const cookie = await cookieHeader((await createUser(enterprise.id, 'ENTERPRISE_ADMIN')).id)
    const refused = (await call(exportLoader, '/bureau/export?format=xlsx', cookie).catch(
      (e: Response) => e,
    )) as Response
    expect(refused.status).toBe(403)
    const anonymous = (await call(exportLoader, '/bureau/export', '').catch((e: Response) => e)) as Response
    expect(anonymous.status).toBe(302)
  })
})
