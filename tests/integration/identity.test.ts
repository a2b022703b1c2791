import { describe, expect, it } from 'vitest'
import { registerOrganization } from '~/models/accounts.server'
import { saveContract } from '~/contracts/lifecycle.server'
import { prisma } from '~/utils/db.server'
import { reloadEnv } from '~/utils/env.server'
import { ContractFormSchema, type ContractFormInput } from '~/validation/contracts'
import { RegistrationSchema } from '~/validation/accounts'
import { createOrganization, createUser, validCreditCode } from '../support/factories'
import { importRows } from '../support/market'

/** Organizations are one by their unified social credit code; a name links nothing. */
describe('identity by credit code', () => {
  const signUp = async (organizationName: string, email: string, ip: string | null = null) =>
    registerOrganization(
      RegistrationSchema.parse({
        kind: 'ENTERPRISE',
        organizationName,
        creditCode: validCreditCode(),
        regionCode: '120115',
        areaCode: (await prisma.area.findFirstOrThrow({ orderBy: { code: 'asc' } })).code,
        name: '冒名者',
        email,
        password: 'a-long-enough-password-2026',
        confirmPassword: 'a-long-enough-password-2026',
      }),
      ip,
    )
  const taken = { ok: false, fieldErrors: { organizationName: ['errors.orgName.taken'] } }

  it('refuses to register a second organization under a registered name, however it is written', async () => {
    const real = await prisma.organization.create({
      data: {
        kind: 'ENTERPRISE',
        name: '宝坻恒信（ABC）机械有限责任公司',
        creditCode: validCreditCode(),
        regionCode: '120115',
      },
    })
    const spellings = [
      '宝坻恒信（ABC）机械有限责任公司',
      '宝坻恒信(ABC)机械有限公司', // half-width brackets; 有限公司 for 有限责任公司
      '宝坻恒信（ＡＢＣ）机械有限责任公司', // full-width letters
      ' 宝坻 恒信（abc）机械 有限公司 ', // spaces, lower case
    ]
    for (const [i, name] of spellings.entries())
      expect(await signUp(name, `namesake${i}@example.cn`), name).toEqual(taken)
    expect(await prisma.organization.count()).toBe(1)
    // A different name is welcome.
    expect((await signUp('宝坻恒信（ABC）机械制造有限公司', 'other@example.cn')).ok).toBe(true)
    expect(real.id).toBeTruthy()
  })

  it('lets one of ten sign-ups under one name at once through, ten times over', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const name = `宝坻同名争用第${trial}号有限公司`
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          signUp(
            i % 2 ? name : name.replace('有限公司', '有限责任公司'),
            `race${trial}-${i}@example.cn`,
            `10.0.${trial}.${i}`,
          ),
        ),
      )
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
      expect(outcomes.filter((o) => !o.ok)).toEqual(Array(9).fill(taken))
    }
  })

  it('limits sign-ups from one address to REGISTRATION_RATE_LIMIT an hour', async () => {
    process.env.REGISTRATION_RATE_LIMIT = '2'
    reloadEnv()
    try {
      const from = (ip: string, i: number) =>
        registerOrganization(
          RegistrationSchema.parse({
            kind: 'ENTERPRISE',
            organizationName: `宝坻限速测试${ip}-${i}有限公司`,
            creditCode: validCreditCode(),
            regionCode: '110108',
            name: '注册人',
            email: `rate${ip}-${i}@example.cn`,
            password: 'a-long-enough-password-2026',
            confirmPassword: 'a-long-enough-password-2026',
          }),
          ip,
        )
      const first = [await from('198.51.100.1', 1), await from('198.51.100.1', 2), await from('198.51.100.1', 3)]
      expect(first.map((o) => o.ok)).toEqual([true, true, false])
      expect(first[2]).toEqual({ ok: false, fieldErrors: { '': ['errors.register.rateLimited'] } })
      // Another address is not held back by it.
      expect((await from('198.51.100.2', 1)).ok).toBe(true)
    } finally {
      delete process.env.REGISTRATION_RATE_LIMIT
      reloadEnv()
    }
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
