import { prisma } from '~/utils/db.server'
import { cookieHeader, createUser, validCreditCode } from './factories'

/** A signed contract between a Baodi enterprise (buyer) and a Beijing university (seller), two milestones. */
export async function signedContract() {
  const area = await prisma.area.findFirstOrThrow()
  const buyerOrg = await prisma.organization.create({
    data: {
      kind: 'ENTERPRISE',
      name: '宝坻买方',
      creditCode: validCreditCode(),
      regionCode: '120115',
      areaId: area.id,
    },
  })
  const sellerOrg = await prisma.organization.create({
    data: { kind: 'UNIVERSITY', name: '北京卖方大学', creditCode: validCreditCode('110108'), regionCode: '110108' },
  })
  const c = await prisma.contract.create({
    data: {
      type: 'DEVELOPMENT_COMMISSIONED',
      projectName: '焊缝检测开发',
      status: 'SIGNED',
      buyerOrgId: buyerOrg.id,
      buyerName: buyerOrg.name,
      buyerRegionCode: '120115',
      buyerEntityType: 'ENTERPRISE',
      sellerOrgId: sellerOrg.id,
      sellerName: sellerOrg.name,
      sellerRegionCode: '110108',
      sellerEntityType: 'UNIVERSITY',
      amountFen: 100_000_01n,
      techAmountFen: 100_000_01n,
      signedOn: new Date('2026-03-01'),
      areaId: area.id,
      createdByOrgId: buyerOrg.id,
      milestones: {
        create: [
          { seq: 1, title: '首付款', amountFen: 30_000_01n },
          { seq: 2, title: '验收款', amountFen: 70_000_00n },
        ],
      },
    },
    include: { milestones: { orderBy: { seq: 'asc' } } },
  })
  return {
    c,
    first: c.milestones[0],
    buyer: await cookieHeader((await createUser(buyerOrg.id, 'ENTERPRISE_ADMIN')).id),
    seller: await cookieHeader((await createUser(sellerOrg.id, 'TTO_ADMIN')).id),
  }
}
