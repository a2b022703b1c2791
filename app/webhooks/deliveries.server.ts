import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { enqueueJobs } from '~/jobs/queue.server'
import type { QueueHandler } from '~/jobs/worker.server'
import { prisma } from '~/utils/db.server'
import { SIGNATURE_HEADER, type WebhookEvent } from './events'

export const WEBHOOKS_QUEUE = 'webhooks'
/** Attempts before a delivery counts as failed; the queue spaces them with growing backoff. */
const MAX_ATTEMPTS = 8
const TIMEOUT_MS = 10_000

type Tx = Pick<Prisma.TransactionClient, 'webhookEndpoint' | 'webhookDelivery' | 'job'>

/**
 * Records an event for the organizations concerned, in the caller's transaction: one delivery per
 * enabled endpoint subscribed to it, each sent by a job. Nothing is sent if the change rolls back.
 */
export async function emitWebhookEvent(
  tx: Tx,
  organizationIds: Array<string | null | undefined>,
  type: WebhookEvent,
  data: Record<string, unknown>,
) {
  const ids = [...new Set(organizationIds.filter((id): id is string => Boolean(id)))]
  if (ids.length === 0) return
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organizationId: { in: ids }, disabledAt: null, events: { has: type } },
    select: { id: true },
  })
  if (endpoints.length === 0) return
  const eventId = `evt_${randomUUID().replace(/-/g, '')}`
  const payload = { id: eventId, type, createdAt: new Date().toISOString(), data } as Prisma.InputJsonValue
  for (const endpoint of endpoints) {
    const delivery = await tx.webhookDelivery.create({
      data: { endpointId: endpoint.id, eventId, eventType: type, payload },
      select: { id: true },
    })
    await enqueueJobs(tx, [deliveryJob(delivery.id)])
  }
}

const deliveryJob = (deliveryId: string) => ({
  queue: WEBHOOKS_QUEUE,
  kind: 'deliver',
  payload: { deliveryId },
  maxAttempts: MAX_ATTEMPTS,
})

/** The signature header of a body sent at `timestamp` (seconds). */
export function signature(secret: string, timestamp: number, body: string) {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${mac}`
}

/** How a receiver checks a delivery: the signature matches and is at most `toleranceS` old. */
export function verifySignature(secret: string, header: string, body: string, now = Date.now(), toleranceS = 300) {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]))
  const t = Number(parts.t)
  if (!Number.isFinite(t) || Math.abs(now / 1000 - t) > toleranceS || !parts.v1) return false
  const expected = Buffer.from(signature(secret, t, body).split('v1=')[1], 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const Payload = z.object({ deliveryId: z.string() })

/**
 * Sends deliveries: POST the event as JSON, signed. A 2xx answer completes it; anything else (or
 * no answer in 10 s) is recorded and thrown, so the queue retries with backoff until the last
 * attempt, after which the delivery shows as failed (and can be sent again from the settings).
 */
export function webhookJobsHandler(): QueueHandler {
  return {
    queue: WEBHOOKS_QUEUE,
    batchSize: 1,
    async handle([job]) {
      const parsed = Payload.safeParse(job.payload)
      if (!parsed.success) return
      const delivery = await prisma.webhookDelivery.findUnique({
        where: { id: parsed.data.deliveryId },
        include: { endpoint: true },
      })
      if (!delivery || delivery.status === 'SUCCEEDED' || delivery.endpoint.disabledAt) return
      const body = JSON.stringify(delivery.payload)
      const timestamp = Math.floor(Date.now() / 1000)
      let statusCode: number | null = null
      let error: string | null = null
      try {
        const response = await fetch(delivery.endpoint.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'Baodi-Webhooks/1.0',
            [SIGNATURE_HEADER]: signature(delivery.endpoint.secret, timestamp, body),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        })
        statusCode = response.status
        await response.body?.cancel()
        if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown)
      }
      const last = job.attempts >= job.maxAttempts
      await prisma.webhookDelivery.update({
        where: { id: delivery.id },
        data: {
          attempts: { increment: 1 },
          lastStatusCode: statusCode,
          lastError: error,
          status: error === null ? 'SUCCEEDED' : last ? 'FAILED' : 'RETRYING',
          deliveredAt: error === null ? new Date() : null,
        },
      })
      if (error !== null) throw new Error(`webhook ${delivery.id}: ${error}`)
    },
  }
}

/** Sends a delivery again (from the settings page), whatever became of it. */
export async function redeliver(organizationId: string, deliveryId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, endpoint: { organizationId } },
      data: { status: 'PENDING' },
    })
    if (count) await enqueueJobs(tx, [deliveryJob(deliveryId)])
    return count > 0
  })
}
