import { describe, expect, it } from 'vitest'
import type { ActionFunctionArgs } from '@remix-run/node'
import { drain } from '~/jobs/worker.server'
import { importJobsHandler } from '~/imports/batches.server'
import { getDashboard } from '~/contracts/turnover.server'
import { acceptAllRegistryOnly } from '~/registry/decisions.server'
import { action as uploadAction } from '~/routes/bureau_.import'
import { action as batchAction, loader as batchLoader } from '~/routes/bureau_.import_.$id'
import { action as officeUpload } from '~/routes/office_.import'
import { prisma } from '~/utils/db.server'
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
  '合同登记编号,合同类型,项目名称,买方,买方信用代码,买方地区,卖方,卖方地区,成交额（元）,技术交易额（元）,签订日期'

const upload = (
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  cookie: string,
  csv: string,
  kind = 'contracts',
) => uploadFile(action, '/bureau/import', cookie, { bytes: new TextEncoder().encode(csv), name: 'registry.csv', kind })

/** Uploads and lets the imports worker run the preview job; returns the batch's address. */
async function uploadChecked(cookie: string, csv: string) {
  const response = (await upload(uploadAction, cookie, csv)) as Response
  await drain(prisma, importJobsHandler())
  return response.headers.get('Location')!
}

async function bureau() {
  const org = await createOrganization('BUREAU', '宝坻区科技局')
  return cookieHeader((await createUser(org.id, 'BUREAU_STAFF')).id)
}

async function commit(cookie: string, location: string) {
  const id = location.split('/').pop()!
  const preview = await batchLoader({ request: getRequest(location, cookie), params: { id }, context: {} })
  await batchAction({ request: await formRequest(location, { intent: 'commit' }, cookie), params: { id }, context: {} })
  await drain(prisma, importJobsHandler())
  return preview
}

describe('contract import from the registry (bureau)', () => {
  it('previews every row, keeps the export as registry records, and imports a registry-only row when accepted', async () => {
    const cookie = await bureau()
    const area = await prisma.area.findFirstOrThrow()
    const code = validCreditCode()
    const enterprise = await prisma.organization.create({
      data: {
        kind: 'ENTERPRISE',
        name: '宝坻恒信机械有限公司',
        creditCode: code,
        regionCode: '120115',
        areaId: area.id,
      },
    })
    const bad = [
      HEADER,
      `123,技术开发,项目一,宝坻恒信机械有限公司,${code},天津市宝坻区,北京大学,北京市海淀区,abc,,2025-04-01`,
    ].join('\n')
    const refused = await uploadChecked(cookie, bad)
    const badPreview = await batchLoader({
      request: getRequest(refused, cookie),
      params: { id: refused.split('/').pop()! },
      context: {},
    })
    expect(badPreview.report?.errors.map((e) => e.column).sort()).toEqual(['合同登记编号', '成交额（元）'])

    const good = [
      HEADER,
      `2025120115000001,技术开发（委托）,焊缝检测系统,某名称不同的写法,${code},天津市宝坻区,北京大学,北京市海淀区,"1,200,000.50",1000000,2025-04-01`,
    ].join('\n')
    // The registry's export is kept for reconciliation: nothing on the platform changes by itself.
    const preview = await commit(cookie, await uploadChecked(cookie, good))
    expect(preview.report).toMatchObject({ errors: [], created: 1, updated: 0 })
    expect(await prisma.contract.count()).toBe(0)
    expect(await prisma.registryRecord.findFirstOrThrow()).toMatchObject({
      registrationNumber: '2025120115000001',
      amountFen: 120000050n,
      buyerCreditCode: code,
    })
    // Accepting the registry-only row imports it with the contract import's rules.
    const actor = { userId: (await prisma.user.findFirstOrThrow()).id, organizationId: enterprise.id }
    expect(await acceptAllRegistryOnly(actor, { year: 2025 })).toEqual({ ok: true, count: 1 })
    const contract = await prisma.contract.findFirstOrThrow()
    expect(contract).toMatchObject({
      buyerOrgId: enterprise.id,
      areaId: area.id,
      status: 'REGISTERED',
      amountFen: 120000050n,
    })
    const figure = async () =>
      (await getDashboard({ year: 2025, basis: 'INFLOW', scope: { kind: 'district' } }, new Date('2026-01-05'))).total
    expect(await figure()).toMatchObject({ contracts: 1, amountFen: 120000050n })
  })

  it('refuses a registry row without its registration number, or the same number twice', async () => {
    const cookie = await bureau()
    const row = (number: string) =>
      `${number},技术服务,项目,宝坻甲,,天津市宝坻区,北京大学,北京市海淀区,1000,,2025-04-01`
    const location = await uploadChecked(
      cookie,
      [HEADER, row(''), row('2025120115000002'), row('2025120115000002')].join('\n'),
    )
    const preview = await batchLoader({
      request: getRequest(location, cookie),
      params: { id: location.split('/').pop()! },
      context: {},
    })
    expect(preview.report?.errors).toEqual([
      { row: 2, column: '合同登记编号', key: 'imports.registrationRequired', params: undefined },
      { row: 4, column: '合同登记编号', key: 'imports.duplicateRegistration', params: { first: 3 } },
    ])
  })

  it('is for bureau staff; offices cannot import contracts', async () => {
    const office = await createOrganization('UNIVERSITY', '天津理工大学')
    const cookie = await cookieHeader((await createUser(office.id, 'TTO_ADMIN')).id)
    expect(((await upload(uploadAction, cookie, HEADER)) as Response).status).toBe(403)
    const viaOffice = (await upload(officeUpload, cookie, HEADER)) as { data: { error: string } }
    expect(viaOffice.data.error).toBe('errors.import.kind')
  })
})
