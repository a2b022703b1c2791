import { recordAudit } from '~/utils/audit.server'
import { randomToken } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'
import type { WebhookEvent } from './events'

interface Actor {
  userId: string
  organizationId: string
}

/** The organization's endpoints with their last 20 deliveries each. */
export function listEndpoints(organizationId: string) {
  return prisma.webhookEndpoint.findMany({
    where: { organizationId },
    orderBy: { createdAt: 'desc' },
    include: {
      deliveries: {
        orderBy: { createdAt: 'desc' },
        take: 20,
        select: {
          id: true,
          eventId: true,
          eventType: true,
          status: true,
          attempts: true,
          lastStatusCode: true,
          lastError: true,
          createdAt: true,
          deliveredAt: true,
        },
      },
    },
  })
}

/** Adds an endpoint with a fresh signing secret (`whsec_…`). At most 10 per organization. */
export async function createEndpoint(actor: Actor, input: { url: string; events: WebhookEvent[] }) {
  const count = await prisma.webhookEndpoint.count({
    where: { organizationId: actor.organizationId, disabledAt: null },
  })
  if (count >= 10) return { ok: false as const, error: 'errors.webhook.tooMany' }
  const endpoint = await prisma.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        organizationId: actor.organizationId,
        url: input.url,
        events: input.events,
        secret: `whsec_${randomToken(24)}`,
        createdById: actor.userId,
      },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'webhook.create',
      entityType: 'WebhookEndpoint',
      entityId: created.id,
      data: { url: input.url, events: input.events },
    })
    return created
  })
  return { ok: true as const, id: endpoint.id }
}

/** Switches an endpoint of the organization off; another organization's is not found. */
export async function disableEndpoint(actor: Actor, endpointId: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, organizationId: actor.organizationId, disabledAt: null },
      data: { disabledAt: new Date() },
    })
    if (count) {
      await recordAudit(tx, {
        actorId: actor.userId,
        actorOrgId: actor.organizationId,
        action: 'webhook.disable',
        entityType: 'WebhookEndpoint',
        entityId: endpointId,
      })
    }
    return count > 0
  })
}
