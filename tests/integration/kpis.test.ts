import { describe, expect, it } from 'vitest'
import { action as kpiAction, loader as kpiLoader } from '~/routes/bureau_.kpis'
import { action as targetAction, loader as targetLoader } from '~/routes/bureau_.targets'
import { getDashboard } from '~/contracts/turnover.server'
import { prisma } from '~/utils/db.server'
import { KPIS } from '../../prisma/seed/kpis'
import { cookieHeader, createOrganization, createUser, getRequest, postForm } from '../support/factories'

async function setup() {
  await prisma.kpi.createMany({ data: KPIS.map((k) => ({ id: `kpi-${k.seq}`, ...k, targetYear: 2022 })) })
  const bureau = await createOrganization('BUREAU', '宝坻区科技局')
  const user = await createUser(bureau.id, 'BUREAU_STAFF')
  return { user, cookie: await cookieHeader(user.id) }
}

describe('action-plan KPIs and targets', () => {
  it('computes turnover and high-tech counts from the data, in the KPI’s unit', async () => {
    const { cookie } = await setup()
    await prisma.contract.create({
      data: {
        type: 'TRANSFER',
        projectName: '测试',
        status: 'REGISTERED',
        registrationNumber: '2022120115000001',
        buyerName: '甲',
        buyerRegionCode: '120115',
        buyerEntityType: 'ENTERPRISE',
        sellerName: '乙',
        sellerRegionCode: '110108',
        sellerEntityType: 'UNIVERSITY',
        amountFen: 45_000_000_000n,
        techAmountFen: 40_000_000_000n,
        signedOn: new Date('2022-05-01'),
        registeredAt: new Date('2022-05-20T03:00:00Z'),
      },
    })
    const ent = await createOrganization()
    await prisma.organization.update({ where: { id: ent.id }, data: { tiers: ['HIGH_TECH'] } })
    const page = await kpiLoader({ request: getRequest('/bureau/kpis', cookie), params: {}, context: {} })
    const turnover = page.kpis.find((k) => k.description === '技术合同成交额达到18亿元')!
    // 450,000,000.00 yuan = 4.5 亿元 of 18: 25 %.
    expect(turnover).toMatchObject({ current: '4.5', source: 'data', progress: 25, unit: '亿元' })
    const highTech = page.kpis.find((k) => k.unit === '家' && k.source === 'data')
    expect(highTech?.current).toBe('1')
    expect(page.kpis.every((k) => k.departments !== undefined)).toBe(true)
  })

  it('keeps every value bureau staff enter, and names a bad one', async () => {
    const { cookie } = await setup()
    const kpiId = 'kpi-1'
    expect(
      ((await postForm(kpiAction, '/bureau/kpis', { kpiId }, cookie)) as { data: { errors: string[] } }).data.errors,
    ).toEqual(['errors.kpi.empty'])
    expect(
      ((await postForm(kpiAction, '/bureau/kpis', { kpiId, value: '两个' }, cookie)) as { data: { errors: string[] } })
        .data.errors,
    ).toEqual(['errors.kpi.value'])
    await postForm(kpiAction, '/bureau/kpis', { kpiId, value: '1.6', note: '2021 年统计公报' }, cookie)
    await postForm(kpiAction, '/bureau/kpis', { kpiId, value: '1.9' }, cookie)
    const page = await kpiLoader({ request: getRequest('/bureau/kpis', cookie), params: {}, context: {} })
    const rd = page.kpis.find((k) => k.id === kpiId)!
    expect(rd).toMatchObject({ current: '1.9', source: 'entered', progress: 95 })
    expect(rd.history.map((h) => h.value)).toEqual(['1.9', '1.6'])
  })

  it('sets a town’s turnover target in yuan (stored in fen) that the dashboard measures against', async () => {
    const { cookie } = await setup()
    const area = await prisma.area.findFirstOrThrow()
    const fields = {
      metric: 'CONTRACT_AMOUNT',
      year: '2026',
      areaId: area.id,
      amount: '12,000,000.50',
      basis: 'INFLOW',
    }
    const bad = (await postForm(targetAction, '/bureau/targets', { ...fields, amount: '12万' }, cookie)) as {
      data: { error: Record<string, string[]> }
    }
    expect(bad.data.error.amount).toEqual(['errors.money.format'])
    await postForm(targetAction, '/bureau/targets', fields, cookie)
    await postForm(targetAction, '/bureau/targets', { ...fields, amount: '15000000' }, cookie)
    expect(await prisma.target.count()).toBe(1)
    const dashboard = await getDashboard({ year: 2026, basis: 'INFLOW', scope: { kind: 'area', areaId: area.id } })
    expect(dashboard.target).toMatchObject({ amountFen: 1_500_000_000n, basis: 'INFLOW' })
    const list = await targetLoader({ request: getRequest('/bureau/targets', cookie), params: {}, context: {} })
    expect(list.targets[0]).toMatchObject({ metric: 'CONTRACT_AMOUNT', value: '1500000000', basis: 'INFLOW' })
    expect(await prisma.auditLog.count({ where: { entityType: 'Target' } })).toBe(2)

    // The development zone's target is set on its area and shown on the zone's view.
    const zone = await prisma.area.findFirstOrThrow({ where: { kind: 'DEV_ZONE' } })
    await postForm(targetAction, '/bureau/targets', { ...fields, areaId: zone.id, amount: '3000000' }, cookie)
    const zoneView = await getDashboard({ year: 2026, basis: 'INFLOW', scope: { kind: 'zone' } })
    expect(zoneView.target.amountFen).toBe(300_000_000n)
  })
})
