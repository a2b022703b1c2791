import { prisma } from '~/utils/db.server'
import { visibleTo, type IntroViewer } from './shared.server'

/** Introductions as their viewers may read them: contacts are shown only once accepted. */
const ORG_CONTACT = { id: true, name: true, contactName: true, contactPhone: true, contactEmail: true } as const
const withoutContact = <T extends { id: string; name: string }>(org: T) => ({
  ...org,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
})

/**
 * One introduction as one of its two organizations sees it. The need's confidential detail and
 * the contacts are revealed only once it is accepted; anyone else gets null.
 */
export async function getIntroduction(introductionId: string, viewer: IntroViewer) {
  const organizationId = viewer.organizationId
  const intro = await prisma.introduction.findFirst({
    where: { id: introductionId, ...visibleTo(viewer) },
    include: {
      need: { select: { id: true, title: true, summary: true, confidentialDetail: true } },
      requesterOrg: { select: ORG_CONTACT },
      requestedBy: { select: { name: true, email: true, phone: true } },
      targetOrg: { select: ORG_CONTACT },
      expert: { select: { id: true, name: true, title: true, email: true, phone: true } },
      result: { select: { id: true, title: true } },
      messages: {
        orderBy: { createdAt: 'asc' },
        include: { author: { select: { name: true } }, authorOrg: { select: { name: true } } },
      },
    },
  })
  if (!intro) return null
  const accepted = intro.status === 'ACCEPTED'
  return {
    ...intro,
    side: intro.requesterOrgId === organizationId ? ('requester' as const) : ('target' as const),
    overdue: intro.status === 'REQUESTED' && intro.responseDeadline < new Date(),
    need: { ...intro.need, confidentialDetail: accepted ? intro.need.confidentialDetail : null },
    requestedBy: accepted ? intro.requestedBy : { name: intro.requestedBy.name, email: null, phone: null },
    // Each side's contact person (the office's, for a result or a group) once accepted, never before.
    requesterOrg: accepted ? intro.requesterOrg : withoutContact(intro.requesterOrg),
    targetOrg: accepted ? intro.targetOrg : withoutContact(intro.targetOrg),
    expert: intro.expert ? (accepted ? intro.expert : { ...intro.expert, email: null, phone: null }) : null,
  }
}

/** Requests an organization received (its inbox), newest first, with overdue marked. */
export async function listReceivedIntroductions(organizationId: string) {
  const rows = await prisma.introduction.findMany({
    where: { targetOrgId: organizationId },
    orderBy: { createdAt: 'desc' },
    take: 100,
    include: {
      need: { select: { id: true, title: true } },
      requesterOrg: { select: { name: true } },
      expert: { select: { name: true } },
      result: { select: { title: true } },
    },
  })
  const now = new Date()
  return rows.map((r) => ({ ...r, overdue: r.status === 'REQUESTED' && r.responseDeadline < now }))
}

/** The requests made for one need (its owner sees every request's state). */
export function listNeedIntroductions(needId: string, organizationId: string) {
  return prisma.introduction.findMany({
    where: { needId, requesterOrgId: organizationId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      status: true,
      responseDeadline: true,
      declineReason: true,
      targetOrg: { select: { name: true } },
      expert: { select: { name: true } },
      result: { select: { title: true } },
    },
  })
}
