import type { PrismaClient } from '../../app/generated/prisma/client'
import { hashPassword } from '../../app/utils/password.server'
import { deadlineJob } from '../../app/calls/deadline-job'

/** The demo's sign-ins (one per role, one password) and the introduction they start from. */
export const DEMO_PASSWORD = 'Baodi2026demo'
/**
 * `org` names the organization when a role has more than one demo login: a second office (南开大学)
 * and an expert of a third institution (河北工业大学), so a 揭榜挂帅 call can be answered by two
 * institutions and reviewed by someone from neither.
 */
export const DEMO_LOGINS = [
  { email: 'enterprise-admin@baodi-demo.cn', name: '张建华', role: 'ENTERPRISE_ADMIN', id: 'user-enterprise-admin' },
  { email: 'enterprise-member@baodi-demo.cn', name: '李晓东', role: 'ENTERPRISE_MEMBER', id: 'user-enterprise-member' },
  { email: 'office-admin@baodi-demo.cn', name: '王海波', role: 'TTO_ADMIN', id: 'user-tto-admin' },
  { email: 'office-member@baodi-demo.cn', name: '赵雪梅', role: 'TTO_MEMBER', id: 'user-tto-member' },
  { email: 'office2-admin@baodi-demo.cn', name: '孙立新', role: 'TTO_ADMIN', id: 'user-tto-admin-2', org: 'office2' },
  { email: 'expert@baodi-demo.cn', name: '陈志强', role: 'EXPERT', id: 'user-expert' },
  { email: 'expert2@baodi-demo.cn', name: '钱学敏', role: 'EXPERT', id: 'user-expert-2', org: 'reviewer' },
  { email: 'bureau@baodi-demo.cn', name: '刘芳', role: 'BUREAU_STAFF', id: 'user-bureau-staff' },
  { email: 'admin@baodi-demo.cn', name: '周平', role: 'PLATFORM_ADMIN', id: 'user-platform-admin' },
] as const

/** The demo enterprise's 对接中 need: an introduction to a result of the demo office, accepted. */
export async function seedDemoIntroduction(prisma: PrismaClient, needId: string, officeId: string) {
  const need = await prisma.need.findUniqueOrThrow({
    where: { id: needId },
    select: { fieldCode: true, organizationId: true },
  })
  const results = await prisma.researchResult.findMany({
    where: { organizationId: officeId, status: 'PUBLISHED' },
    orderBy: { id: 'asc' },
    select: { id: true, fieldCode: true },
  })
  const result = results.find((r) => r.fieldCode === need.fieldCode) ?? results[0]
  const asked = new Date(Date.UTC(2026, 9, 12, 2))
  await prisma.introduction.createMany({
    data: [
      {
        id: 'intro-demo-0001',
        needId,
        requesterOrgId: need.organizationId,
        requestedById: 'user-enterprise-admin',
        targetOrgId: officeId,
        resultId: result.id,
        message: '贵校该成果与我公司需求方向一致，希望进一步了解技术指标与合作方式。',
        status: 'ACCEPTED',
        responseDeadline: new Date(asked.getTime() + 7 * 86_400_000),
        respondedAt: new Date(asked.getTime() + 2 * 86_400_000),
        respondedById: 'user-tto-admin',
        createdAt: asked,
      },
    ],
    skipDuplicates: true,
  })
}

export async function seedDemoLogins(
  prisma: PrismaClient,
  orgs: {
    enterpriseId: string
    officeId: string
    office2Id: string
    reviewerInstitutionId: string
    bureauId: string
    platformId: string
  },
) {
  const existing = await prisma.user.findMany({
    where: { email: { in: DEMO_LOGINS.map((l) => l.email) } },
    select: { email: true },
  })
  const missing = DEMO_LOGINS.filter((l) => !existing.some((e) => e.email === l.email))
  if (missing.length === 0) return
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const orgFor: Record<string, string> = {
    ENTERPRISE_ADMIN: orgs.enterpriseId,
    ENTERPRISE_MEMBER: orgs.enterpriseId,
    TTO_ADMIN: orgs.officeId,
    TTO_MEMBER: orgs.officeId,
    EXPERT: orgs.officeId,
    BUREAU_STAFF: orgs.bureauId,
    PLATFORM_ADMIN: orgs.platformId,
  }
  await prisma.$transaction(async (tx) => {
    for (const login of missing) {
      const organizationId =
        'org' in login ? (login.org === 'office2' ? orgs.office2Id : orgs.reviewerInstitutionId) : orgFor[login.role]
      const user = await tx.user.create({
        data: {
          id: login.id,
          email: login.email,
          name: login.name,
          passwordHash,
          memberships: { create: { organizationId, role: login.role } },
        },
        select: { id: true },
      })
      if (login.role === 'EXPERT') {
        // A demo expert is the first seeded expert of their institution.
        const expert = await tx.expert.findFirstOrThrow({
          where: { organizationId },
          orderBy: { id: 'asc' },
        })
        await tx.expert.update({ where: { id: expert.id }, data: { userId: user.id, name: login.name } })
      }
    }
  })
}

/**
 * A running 揭榜挂帅 call of the demo enterprise on its 挂面 need, closing 30 days after the demo
 * was loaded (17:00 Beijing time), so /calls and the office's notifications have something to show.
 */
export async function seedDemoCall(prisma: PrismaClient, now = new Date()) {
  const need = await prisma.need.findUnique({
    where: { id: 'need-0161' },
    select: { id: true, organizationId: true, title: true, summary: true, confidentialDetail: true },
  })
  if (!need) return
  const day = new Date(now.getTime() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)
  const deadline = new Date(`${day}T17:00:00+08:00`)
  await prisma.call.createMany({
    data: [
      {
        id: 'call-demo-0001',
        needId: need.id,
        organizationId: need.organizationId,
        createdById: 'user-enterprise-admin',
        title: `${need.title}揭榜挂帅`,
        statement: need.summary,
        confidentialDetail: need.confidentialDetail,
        rewardMinFen: 20_000_000n,
        rewardMaxFen: 50_000_000n,
        deadline,
        eligibleKinds: ['UNIVERSITY', 'RESEARCH_INSTITUTE'],
        eligibleRegionGroups: ['BEIJING', 'TIANJIN', 'HEBEI', 'BAODI'],
        criteria: [
          { name: '技术方案可行性', weight: 40 },
          { name: '团队能力与业绩', weight: 25 },
          { name: '报价合理性', weight: 20 },
          { name: '工期与里程碑', weight: 15 },
        ],
        requirements: '技术方案、团队成员及分工、里程碑与报价、相关成果和专利；可附 PDF/DOCX/XLSX 文件。',
        status: 'PUBLISHED',
        publishedAt: now,
      },
    ],
    skipDuplicates: true,
  })
  await prisma.job.createMany({ data: [deadlineJob({ id: 'call-demo-0001', deadline })], skipDuplicates: true })
}
