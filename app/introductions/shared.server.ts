import { notifyExpert, notifyOrganization } from '~/models/notifications.server'
import { prisma } from '~/utils/db.server'
import type { Prisma } from '~/generated/prisma/client'
import type { Role } from '~/generated/prisma/enums'
import { actsForOrganization } from '~/utils/permissions.server'
import type { Outcome } from '~/utils/outcome'
import { isOpenNeed } from '~/models/need-states'

export const INTRODUCTIONS_QUEUE = 'introductions'
export const DAY = 24 * 60 * 60 * 1000

export interface Actor {
  userId: string
  organizationId: string
}

/** Who looks at an introduction: a member of one of its organizations, in a role. */
export interface IntroViewer extends Actor {
  role: Role
}

/**
 * The introductions a member may see: their organization's as requester or target; an expert only
 * those about themself (not their colleagues' or their institution's results).
 */
export function visibleTo(viewer: IntroViewer): Prisma.IntroductionWhereInput {
  if (!actsForOrganization(viewer)) return { targetOrgId: viewer.organizationId, expert: { userId: viewer.userId } }
  return { OR: [{ requesterOrgId: viewer.organizationId }, { targetOrgId: viewer.organizationId }] }
}

/** News for the target side: the organization's business desk and, for an expert, the expert. */
export async function notifyTarget(
  tx: Tx,
  intro: { targetOrgId: string; expertId: string | null },
  kind: string,
  params: Record<string, string>,
  link: string,
  exceptUserId?: string,
) {
  await notifyOrganization(tx, intro.targetOrgId, kind, params, link, { exceptUserId })
  if (intro.expertId) await notifyExpert(tx, intro.expertId, kind, params, link, { exceptUserId })
}

export type IntroOutcome = Outcome<{ id: string }>

export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]
export type Target = { kind: 'expert' | 'result'; id: string; organizationId: string }

export async function openNeedOf(actor: Actor, needId: string) {
  const need = await prisma.need.findFirst({
    where: { id: needId, organizationId: actor.organizationId },
    select: { id: true, status: true, title: true },
  })
  return need && isOpenNeed(need.status) ? need : null
}

export const targetKey = (target: Pick<Target, 'kind' | 'id'>) =>
  target.kind === 'expert' ? { expertId: target.id } : { resultId: target.id }

/** A reminder two days before the answer is due, and expiry at the deadline, in `tx`. */
