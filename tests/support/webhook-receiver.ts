import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect } from 'vitest'
import { prisma } from '~/utils/db.server'
import { verifySignature } from '~/webhooks/deliveries.server'
import { createEndpoint } from '~/webhooks/endpoints.server'
import type { WebhookEvent } from '~/webhooks/events'
import { createUser } from './factories'

interface Received {
  signature: string
  body: string
}

/** A local receiver: answers with the statuses given in turn (then 200) and keeps what it got. */
export async function receiver(statuses: number[] = []) {
  const received: Received[] = []
  const server: Server = createServer((request: IncomingMessage, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      received.push({ signature: String(request.headers['baodi-signature'] ?? ''), body })
      response.statusCode = statuses.shift() ?? 200
      response.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received }
}
const servers: Server[] = []

/** Stops the receivers started since the last call (each test file calls it after each test). */
export async function closeReceivers() {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
}

/** An endpoint of the organization subscribed to `events`, and what it receives (each signature checked). */
export async function subscribe(organizationId: string, ...types: WebhookEvent[]) {
  const admin = await prisma.membership.findFirst({ where: { organizationId } })
  const userId = admin?.userId ?? (await createUser(organizationId, 'TTO_ADMIN')).id
  const hook = await receiver()
  const created = await createEndpoint({ userId, organizationId }, { url: hook.url, events: types })
  if (!created.ok) throw new Error(created.error)
  const endpoint = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } })
  const events = () => {
    for (const r of hook.received) expect(verifySignature(endpoint.secret, r.signature, r.body)).toBe(true)
    return hook.received.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> })
  }
  return { events }
}
