import type { PrismaClient } from '../../app/generated/prisma/client'
import { deadlineJob } from '../../app/calls/deadline-job'
import { draftContractFromAward } from '../../app/contracts/from-award.server'
import { beijingTodayAsDate } from '../../app/utils/time'

const DAY = 86_400_000
const CAMPAIGN_ID = 'campaign-demo-0001'
/** Needs other demo data (the introduction, the enterprise's call, the e2e journeys) already use. */
const TAKEN = ['need-0081', 'need-0161']

const CRITERIA = [
  { name: '技术方案可行性', weight: 40 },
  { name: '团队能力与业绩', weight: 25 },
  { name: '报价合理性', weight: 20 },
  { name: '工期与里程碑', weight: 15 },
]
const REQUIREMENTS = '技术方案、团队成员及分工、里程碑与报价、相关成果和专利；可附 PDF/DOCX/XLSX 文件。'

/** 17:00 Beijing time, `days` from `now`. */
function beijingFiveOClock(now: Date, days: number) {
  const day = new Date(now.getTime() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10)
  return new Date(`${day}T17:00:00+08:00`)
}

/**
 * The bureau's 征集 campaign and its calls in every phase: a published bundled call (联合榜单) of
 * three needs, open; a call past its deadline with two proposals under evaluation; an awarded call
 * whose award drafted a contract, with the unsuccessful applicant's reason; and two collected needs
 * not yet called, which bureau staff can bundle. Applicants are the two demo offices, so signing in
 * as either shows its side.
 */
export async function seedDemoCampaign(
  prisma: PrismaClient,
  orgs: { officeId: string; office2Id: string; bureauId: string },
  now = new Date(),
) {
  if (await prisma.campaign.findUnique({ where: { id: CAMPAIGN_ID } })) return
  const needs = await prisma.need.findMany({
    where: {
      id: { notIn: TAKEN },
      status: 'PUBLISHED',
      campaignId: null,
      calls: { none: {} },
      organization: { regionCode: '120115' },
    },
    select: { id: true, title: true, summary: true, confidentialDetail: true, organizationId: true, fieldCode: true },
    orderBy: { id: 'asc' },
    take: 7,
  })
  if (needs.length < 7) return
  await prisma.campaign.create({
    data: {
      id: CAMPAIGN_ID,
      name: '2026年宝坻区先进制造技术难题征集',
      description: '面向全区规上工业企业征集先进制造领域的技术难题，择优以揭榜挂帅方式向京津冀高校院所张榜。',
      startsOn: new Date('2026-09-01'),
      endsOn: new Date('2026-12-31'),
      createdById: 'user-bureau-staff',
    },
  })
  await prisma.need.updateMany({ where: { id: { in: needs.map((n) => n.id) } }, data: { campaignId: CAMPAIGN_ID } })
  const item = <E extends { deadline: Date }>(need: (typeof needs)[number], id: string, extra: E) => ({
    id,
    needId: need.id,
    organizationId: need.organizationId,
    createdById: 'user-bureau-staff',
    campaignId: CAMPAIGN_ID,
    title: need.title.slice(0, 100),
    statement: need.summary,
    confidentialDetail: need.confidentialDetail,
    rewardMinFen: 30_000_000n,
    rewardMaxFen: 80_000_000n,
    districtFundingFen: 20_000_000n,
    eligibleKinds: ['UNIVERSITY' as const, 'RESEARCH_INSTITUTE' as const],
    eligibleRegionGroups: ['BEIJING', 'TIANJIN', 'HEBEI', 'BAODI'],
    criteria: CRITERIA,
    requirements: REQUIREMENTS,
    ...extra,
  })

  // Open: a bundled call of three needs.
  const openDeadline = beijingFiveOClock(now, 45)
  await prisma.callBundle.create({
    data: {
      id: 'bundle-demo-0001',
      campaignId: CAMPAIGN_ID,
      createdById: 'user-bureau-staff',
      title: '2026年宝坻区先进制造联合揭榜',
      statement:
        '区科技局将本次征集中共性较强的三项技术难题合并张榜，面向京津冀高校和科研院所公开揭榜；每个榜题由提出需求的企业评审并确定揭榜方，区财政对每个榜题给予支持。',
      publishedAt: now,
    },
  })
  const open = needs.slice(0, 3).map((need, i) =>
    item(need, `call-demo-b${i + 1}`, {
      bundleId: 'bundle-demo-0001',
      deadline: openDeadline,
      status: 'PUBLISHED' as const,
      publishedAt: now,
    }),
  )
  // Under evaluation: closed three days ago, two proposals in.
  const evaluating = item(needs[3], 'call-demo-0002', {
    deadline: beijingFiveOClock(now, -3),
    status: 'PUBLISHED' as const,
    publishedAt: new Date(now.getTime() - 40 * DAY),
  })
  // Awarded ten days ago.
  const awarded = item(needs[4], 'call-demo-0003', {
    deadline: beijingFiveOClock(now, -30),
    status: 'AWARDED' as const,
    publishedAt: new Date(now.getTime() - 70 * DAY),
    decidedAt: new Date(now.getTime() - 10 * DAY),
    decisionNote: '综合评分第一，方案成熟、报价合理。',
  })
  await prisma.call.createMany({ data: [...open, evaluating, awarded] })
  await prisma.job.createMany({ data: open.map((c) => deadlineJob(c)), skipDuplicates: true })

  const team = async (organizationId: string) =>
    (
      await prisma.expert.findMany({ where: { organizationId }, orderBy: { id: 'asc' }, take: 2, select: { id: true } })
    ).map((e) => e.id)
  const proposal = async (
    id: string,
    callId: string,
    organizationId: string,
    createdById: string,
    price: bigint,
    extra: Record<string, unknown>,
  ) => ({
    id,
    callId,
    organizationId,
    createdById,
    approach:
      '在现有产线上加装在线检测与数据采集，建立工艺参数与质量指标的模型，先离线验证、再小批量试产，最后固化为控制规程并培训企业人员。',
    teamExpertIds: await team(organizationId),
    priceFen: price,
    durationMonths: 12,
    milestones: [
      { title: '方案设计与样机', amountFen: String(price / 2n), month: 4 },
      { title: '产线验证与交付', amountFen: String(price - price / 2n), month: 12 },
    ],
    submittedAt: new Date(now.getTime() - 5 * DAY),
    ...extra,
  })
  await prisma.proposal.createMany({
    data: [
      await proposal('proposal-demo-0001', evaluating.id, orgs.officeId, 'user-tto-admin', 60_000_000n, {
        status: 'SUBMITTED',
      }),
      await proposal('proposal-demo-0002', evaluating.id, orgs.office2Id, 'user-tto-admin-2', 72_000_000n, {
        status: 'SUBMITTED',
      }),
      await proposal('proposal-demo-0003', awarded.id, orgs.officeId, 'user-tto-admin', 55_000_000n, {
        status: 'AWARDED',
        decidedAt: awarded.decidedAt,
        submittedAt: new Date(now.getTime() - 35 * DAY),
      }),
      await proposal('proposal-demo-0004', awarded.id, orgs.office2Id, 'user-tto-admin-2', 78_000_000n, {
        status: 'UNSUCCESSFUL',
        decidedAt: awarded.decidedAt,
        submittedAt: new Date(now.getTime() - 33 * DAY),
        outcomeReason: '方案可行，但报价高于榜单上限且工期较长。',
      }),
    ],
  })
  const won = await prisma.proposal.findUniqueOrThrow({ where: { id: 'proposal-demo-0003' } })
  await prisma.$transaction((tx) =>
    draftContractFromAward(
      tx,
      { userId: 'user-bureau-staff', organizationId: orgs.bureauId },
      {
        id: awarded.id,
        title: awarded.title,
        needId: needs[4].id,
        organizationId: needs[4].organizationId,
        fieldCode: needs[4].fieldCode,
      },
      {
        id: won.id,
        organizationId: won.organizationId,
        priceFen: won.priceFen,
        milestones: won.milestones as unknown as Array<{ title: string; amountFen: string; month: number }>,
      },
      // Dated the day of the award, like every demo contract: nothing is signed after today.
      beijingTodayAsDate(awarded.decidedAt),
    ),
  )
}
