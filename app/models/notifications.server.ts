import type { Prisma } from '~/generated/prisma/client'
import type { Role } from '~/generated/prisma/enums'
import { prisma } from '~/utils/db.server'

type Tx = Pick<Prisma.TransactionClient, 'notification' | 'membership'>

/**
 * In-app notifications. `title` is a message-catalog key and `body` its parameters as JSON, so
 * each reader sees them in their own language.
 */
export async function notifyOrganization(
  tx: Tx,
  organizationId: string,
  kind: string,
  params: Record<string, string>,
  link: string,
  options: { exceptUserId?: string; roles?: Role[] } = {},
) {
  const members = await tx.membership.findMany({
    where: { organizationId, ...(options.roles ? { role: { in: options.roles } } : {}) },
    select: { userId: true },
  })
  const data = members
    .filter((m) => m.userId !== options.exceptUserId)
    .map((m) => ({ userId: m.userId, kind, title: `notifications.${kind}`, body: JSON.stringify(params), link }))
  if (data.length) await tx.notification.createMany({ data })
}

export function countUnread(userId: string) {
  return prisma.notification.count({ where: { userId, readAt: null } })
}

export function listNotifications(userId: string) {
  return prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 50 })
}

export function markAllRead(userId: string) {
  return prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } })
}
