import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { drain } from '~/jobs/worker.server'
import { importJobsHandler } from '~/imports/batches.server'
import { getDashboard } from '~/contracts/turnover.server'
import { action as uploadAction } from '~/routes/bureau_.import'
import { action as batchAction } from '~/routes/bureau_.import_.$id'
import { loader as dashboardLoader } from '~/routes/bureau'
import { action, loader } from '~/routes/bureau_.reconciliation'
import { differenceCount, reconcile } from '~/registry/reconcile.server'
import { prisma } from '~/utils/db.server'
import { buildRegistryExport, REGISTRY_EXPORT_FILE } from '../../prisma/seed/registry-export'
import { seedDatabase } from '../../prisma/seed/seed'
import {
  cookieHeader,
  createOrganization,
  createUser,
  formRequest,
  getRequest,
  uploadFile,
  validCreditCode,
} from '../support/factories'

const HEADER =
  '合同登记编号,合同类型,项目名称,买方,买方信用代码,买方地区,卖方,卖方地区,成交额（元）,技术交易额（元）,签订日期,登记日期'
const NOW = new Date('2026-12-01T04:00:00Z')

async function bureau() {
  const org = await createOrganization('BUREAU', '宝坻区科技局')
  return cookieHeader((await createUser(org.id, 'BUREAU_STAFF')).id)
}

/** Uploads a registry export as the bureau and commits it, running both jobs. */
async function importRegistry(cookie: string, lines: string[]) {
  const response = (await uploadFile(uploadAction, '/bureau/import', cookie, {
    bytes: new TextEncoder().encode([HEADER, ...lines].join('\n')),
    name: '登记系统导出.csv',
    kind: 'contracts',
  })) as Response
  await drain(prisma, importJobsHandler())
  const location = response.headers.get('Location')!
  const id = location.split('/').pop()!
  await batchAction({ request: await formRequest(location, { intent: 'commit' }, cookie), params: { id }, context: {} })
  await drain(prisma, importJobsHandler())
  expect((await prisma.importBatch.findUniqueOrThrow({ where: { id } })).status).toBe('COMMITTED')
}

const page = (cookie: string, query = 'year=2026') =>
  loader({ request: getRequest(`/bureau/reconciliation?${query}`, cookie), params: {}, context: {} })
const decide = async (cookie: string, fields: Record<string, string>) =>
  action({
    request: await formRequest('/bureau/reconciliation', fields, cookie),
    params: {},
    context: {},
  }) as Promise<unknown>

async function platform() {
  const area = await prisma.area.findFirstOrThrow()
  const code = validCreditCode()
  const enterprise = await prisma.organization.create({
    data: { kind: 'ENTERPRISE', name: '宝坻恒信机械有限公司', creditCode: code, regionCode: '120115', areaId: area.id },
  })
  const base = {
    type: 'DEVELOPMENT_COMMISSIONED' as const,
    status: 'REGISTERED' as const,
    buyerOrgId: enterprise.id,
    buyerName: enterprise.name,
    buyerCreditCode: code,
    buyerRegionCode: '120115',
    buyerEntityType: 'ENTERPRISE' as const,
    sellerName: '北京大学',
    sellerRegionCode: '110108',
    sellerEntityType: 'UNIVERSITY' as const,
    signedOn: new Date('2026-03-01'),
    registeredAt: new Date('2026-03-20T02:00:00Z'),
    areaId: area.id,
  }
  await prisma.contract.createMany({
    data: [
      {
        ...base,
        id: 'A',
        projectName: '甲',
        registrationNumber: '2026120115000001',
        amountFen: 100_000_00n,
        techAmountFen: 100_000_00n,
      },
      {
        ...base,
        id: 'B',
        projectName: '乙',
        registrationNumber: '2026120115000002',
        amountFen: 20_000_00n,
        techAmountFen: 20_000_00n,
      },
      {
        ...base,
        id: 'C',
        projectName: '丙',
        registrationNumber: '2026120115000003',
        amountFen: 50_000_00n,
        techAmountFen: 40_000_00n,
      },
    ],
  })
  const row = (number: string, project: string, yuan: string, tech: string) =>
    `${number},技术开发（委托）,${project},${enterprise.name},${code},天津市宝坻区,北京大学,北京市海淀区,${yuan},${tech},2026-03-01,2026-03-20`
  return {
    enterprise,
    lines: [
      row('2026120115000001', '甲', '100000', '100000'),
      // B is missing; C's amount differs; D is not on the platform.
      row('2026120115000003', '丙', '55000', '40000'),
      row('2026120115000004', '丁', '8000.50', '8000.50'),
    ],
  }
}

const turnover = async () => (await getDashboard({ year: 2026, basis: 'BOTH', scope: { kind: 'district' } }, NOW)).total

describe('reconciliation with the registry', () => {
  it('finds exactly the missing, the extra and the changed contract, with totals side by side', async () => {
    const cookie = await bureau()
    const { lines } = await platform()
    await importRegistry(cookie, lines)
    expect(await prisma.contract.count()).toBe(3)
    const data = await page(cookie)
    expect(data.matched).toBe(1)
    expect(data.differences.map((d) => [d.registrationNumber, d.kind, d.fields])).toEqual([
      ['2026120115000002', 'PLATFORM_ONLY', []],
      ['2026120115000003', 'CHANGED', ['amount']],
      ['2026120115000004', 'REGISTRY_ONLY', []],
    ])
    expect(data.totals.platform.INFLOW).toEqual({ contracts: 3, amountFen: '17000000', techAmountFen: '16000000' })
    expect(data.totals.registry.INFLOW).toEqual({ contracts: 3, amountFen: '16300050', techAmountFen: '14800050' })
    const header = await dashboardLoader({ request: getRequest('/bureau?year=2026', cookie), params: {}, context: {} })
    expect(header.differences).toBe(3)
  })

  it('accepts the registry’s amount (audited), so the dashboard changes, and flags a row with a note', async () => {
    const cookie = await bureau()
    const { lines } = await platform()
    await importRegistry(cookie, lines)
    expect((await turnover()).amountFen).toBe(170_000_00n)
    expect(await decide(cookie, { intent: 'accept', registrationNumber: '2026120115000003' })).toMatchObject({
      done: 'accept',
    })
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: 'C' } })).amountFen).toBe(55_000_00n)
    expect((await turnover()).amountFen).toBe(175_000_00n)
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'registry.accept' } })
    expect(audit.data).toMatchObject({ before: { amountFen: '5000000' }, after: { amountFen: '5500000' } })

    await decide(cookie, { intent: 'flag', registrationNumber: '2026120115000002', note: '登记系统漏登，已联系卖方' })
    const data = await page(cookie)
    expect(data.differences.map((d) => [d.registrationNumber, d.decision?.action ?? null])).toEqual([
      ['2026120115000002', 'FLAGGED'],
      ['2026120115000004', null],
    ])
    // A platform-only row cannot take the registry's values: there are none.
    expect(await decide(cookie, { intent: 'accept', registrationNumber: '2026120115000002' })).toMatchObject({
      init: { status: 404 },
    })
    expect(
      await decide(cookie, { intent: 'flag', registrationNumber: '2026120115000002', note: '第一行\n第二行' }),
    ).toMatchObject({
      init: { status: 400 },
      data: { error: 'errors.singleLine' },
    })
  })

  it("counts the dashboard header's differences by the same rules as the page, field by field", async () => {
    const cookie = await bureau()
    const { lines } = await platform()
    await importRegistry(cookie, lines)
    const same = async () => {
      for (const year of [2025, 2026]) {
        expect(await differenceCount(year)).toBe((await reconcile({ year })).differences.length)
      }
    }
    await same()
    const record = (number: string) => ({ registrationNumber: number })
    // The matched row, changed one way at a time: each is a difference on the page and in the count.
    const changes = [
      { buyerName: '宝坻 恒信机械有限公司' }, // spaces only, and the credit codes agree: still the same party
      { buyerCreditCode: null, buyerName: '宝坻恒信机械有限公司　' }, // an ideographic space, no code: same
      { sellerName: '清华大学' },
      { type: 'TRANSFER' as const },
      { signedOn: new Date('2026-03-02') },
      { registeredAt: new Date('2026-03-20T16:30:00Z') }, // 21 March in Beijing
      { registeredAt: new Date('2026-03-20T15:59:00Z') }, // still 20 March in Beijing
      { techAmountFen: 99_999_99n },
    ]
    const original = await prisma.registryRecord.findFirstOrThrow({ where: record('2026120115000001') })
    for (const change of changes) {
      await prisma.registryRecord.updateMany({ where: record('2026120115000001'), data: change })
      await same()
      const { id: _, batchId: __, cells: ___, ...fields } = original
      await prisma.registryRecord.updateMany({ where: record('2026120115000001'), data: fields })
    }
    expect(await differenceCount(2026)).toBe(3)
  })

  it('imports a registry-only contract once when it is accepted ten times at once', async () => {
    for (let trial = 0; trial < 10; trial++) {
      await prisma.$transaction([
        prisma.reconciliationDecision.deleteMany(),
        prisma.registryRecord.deleteMany(),
        prisma.importBatch.deleteMany(),
        prisma.contract.deleteMany(),
        prisma.organization.deleteMany({ where: { name: '宝坻恒信机械有限公司' } }),
      ])
      const cookie = await bureau()
      const { lines } = await platform()
      await importRegistry(cookie, lines)
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => decide(cookie, { intent: 'accept', registrationNumber: '2026120115000004' })),
      )
      expect(answers.filter((a) => (a as { done?: string }).done !== 'accept')).toEqual([])
      expect(await prisma.contract.count({ where: { registrationNumber: '2026120115000004' } })).toBe(1)
      expect(await turnover()).toEqual({
        contracts: 4,
        amountFen: 170_000_00n + 8_000_50n,
        techAmountFen: 160_000_00n + 8_000_50n,
      })
    }
  })

  it('finds the demo registry export’s three known differences in the demo data', async () => {
    await seedDatabase(prisma)
    const { csv, differences } = await buildRegistryExport(prisma)
    // The committed file is what the demo data gives today (rewrite it with npm run seed:registry-export).
    expect(await readFile(REGISTRY_EXPORT_FILE, 'utf8')).toBe(csv)
    const staff = await prisma.membership.findFirstOrThrow({ where: { role: 'BUREAU_STAFF' } })
    const cookie = await cookieHeader(staff.userId)
    const response = (await uploadFile(uploadAction, '/bureau/import', cookie, {
      bytes: new TextEncoder().encode(csv),
      name: 'registry-export-2026.csv',
      kind: 'contracts',
    })) as Response
    await drain(prisma, importJobsHandler())
    const location = response.headers.get('Location')!
    const id = location.split('/').pop()!
    await batchAction({
      request: await formRequest(location, { intent: 'commit' }, cookie),
      params: { id },
      context: {},
    })
    await drain(prisma, importJobsHandler())
    const data = await page(cookie)
    expect(Object.fromEntries(data.differences.map((d) => [d.kind, d.registrationNumber]))).toEqual(differences)
    expect(data.differences.find((d) => d.kind === 'CHANGED')?.fields).toEqual(['amount'])
    expect(await differenceCount(2026)).toBe(data.differences.length)
  })

  it('is for bureau staff only', async () => {
    const office = await createOrganization('UNIVERSITY', '天津大学')
    const cookie = await cookieHeader((await createUser(office.id, 'TTO_ADMIN')).id)
    const refused = await page(cookie).catch((e: Response) => e)
    expect((refused as Response).status).toBe(403)
  })
})
