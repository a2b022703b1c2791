import { describe, expect, it } from 'vitest'
import { registerOrganization } from '~/models/accounts.server'
import { saveContract } from '~/contracts/lifecycle.server'
import { prisma } from '~/utils/db.server'
import { ContractFormSchema, type ContractFormInput } from '~/validation/contracts'
import { RegistrationSchema } from '~/validation/accounts'
import { createOrganization, createUser, validCreditCode } from '../support/factories'
import { importRows } from '../support/market'

/** Organizations are one by their unified social credit code; a name links nothing. */
describe('identity by credit code', () => {
  it('refuses to register a second organization under a registered name', async () => {
    const area = await prisma.area.findFirstOrThrow({ orderBy: { code: 'asc' } })
    const real = await prisma.organization.create({
      data: { kind: 'ENTERPRISE', name: '宝坻恒信机械有限公司', creditCode: validCreditCode(), regionCode: '120115' },
    })
    const outcome = await registerOrganization(
      RegistrationSchema.parse({
        kind: 'ENTERPRISE',
        organizationName: '宝坻恒信机械有限公司',
        creditCode: validCreditCode(),
        regionCode: '120115',
        areaCode: area.code,
        name: '冒名者',
        email: 'namesake@example.cn',
        password: 'a-long-enough-password-2026',
        confirmPassword: 'a-long-enough-password-2026',
      }),
      null,
    )
    expect(outcome).toEqual({ ok: false, fieldErrors: { organizationName: ['errors.orgName.taken'] } })
    expect(await prisma.organization.count({ where: { name: real.name } })).toBe(1)
  })

  it('links a registry contract to a party by credit code only, never to a namesake by name', async () => {
    const code = validCreditCode()
    const real = await prisma.organization.create({
      data: { kind: 'ENTERPRISE', name: '宝坻恒信机械有限公司', creditCode: code, regionCode: '120115' },
    })
    // A namesake that reached the platform another way (an import, before names were checked).
    const namesake = await prisma.organization.create({
      data: { kind: 'ENTERPRISE', name: '宝坻恒信机械有限公司', creditCode: validCreditCode(), regionCode: '120115' },
    })
    const row = {
      registrationNumber: '2026120115000901',
      type: '技术开发',
      projectName: '焊缝检测系统',
      buyer: '宝坻恒信机械有限公司',
      buyerRegion: '天津市宝坻区',
      seller: '北京大学',
      sellerRegion: '北京市海淀区',
      amountYuan: '800000',
      techAmountYuan: '800000',
      signedOn: '2026-05-01',
    }
    const unlinked = await importRows('contracts', [row])
    expect(unlinked.errors).toEqual([])
    expect(unlinked.warnings.map((w) => w.key)).toContain('imports.partyUnlinked')
    const contract = await prisma.contract.findUniqueOrThrow({ where: { registrationNumber: row.registrationNumber } })
    expect(contract.buyerOrgId).toBeNull()

    await importRows('contracts', [{ ...row, registrationNumber: '2026120115000902', buyerCreditCode: code }])
    const linked = await prisma.contract.findUniqueOrThrow({ where: { registrationNumber: '2026120115000902' } })
    expect(linked.buyerOrgId).toBe(real.id)
    expect(
      await prisma.contract.count({ where: { OR: [{ buyerOrgId: namesake.id }, { sellerOrgId: namesake.id }] } }),
    ).toBe(0)
  })

  it('links the other party of a contract form by credit code only', async () => {
    const area = await prisma.area.findFirstOrThrow({ orderBy: { code: 'asc' } })
    const buyer = await prisma.organization.create({
      data: {
        kind: 'ENTERPRISE',
        name: '宝坻某企业',
        creditCode: validCreditCode(),
        regionCode: '120115',
        areaId: area.id,
      },
    })
    const university = await createOrganization('UNIVERSITY', '北京某大学')
    const user = await createUser(buyer.id, 'ENTERPRISE_ADMIN')
    const input = (sellerCreditCode?: string): ContractFormInput =>
      ContractFormSchema.parse({
        type: 'DEVELOPMENT_COMMISSIONED',
        projectName: '焊缝在线检测系统开发',
        buyerName: buyer.name,
        buyerCreditCode: buyer.creditCode!,
        buyerRegionCode: '120115',
        buyerEntityType: 'ENTERPRISE',
        sellerName: '北京某大学',
        ...(sellerCreditCode ? { sellerCreditCode } : {}),
        sellerRegionCode: '110108',
        sellerEntityType: 'UNIVERSITY',
        amountYuan: '100000',
        techAmountYuan: '100000',
        signedOn: '2026-03-01',
        paymentMode: 'LUMP_SUM',
        ipType: 'NONE',
      })
    const byName = await saveContract({ userId: user.id, organizationId: buyer.id }, 'buyer', input())
    if (!byName.ok) throw new Error(JSON.stringify(byName.fieldErrors))
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: byName.id } })).sellerOrgId).toBeNull()
    const byCode = await saveContract(
      { userId: user.id, organizationId: buyer.id },
      'buyer',
      input(university.creditCode!),
    )
    if (!byCode.ok) throw new Error(JSON.stringify(byCode.fieldErrors))
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: byCode.id } })).sellerOrgId).toBe(university.id)
  })
})
