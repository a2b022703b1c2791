import { action as pageAction } from '~/routes/contracts_.$id'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createNeed, createOrganization, createUser, postForm, validCreditCode } from './factories'

/** A Baodi enterprise, a Beijing university's office, an accepted introduction between them, and the bureau. */
export async function parties() {
  const area = await prisma.area.findFirstOrThrow({ orderBy: { code: 'asc' } })
  const enterprise = await prisma.organization.create({
    data: {
      kind: 'ENTERPRISE',
      name: '宝坻恒信机械',
      creditCode: validCreditCode(),
      regionCode: '120115',
      areaId: area.id,
    },
  })
  const university = await prisma.organization.create({
    data: {
      kind: 'UNIVERSITY',
      name: '北京某大学',
      creditCode: validCreditCode('110108'),
      regionCode: '110108',
      legalEntityType: 'UNIVERSITY',
    },
  })
  const buyer = await createUser(enterprise.id, 'ENTERPRISE_ADMIN')
  const seller = await createUser(university.id, 'TTO_ADMIN')
  const bureau = await createUser((await createOrganization('BUREAU', '宝坻区科技局')).id, 'BUREAU_STAFF')
  const need = await createNeed(enterprise.id, { title: '焊缝在线检测', fieldCode: 'EI.AI' })
  const result = await prisma.researchResult.create({
    data: { organizationId: university.id, title: '焊缝视觉检测', abstract: '结构光视觉跟踪焊缝', status: 'PUBLISHED' },
  })
  const intro = await prisma.introduction.create({
    data: {
      needId: need.id,
      resultId: result.id,
      requesterOrgId: enterprise.id,
      requestedById: buyer.id,
      targetOrgId: university.id,
      message: '希望合作',
      status: 'ACCEPTED',
      responseDeadline: new Date(),
    },
  })
  return {
    area,
    enterprise,
    university,
    need,
    intro,
    buyer: await cookieHeader(buyer.id),
    seller: await cookieHeader(seller.id),
    bureau: await cookieHeader(bureau.id),
  }
}

export const form = (p: Awaited<ReturnType<typeof parties>>, overrides: Record<string, string> = {}) => ({
  ourSide: 'buyer',
  introductionId: p.intro.id,
  type: 'DEVELOPMENT_COMMISSIONED',
  projectName: '焊缝在线检测系统开发',
  buyerName: p.enterprise.name,
  buyerCreditCode: p.enterprise.creditCode!,
  buyerRegionCode: '120115',
  buyerEntityType: 'ENTERPRISE',
  sellerName: p.university.name,
  sellerCreditCode: p.university.creditCode!,
  sellerRegionCode: '110108',
  sellerEntityType: 'UNIVERSITY',
  amountYuan: '1,200,000.50',
  techAmountYuan: '1000000',
  signedOn: '2026-03-01',
  paymentMode: 'INSTALMENTS',
  'milestones[0].title': '首付款',
  'milestones[0].amountYuan': '600000.50',
  'milestones[1].title': '验收款',
  'milestones[1].amountYuan': '600000',
  fieldCode: 'EI.AI',
  ipType: 'NONE',
  ...overrides,
})

export const step = (id: string, cookie: string, fields: Record<string, string>) =>
  postForm(pageAction, `/contracts/${id}`, fields, cookie, id)

export const errorsOf = (r: unknown) => (r as { data: { errors: Record<string, string[]> } }).data.errors
