import { getCuratedGroup } from './curation.server'
import { recordMatchFeedback } from './matches.server'
import { isOpenNeed } from './need-states'
import { takeNewMatches } from './needs.server'
import { listNeedIntroductions } from '~/introductions/queries.server'
import { matchNeed, type MatchKind, type MatchOptions } from '~/matching/match-need.server'
import { searchEngine } from '~/search/engine.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { beijingDateTime, calendarDate } from '~/utils/format'
import { canSeeNeed, enterpriseMembership, isBureau, type Viewer } from '~/utils/permissions.server'
import { LIVE_CALL_STATUSES } from '~/calls/states'
import type { MatchFeedback } from '~/validation/matching'
import { PUBLIC_OWNER } from './verification-states'

/**
 * A need's page. Everyone sees an open need's public teaser; its enterprise and bureau staff see
 * the confidential detail, the matches and the curated group; only its enterprise asks for
 * introductions and answers matches. Null when the viewer may not see the need at all.
 */
export async function getNeedPage(
  viewer: (Viewer & { id: string }) | null,
  needId: string,
  view: { tab: MatchKind; showAll: boolean },
) {
  const need = await prisma.need.findUnique({
    where: { id: needId },
    select: {
      id: true,
      title: true,
      summary: true,
      confidentialDetail: true,
      keywords: true,
      status: true,
      deadline: true,
      budgetMaxFen: true,
      staleRemindedAt: true,
      cooperationModes: true,
      organizationId: true,
      organization: { select: { name: true } },
      field: { select: { nameZh: true, nameEn: true } },
      campaignId: true,
      calls: {
        where: { status: { in: [...LIVE_CALL_STATUSES] } },
        select: { id: true, status: true },
        take: 1,
      },
    },
  })
  if (!need) return null
  const whole = canSeeNeed(viewer, need)
  const owner = Boolean(enterpriseMembership(viewer, need.organizationId))
  if (!whole && !isOpenNeed(need.status)) return null
  const matches = whole
    ? await matchNeed(prisma, searchEngine(), need.id, view.tab, { limit: 10, minConfidence: view.showAll ? 1 : 3 })
    : null
  const requests = owner ? await listNeedIntroductions(need.id, need.organizationId) : []
  // Only the enterprise's own visit moves its "new since last visit" mark.
  const fresh = owner && viewer ? await takeNewMatches(need.id, viewer.id) : []
  const curated = whole ? await getCuratedGroup(need.id) : null
  const { staleRemindedAt, calls, campaignId, ...shown } = need
  const liveCall = calls[0] ?? null
  return {
    need: {
      ...shown,
      confidentialDetail: whole ? need.confidentialDetail : null,
      deadline: need.deadline ? calendarDate(need.deadline) : null,
      stale: need.status === 'PUBLISHED' && staleRemindedAt !== null,
    },
    canGiveFeedback: owner,
    /** The need's 揭榜挂帅 call: a draft only for those who run it. */
    call: liveCall && (liveCall.status !== 'DRAFT' || whole) ? liveCall : null,
    /** Its enterprise (or the bureau, for a campaign's need) may publish it as a call. */
    canPublishCall: !liveCall && isOpenNeed(need.status) && (owner || (campaignId !== null && isBureau(viewer))),
    matches,
    fresh,
    requests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      deadline: beijingDateTime(r.responseDeadline),
      to: r.targetOrg.name,
      target: r.expert?.name ?? r.result?.title ?? '',
    })),
    responseDays: getEnv().INTRO_RESPONSE_DAYS,
    curated: curated
      ? {
          note: curated.note,
          members: curated.members.map((m) => ({
            id: m.expert.id,
            name: m.expert.name,
            institution: m.expert.organization.name,
            aspects: m.aspects,
          })),
        }
      : null,
  }
}

/**
 * The need as its enterprise acts on it (status, introductions, feedback on matches): the actor
 * is the user in that enterprise. Null for anyone else, including bureau staff.
 */
export async function getNeedActor(user: Viewer & { id: string }, needId: string) {
  const need = await prisma.need.findUnique({ where: { id: needId }, select: { id: true, organizationId: true } })
  const membership = need ? enterpriseMembership(user, need.organizationId) : undefined
  if (!need || !membership) return null
  return { needId: need.id, actor: { userId: user.id, organizationId: membership.organizationId } }
}

/**
 * Feedback on one of the need's matches; false when the expert or result is not one a match could
 * name (missing, a draft, archived, or of an organization not yet approved), unless the need
 * already has a match with it (feedback on a listing archived since stays possible).
 */
export async function giveMatchFeedback(
  actor: { userId: string; organizationId: string },
  needId: string,
  feedback: MatchFeedback,
): Promise<boolean> {
  const listed = { id: feedback.targetId, status: 'PUBLISHED' as const, ...PUBLIC_OWNER }
  const matchable =
    feedback.targetKind === 'expert'
      ? await prisma.expert.count({ where: listed })
      : await prisma.researchResult.count({ where: listed })
  const matched = await prisma.match.count({
    where: {
      needId,
      ...(feedback.targetKind === 'expert' ? { expertId: feedback.targetId } : { resultId: feedback.targetId }),
    },
  })
  if (!matchable && !matched) return false
  await recordMatchFeedback(prisma, searchEngine(), {
    needId,
    target: { kind: feedback.targetKind, id: feedback.targetId },
    decision: feedback.decision,
    reason: feedback.decision === 'DECLINED' ? feedback.reason : undefined,
    note: feedback.note,
    ...actor,
  })
  return true
}

/**
 * Ranked matches of a need for the API: its enterprise and bureau staff only (anyone else gets
 * null, as if the need did not exist).
 */
export async function getNeedMatches(viewer: Viewer, needId: string, kind: MatchKind, options: MatchOptions) {
  const need = await prisma.need.findUnique({
    where: { id: needId },
    select: { id: true, externalId: true, title: true, organizationId: true },
  })
  if (!need || !canSeeNeed(viewer, need)) return null
  const matches = await matchNeed(prisma, searchEngine(), need.id, kind, options)
  return { need: { id: need.id, externalId: need.externalId, title: need.title }, matches }
}
