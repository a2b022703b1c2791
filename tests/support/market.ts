import { importTable } from '~/imports/importer.server'
import type { ImportKindName } from '~/imports/columns'
import { readTable } from '~/imports/read.server'
import { searchEngine } from '~/search/engine.server'
import { reindexAll } from '~/search/sync.server'
import { prisma } from '~/utils/db.server'
import { organizationCreditCode as creditCodeOf } from '../../prisma/seed/credit-codes'

export { creditCodeOf }

/** Imports rows through the same code path as the CLI and the browser import. */
export async function importRows(kind: ImportKindName, rows: Array<Record<string, unknown>>, dryRun = false) {
  const table = await readTable(new TextEncoder().encode(JSON.stringify(rows)), `${kind}.json`)
  return importTable(prisma, kind, table, { fileName: `${kind}.json`, dryRun })
}

export const EXPERTS = [
  {
    externalId: 'E-WELD',
    name: '周建国',
    institution: '天津大学',
    creditCode: creditCodeOf('天津大学'),
    title: '教授',
    directions: ['焊接工艺', '激光焊接'],
    keywords: ['焊缝跟踪', '焊接机器人'],
    field: '先进制造',
    bio: '从事先进焊接技术与焊接质量控制研究。',
  },
  {
    externalId: 'E-NDT',
    name: '吴海燕',
    institution: '河北工业大学',
    creditCode: creditCodeOf('河北工业大学'),
    title: '教授级高级工程师',
    directions: ['无损检测', '超声检测'],
    keywords: ['相控阵', '焊缝检测'],
    field: '先进制造',
    bio: '长期从事承压设备无损检测。',
  },
  {
    externalId: 'E-BAT',
    name: '李振华',
    institution: '北京理工大学',
    creditCode: creditCodeOf('北京理工大学'),
    title: '研究员',
    directions: ['锂离子电池正极材料'],
    keywords: ['正极材料', '共沉淀'],
    field: 'ENERGY.BATTERY',
    bio: '研究动力电池材料。',
  },
]

export const RESULTS = [
  {
    externalId: 'R-WELD',
    title: '激光焊接焊缝跟踪与在线质量检测',
    abstract: '结构光视觉实时跟踪焊缝位置，监测熔池信号判别气孔、未焊透。',
    institution: '天津大学',
    creditCode: creditCodeOf('天津大学'),
    field: '先进制造',
    keywords: ['激光焊接', '焊缝跟踪', '在线检测'],
    maturity: '中试',
    transferModes: ['技术开发'],
  },
  {
    externalId: 'R-NDT',
    title: '超声相控阵焊缝无损检测技术',
    abstract: '对压力容器、钢结构焊缝进行相控阵超声成像，自动识别裂纹。',
    institution: '河北工业大学',
    creditCode: creditCodeOf('河北工业大学'),
    field: '先进制造',
    keywords: ['无损检测', '超声相控阵', '焊缝'],
    maturity: '产业化',
    transferModes: ['技术服务'],
  },
  {
    externalId: 'R-BAT',
    title: '高镍三元正极材料共沉淀制备技术',
    abstract: '连续共沉淀工艺制备前驱体，批次一致性好。',
    institution: '北京理工大学',
    creditCode: creditCodeOf('北京理工大学'),
    field: 'ENERGY.BATTERY',
    keywords: ['正极材料', '共沉淀'],
    maturity: '中试',
    transferModes: ['技术转让'],
  },
]

export const NEEDS = [
  {
    externalId: 'N-WELD',
    title: '焊接质量检测效率低',
    description:
      '公司生产压力容器和钢结构件，焊缝检测周期长；激光焊接产线经常出现气孔、未焊透，希望有在线监测和无损检测的办法。',
    enterprise: '天津恒信重工机械有限公司',
    creditCode: creditCodeOf('天津恒信重工机械有限公司'),
    region: '天津市宝坻区',
    field: '先进制造',
    keywords: ['焊缝', '无损检测'],
    cooperationModes: ['技术开发', '技术服务'],
  },
]

/** A small marketplace, imported and indexed in the app's search engine. */
export async function loadMarket() {
  for (const [kind, rows] of [
    ['experts', EXPERTS],
    ['results', RESULTS],
    ['needs', NEEDS],
  ] as const) {
    const report = await importRows(kind, rows)
    if (report.errors.length) throw new Error(JSON.stringify(report.errors))
  }
  // The import created the institutions and enterprises; a reviewer approves them.
  await prisma.organization.updateMany({ where: { verification: 'PENDING' }, data: { verification: 'APPROVED' } })
  await reindexAll(prisma, searchEngine())
  const need = await prisma.need.findFirstOrThrow({ where: { externalId: 'N-WELD' } })
  return { need }
}
