import type { PrismaClient } from '../../app/generated/prisma/client'
import { demoCreditCode as creditCode, institutionCreditCode } from './credit-codes'
import { BAODI_REGION_CODE } from '../../app/data/regions'
import { buyerColumns, sellerColumns } from '../../app/data/contract-parties'
import { AREAS, FIELDS, INSTITUTIONS } from './reference'
import { KPIS, PLAN_TARGETS_2022 } from './kpis'
import { ENTERPRISE_SUFFIX, ENTERPRISE_WORDS, HARD_NEEDS, NEED_PATTERNS, NEED_PROBLEMS, TITLES } from './vocabulary'

import {
  random,
  pick,
  int,
  pad,
  unique,
  topicsFor,
  personName,
  demoContact,
  fill,
  patentNumber,
  institutionShelves,
} from './demo-random'
import { seedDemoCampaign } from './demo-calls'
import { DEMO_LOGINS, seedDemoCall, seedDemoIntroduction, seedDemoLogins } from './demo-logins'

export { DEMO_LOGINS, DEMO_PASSWORD } from './demo-logins'

type Log = (message: string) => void
/**
 * Deterministic demo data in Chinese. Every row has a stable ID, and rows are inserted with
 * `skipDuplicates`, so running the seed twice changes nothing.
 */

const COUNTS = { enterprises: 80, outsideEnterprises: 12, experts: 320, results: 1050, needs: 170 }
/**
 * Technology contracts per year, growing as the district's market does; the demo year runs to
 * its today (1 December 2026). With amounts of some 650万 yuan on average (the national average
 * is about 600万), turnover moves from about 7亿 to 15亿 yuan a year.
 */
const CONTRACTS_PER_YEAR: Array<[number, number]> = [
  [2020, 110],
  [2021, 140],
  [2022, 170],
  [2023, 190],
  [2024, 210],
  [2025, 230],
  [2026, 210],
]
const DEMO_TODAY = Date.UTC(2026, 11, 1)
/** District turnover targets (yuan) for the demo's years; 2022's is the plan's own 18亿. */
const DEMO_TARGETS_YUAN: Array<[number, bigint]> = [
  [2020, 800_000_000n],
  [2021, 1_000_000_000n],
  [2023, 1_300_000_000n],
  [2024, 1_500_000_000n],
  [2025, 1_700_000_000n],
  [2026, 1_800_000_000n],
]

/** Towns, streets, the zone and the field taxonomy: what every database needs, demo or not. */
const areaRows = () => AREAS.map((a, i) => ({ id: `area-${a.code}`, ...a, sortOrder: i }))

export async function seedReferenceData(prisma: PrismaClient) {
  const areas = areaRows()
  await prisma.area.createMany({ data: areas, skipDuplicates: true })
  await prisma.techField.createMany({
    data: FIELDS.filter((f) => !f.parentCode).map((f, i) => ({ ...f, priority: f.priority ?? false, sortOrder: i })),
    skipDuplicates: true,
  })
  await prisma.techField.createMany({
    data: FIELDS.filter((f) => f.parentCode).map((f, i) => ({
      ...f,
      priority: f.priority ?? false,
      sortOrder: 100 + i,
    })),
    skipDuplicates: true,
  })
  return { areas: areas.length, fields: FIELDS.length }
}

export async function seedDatabase(prisma: PrismaClient, log: Log = () => {}) {
  await seedReferenceData(prisma)
  const areas = areaRows()
  log(`areas ${areas.length}, fields ${FIELDS.length}`)

  const bureau = {
    id: 'org-bureau',
    kind: 'BUREAU' as const,
    name: '天津市宝坻区科学技术局',
    regionCode: BAODI_REGION_CODE,
    legalEntityType: 'GOVERNMENT' as const,
    creditCode: creditCode('11', BAODI_REGION_CODE, 1),
  }
  const platform = {
    id: 'org-platform',
    kind: 'SERVICE_AGENCY' as const,
    name: '宝坻区科技成果转化服务中心',
    regionCode: BAODI_REGION_CODE,
    legalEntityType: 'SOCIAL_ORGANIZATION' as const,
    creditCode: creditCode('12', BAODI_REGION_CODE, 2),
  }
  const institutions = INSTITUTIONS.map((inst, i) => ({
    id: `org-inst-${pad(i + 1)}`,
    kind: inst.kind,
    name: inst.name,
    regionCode: inst.regionCode,
    legalEntityType: inst.kind,
    creditCode: institutionCreditCode(i),
    fields: inst.fields,
  }))
  const enterpriseFields = Object.keys(ENTERPRISE_SUFFIX)
  const usedNames = new Set<string>()
  const enterprises = Array.from({ length: COUNTS.enterprises + COUNTS.outsideEnterprises }, (_, i) => {
    const inBaodi = i < COUNTS.enterprises
    const field = pick(enterpriseFields)
    let name: string
    do {
      name = `${inBaodi ? '天津' : pick(['北京', '河北', '天津滨海'])}${pick(ENTERPRISE_WORDS)}${pick(ENTERPRISE_WORDS)}${ENTERPRISE_SUFFIX[field]}`
    } while (usedNames.has(name))
    usedNames.add(name)
    const area = inBaodi ? areas[i % areas.length] : null
    const regionCode = inBaodi ? BAODI_REGION_CODE : pick(['110108', '110105', '130602', '120116'])
    const tiers = unique(
      [
        random() < 0.45 && 'HIGH_TECH',
        random() < 0.5 && 'TECH_SME',
        random() < 0.2 && 'EAGLET',
        random() < 0.06 && 'GAZELLE',
        random() < 0.04 && 'LEADER',
      ].filter(Boolean) as string[],
    )
    return {
      id: `org-ent-${pad(i + 1)}`,
      kind: 'ENTERPRISE' as const,
      name,
      regionCode,
      legalEntityType: 'ENTERPRISE' as const,
      creditCode: creditCode('91', regionCode, 1000 + i),
      areaId: area?.id ?? null,
      inDevelopmentZone: area?.kind === 'DEV_ZONE' || (inBaodi && random() < 0.3),
      tiers: tiers as never[],
      field,
    }
  })
  await prisma.organization.createMany({
    // The demo's organizations have been reviewed and approved (app/models/verification.server.ts).
    data: [
      bureau,
      platform,
      ...institutions.map(({ fields: _f, ...o }) => o),
      ...enterprises.map(({ field: _f, ...o }) => o),
    ].map((o, i) => ({
      ...o,
      verification: 'APPROVED' as const,
      verifiedAt: new Date(Date.UTC(2020, 0, 2)),
      ...demoContact(o.regionCode, i),
    })),
    skipDuplicates: true,
  })
  log(`organizations ${2 + institutions.length + enterprises.length}`)

  const experts = Array.from({ length: COUNTS.experts }, (_, i) => {
    const inst = institutions[i % institutions.length]
    const field = pick(inst.fields)
    const topics = topicsFor(field)
    const directions = unique([pick(topics), pick(topics), pick(topics)]).slice(0, int(1, 3))
    return {
      id: `expert-${pad(i + 1)}`,
      organizationId: inst.id,
      externalId: `E${pad(i + 1)}`,
      name: personName(),
      title: pick(TITLES),
      directions,
      keywords: unique([...directions, pick(topics)]),
      fieldCodes: [field],
      bio: `长期从事${directions.join('、')}方向研究，主持国家及省部级科研项目多项，与企业开展产学研合作。`,
      achievements: `发表论文${int(10, 120)}篇，授权发明专利${int(2, 40)}项。`,
      email: `expert${pad(i + 1)}@example.edu.cn`,
      contactVisibility: 'AFTER_INTRODUCTION' as const,
      available: random() < 0.85,
      // Every fourth expert offers paid consultations (fixed by position, so the rest of the seed stays the same).
      ...(i % 4 === 0
        ? { consultationFeeFen: BigInt(500 + (i % 7) * 250) * 100n, consultationMinutes: i % 8 === 0 ? 90 : 60 }
        : {}),
    }
  })
  await prisma.expert.createMany({ data: experts, skipDuplicates: true })
  log(`experts ${experts.length}`)

  // Results are real ones (prisma/seed/catalogue.ts, paraphrased from public pages), each
  // institution drawing from the catalogue of its own fields, never the same title twice.
  const shelves = institutionShelves(institutions, COUNTS.results)
  const results = shelves.map(({ inst, entry }, i) => {
    const trl = entry.trl
    const stage = trl <= 3 ? 'LAB' : trl <= 5 ? 'SMALL_PILOT' : trl <= 7 ? 'PILOT' : 'INDUSTRIAL'
    const ipType = pick([
      'INVENTION_PATENT',
      'INVENTION_PATENT',
      'UTILITY_MODEL',
      'SOFTWARE_COPYRIGHT',
      'TECHNICAL_SECRET',
    ] as const)
    const priceMin = BigInt(int(5, 200)) * 1_000_000n
    const published = random() < 0.92
    return {
      id: `result-${pad(i + 1, 5)}`,
      organizationId: inst.id,
      externalId: `R${pad(i + 1, 5)}`,
      title: entry.title,
      abstract: entry.abstract,
      fieldCode: entry.field,
      keywords: entry.keywords,
      trl,
      stage: stage as 'LAB',
      ipType,
      patentNumbers: ipType === 'INVENTION_PATENT' || ipType === 'UTILITY_MODEL' ? [patentNumber(int(2015, 2024))] : [],
      transferModes: unique([
        pick(['TRANSFER', 'LICENSE', 'DEVELOPMENT'] as const),
        pick(['EQUITY', 'LICENSE', 'CONSULTING'] as const),
      ]),
      priceMinFen: priceMin,
      priceMaxFen: priceMin * BigInt(int(2, 5)),
      status: published ? ('PUBLISHED' as const) : ('DRAFT' as const),
      publishedAt: published ? new Date(Date.UTC(int(2020, 2026), int(0, 10), int(1, 28))) : null,
    }
  })
  await prisma.researchResult.createMany({ data: results, skipDuplicates: true })
  const team = results.map((r, i) => {
    const candidates = experts.filter((e) => e.organizationId === r.organizationId)
    return { resultId: r.id, expertId: candidates[i % candidates.length].id, isLead: true }
  })
  await prisma.resultExpert.createMany({ data: team, skipDuplicates: true })
  log(`results ${results.length}`)

  const baodiEnterprises = enterprises.slice(0, COUNTS.enterprises)
  const needTitles = new Set<string>()
  const needs = Array.from({ length: COUNTS.needs }, (_, i) => {
    const ent = baodiEnterprises[i % baodiEnterprises.length]
    const topics = topicsFor(ent.field)
    let topic: string
    let title: string
    // An enterprise does not post the same need twice.
    do {
      topic = pick(topics)
      title = fill(pick(NEED_PATTERNS), topic)
    } while (needTitles.has(`${ent.id}:${title}`))
    needTitles.add(`${ent.id}:${title}`)
    // Every fourteenth need is one of the district's hard ones (its own title and summary).
    const hard = i % 14 === 6 ? HARD_NEEDS[Math.floor(i / 14) % HARD_NEEDS.length] : null
    const budgetMin = BigInt(int(10, 300)) * 1_000_000n
    // 对接中 means an accepted introduction; the demo has one, on the demo enterprise's need-0081
    // (seedDemoIntroduction), since only the demo logins can have asked and answered.
    const status = i % 11 === 0 ? 'DRAFT' : i % 17 === 0 ? 'SOLVED' : i === 80 ? 'IN_PROGRESS' : 'PUBLISHED'
    return {
      id: `need-${pad(i + 1)}`,
      organizationId: ent.id,
      externalId: `N${pad(i + 1)}`,
      title: hard?.title ?? title,
      summary: hard ? hard.summary : `我公司主营${topic}相关产品，${pick(NEED_PROBLEMS)}`,
      confidentialDetail: `具体指标：${hard ? hard.keywords[0] : topic}关键参数需提升${int(10, 50)}%，现有产线年产能${int(1, 50)}万件；详细工艺参数与客户信息仅向对接方公开。`,
      triedApproaches: '已尝试调整工艺参数和更换供应商，效果有限。',
      fieldCode: ent.field,
      keywords: ((generated) => hard?.keywords ?? generated)(unique([topic, pick(topics)])),
      regionCode: BAODI_REGION_CODE,
      budgetMinFen: budgetMin,
      budgetMaxFen: budgetMin * 2n,
      deadline: new Date(Date.UTC(2026, int(11, 11), 1) + int(30, 400) * 86400000),
      cooperationModes: unique([
        pick(['DEVELOPMENT', 'TRANSFER', 'LICENSE'] as const),
        pick(['CONSULTING', 'SERVICE', 'DEVELOPMENT'] as const),
      ]),
      wantedTrlMin: int(4, 7),
      status: status as 'PUBLISHED',
      publishedAt: status === 'DRAFT' ? null : new Date(Date.UTC(int(2021, 2026), int(0, 10), int(1, 28))),
    }
  })
  await prisma.need.createMany({ data: needs, skipDuplicates: true })
  log(`needs ${needs.length}`)

  const years = CONTRACTS_PER_YEAR.flatMap(([year, count]) => Array.from({ length: count }, () => year))
  const contracts = years.map((year, i) => {
    // The demo year's contracts were signed by 25 November; those not registered by the demo's
    // today are still in the pipeline (signed or submitted), so nothing lies after today.
    const demoYear = year === 2026
    const signedOn = new Date(Date.UTC(year, int(0, demoYear ? 10 : 11), int(1, demoYear ? 25 : 28)))
    const registeredAt = new Date(signedOn.getTime() + int(5, 40) * 86400000)
    const outflow = i % 6 === 0
    const inst = institutions[int(0, institutions.length - 1)]
    const baodi = baodiEnterprises[int(0, baodiEnterprises.length - 1)]
    const outside = enterprises[COUNTS.enterprises + (i % COUNTS.outsideEnterprises)]
    const seller = outflow ? baodi : inst
    const buyer = outflow ? outside : baodi
    const type = pick([
      'DEVELOPMENT_COMMISSIONED',
      'DEVELOPMENT_COMMISSIONED',
      'DEVELOPMENT_COOPERATIVE',
      'TRANSFER',
      'LICENSE',
      'CONSULTING',
      'SERVICE',
      'SERVICE',
    ] as const)
    // Log-uniform amounts between some 22万 and 3,200万 yuan, exact in fen.
    const amountFen = BigInt(Math.round(Math.exp(random() * 5 + 12.3))) * 100n
    const techShare = type === 'CONSULTING' || type === 'SERVICE' ? int(85, 100) : int(60, 100)
    const techAmountFen = (amountFen * BigInt(techShare)) / 100n
    const status =
      demoYear && registeredAt.getTime() > DEMO_TODAY
        ? i % 2 === 0
          ? 'SIGNED'
          : 'SUBMITTED'
        : i % 53 === 0 && signedOn.getTime() + 200 * 86400000 < DEMO_TODAY
          ? 'TERMINATED'
          : i % 41 === 0
            ? 'AMENDED'
            : 'REGISTERED'
    const registered = status === 'REGISTERED' || status === 'AMENDED' || status === 'TERMINATED'
    const field = 'fields' in seller ? pick(seller.fields) : (seller as { field: string }).field
    const baodiParty = outflow ? seller : buyer
    return {
      id: `contract-${pad(i + 1)}`,
      externalId: `C${pad(i + 1)}`,
      type,
      projectName: `${pick(topicsFor(field))}${pick(['技术开发', '技术服务', '成果转化', '工艺优化', '联合攻关'])}项目`,
      status: status as 'REGISTERED',
      registrationNumber: registered ? `${year}${seller.regionCode}${pad(i + 1, 6)}` : null,
      registeredAt: registered ? registeredAt : null,
      ...buyerColumns(buyer),
      ...sellerColumns(seller),
      amountFen,
      techAmountFen,
      signedOn,
      validFrom: signedOn,
      validTo: new Date(signedOn.getTime() + int(180, 1095) * 86400000),
      paymentMode: pick(['LUMP_SUM', 'INSTALMENTS', 'INSTALMENTS', 'ROYALTY', 'ENTRY_FEE_ROYALTY'] as const),
      fieldCode: field,
      ipType: type === 'TRANSFER' || type === 'LICENSE' ? ('INVENTION_PATENT' as const) : ('NONE' as const),
      areaId: (baodiParty as { areaId?: string | null }).areaId ?? null,
      inDevelopmentZone: (baodiParty as { inDevelopmentZone?: boolean }).inDevelopmentZone ?? false,
      needsExpertReview: amountFen >= 500_000_000n,
      version: status === 'AMENDED' ? 2 : 1,
      terminatedAt: status === 'TERMINATED' ? new Date(signedOn.getTime() + 200 * 86400000) : null,
      createdByOrgId: seller.id,
    }
  })
  await prisma.contract.createMany({ data: contracts, skipDuplicates: true })
  log(`contracts ${contracts.length}`)

  const targets = [
    ...PLAN_TARGETS_2022.map((t) => ({ id: `target-2022-${t.metric}`, metric: t.metric, year: 2022, value: t.value })),
    // Demo targets for the other years, so the dashboard has something to track against.
    ...DEMO_TARGETS_YUAN.map(([year, yuan]) => ({
      id: `target-${year}-CONTRACT_AMOUNT`,
      metric: 'CONTRACT_AMOUNT',
      year,
      value: String(yuan * 100n),
    })),
  ]
  await prisma.target.createMany({
    data: targets.map((t) => ({
      ...t,
      metric: t.metric as 'CONTRACT_AMOUNT',
      scope: 'DISTRICT' as const,
      basis: 'BOTH' as const,
    })),
    skipDuplicates: true,
  })
  await prisma.kpi.createMany({
    data: KPIS.map((k) => ({ id: `kpi-${pad(k.seq, 2)}`, ...k, targetYear: 2022 })),
    skipDuplicates: true,
  })
  log(`targets ${targets.length}, KPIs ${KPIS.length}`)

  await seedDemoLogins(prisma, {
    enterpriseId: baodiEnterprises[0].id,
    officeId: institutions[14].id,
    office2Id: institutions[15].id,
    reviewerInstitutionId: institutions[16].id,
    bureauId: bureau.id,
    platformId: platform.id,
  })
  log(`demo logins ${DEMO_LOGINS.length}`)
  await seedDemoIntroduction(prisma, 'need-0081', institutions[14].id)
  await seedDemoCall(prisma)
  log('demo open call 1')
  await seedDemoCampaign(prisma, {
    officeId: institutions[14].id,
    office2Id: institutions[15].id,
    bureauId: bureau.id,
  })
  log('demo call campaign: a bundled call (open), a call under evaluation, an awarded call')
}
