import type { Prisma } from '~/generated/prisma/client'
import type { Role } from '~/generated/prisma/enums'
import { enqueueJobs } from '~/jobs/queue.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { BUSINESS_ROLES } from '~/utils/permissions.server'

type Tx = Pick<Prisma.TransactionClient, 'notification' | 'membership' | 'job' | 'expert'>

export const EMAIL_QUEUE = 'email'

export interface NewNotification {
  userId: string
  kind: string
  params: Record<string, string>
  link: string
}

/**
 * Stores in-app notifications. `title` is a message-catalog key and `body` its parameters as
 * JSON, so each reader sees them in their own language. With SMTP_URL set, an e-mail job for
 * them is written in the same transaction; without it, no e-mail is ever sent.
 */
export async function createNotifications(tx: Tx, rows: NewNotification[]) {
  if (rows.length === 0) return
  const created = await tx.notification.createManyAndReturn({
    data: rows.map((r) => ({
      userId: r.userId,
      kind: r.kind,
      title: `notifications.${r.kind}`,
      body: JSON.stringify(r.params),
      link: r.link,
    })),
    select: { id: true },
  })
  if (getEnv().SMTP_URL) {
    await enqueueJobs(tx, [{ queue: EMAIL_QUEUE, kind: 'send', payload: { ids: created.map((n) => n.id) } }])
  }
}

/** Notifies the members of an organization (optionally only some roles, or all but one user). */
export async function notifyOrganization(
  tx: Tx,
  organizationId: string,
  kind: string,
  params: Record<string, string>,
  link: string,
  options: { exceptUserId?: string; roles?: Role[] } = {},
) {
  // An organization's business reaches the people who act for it, not its experts (who hear of
  // their own introductions and consultations through notifyExpert).
  const members = await tx.membership.findMany({
    where: { organizationId, role: { in: options.roles ?? BUSINESS_ROLES } },
    select: { userId: true },
  })
  await createNotifications(
    tx,
    members.filter((m) => m.userId !== options.exceptUserId).map((m) => ({ userId: m.userId, kind, params, link })),
  )
}

export function listNotifications(userId: string) {
  return prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 50 })
}

export function markAllRead(userId: string) {
  return prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } })
}

/** The expert themself, when they have an account: news of their own introductions and consultations. */
export async function notifyExpert(
  tx: Tx,
  expertId: string,
  kind: string,
  params: Record<string, string>,
  link: string,
  options: { exceptUserId?: string } = {},
) {
  const expert = await tx.expert.findUnique({ where: { id: expertId }, select: { userId: true } })
  if (expert?.userId && expert.userId !== options.exceptUserId) {
    await createNotifications(tx, [{ userId: expert.userId, kind, params, link }])
  }
}

/** Every bureau staff member: submissions awaiting registration and other district business. */
export async function notifyBureau(tx: Tx, kind: string, params: Record<string, string>, link: string) {
  const staff = await tx.membership.findMany({
    where: { role: 'BUREAU_STAFF' },
    select: { userId: true },
    distinct: ['userId'],
  })
  await createNotifications(
    tx,
    staff.map((m) => ({ userId: m.userId, kind, params, link })),
  )
}
