/**
 * The demo's registry export (`prisma/seed/registry-export-2026.csv`): what the technology-contract
 * registry would export for Baodi's 2026 registrations, written from the demo data with three
 * known differences so the reconciliation page has something true to show:
 * - one contract the registry lacks (on the platform only),
 * - one whose amount the registry holds differently (re-determined at registration),
 * - one the registry has and the platform does not (made off the platform).
 *
 * `npm run seed:registry-export` rewrites the file from a freshly seeded database (DATABASE_URL);
 * a test checks that the file and the seed still differ in exactly these three ways.
 */
import { writeFile } from 'node:fs/promises'
import type { PrismaClient } from '../../app/generated/prisma/client'

export const REGISTRY_EXPORT_FILE = 'prisma/seed/registry-export-2026.csv'

const TYPE_TEXT = {
  DEVELOPMENT_COMMISSIONED: '技术开发（委托）',
  DEVELOPMENT_COOPERATIVE: '合作开发',
  TRANSFER: '技术转让',
  LICENSE: '技术许可',
  CONSULTING: '技术咨询',
  SERVICE: '技术服务',
} as const

const HEADER = [
  '合同登记编号',
  '合同类型',
  '项目名称',
  '买方',
  '买方信用代码',
  '买方地区',
  '卖方',
  '卖方信用代码',
  '卖方地区',
  '成交额（元）',
  '技术交易额（元）',
  '签订日期',
  '登记日期',
]

const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const beijingDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/** The three differences, by position among the year's registrations (ordered by number). */
const MISSING_AT = 4
const CHANGED_AT = 9
const CHANGE_FEN = 10_000_000n
export const EXTRA_NUMBER = '2026120115999001'

export async function buildRegistryExport(prisma: PrismaClient) {
  const contracts = await prisma.contract.findMany({
    where: {
      status: { in: ['REGISTERED', 'AMENDED'] },
      registeredAt: { gte: new Date('2025-12-31T16:00:00Z'), lt: new Date('2026-12-31T16:00:00Z') },
    },
    orderBy: { registrationNumber: 'asc' },
  })
  const missing = contracts[MISSING_AT]
  const changed = contracts[CHANGED_AT]
  const rows = contracts
    .filter((c) => c !== missing)
    .map((c) => [
      c.registrationNumber!,
      TYPE_TEXT[c.type],
      c.projectName,
      c.buyerName,
      c.buyerCreditCode ?? '',
      c.buyerRegionCode,
      c.sellerName,
      c.sellerCreditCode ?? '',
      c.sellerRegionCode,
      yuan(c === changed ? c.amountFen + CHANGE_FEN : c.amountFen),
      yuan(c.techAmountFen),
      c.signedOn.toISOString().slice(0, 10),
      beijingDate(c.registeredAt!),
    ])
  // Made off the platform: a Baodi enterprise of the demo buys a service from a Hebei university.
  const buyer = contracts.find((c) => c.buyerRegionCode === '120115' && c.buyerCreditCode)!
  rows.push([
    EXTRA_NUMBER,
    TYPE_TEXT.SERVICE,
    '铸件表面缺陷视觉检测技术服务',
    buyer.buyerName,
    buyer.buyerCreditCode ?? '',
    buyer.buyerRegionCode,
    '河北工业大学',
    '',
    '130102',
    '880000.00',
    '880000.00',
    '2026-10-28',
    '2026-11-18',
  ])
  const csv = [HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n'
  return {
    csv,
    differences: {
      PLATFORM_ONLY: missing.registrationNumber!,
      CHANGED: changed.registrationNumber!,
      REGISTRY_ONLY: EXTRA_NUMBER,
    },
    changeFen: CHANGE_FEN,
  }
}

if (process.argv[1]?.endsWith('registry-export.ts')) {
  const { prisma } = await import('../../app/utils/db.server')
  const { csv, differences } = await buildRegistryExport(prisma)
  await writeFile(REGISTRY_EXPORT_FILE, csv)
  console.log(`wrote ${REGISTRY_EXPORT_FILE}:`, differences)
  await prisma.$disconnect()
}
