import { afterEach, describe, expect, it } from 'vitest'
import { drain } from '~/jobs/worker.server'
import { changeNeedStatus } from '~/models/needs.server'
import { action as webhooksAction, loader as webhooksLoader } from '~/routes/settings.webhooks'
import { prisma } from '~/utils/db.server'
import { verifySignature, webhookJobsHandler } from '~/webhooks/deliveries.server'
import {
  cookieHeader,
  csrfFor,
  createNeed,
  createOrganization,
  createUser,
  formRequest,
  getRequest,
} from '../support/factories'
import { closeReceivers, receiver } from '../support/webhook-receiver'

afterEach(closeReceivers)

async function setup(statuses: number[] = []) {
  const org = await createOrganization('ENTERPRISE', '宝坻某企业')
  const admin = await createUser(org.id, 'ENTERPRISE_ADMIN')
  const cookie = await cookieHeader(admin.id)
  const hook = await receiver(statuses)
  const body = new URLSearchParams({ csrf: await csrfFor(cookie), intent: 'create', url: hook.url })
  for (const e of ['need.published', 'need.closed']) body.append('events', e)
  const created = await webhooksAction({
    request: new Request('http://test.local/settings/webhooks', {
      method: 'POST',
      body,
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
    params: {},
    context: {},
  }).catch((e: unknown) => e)
  expect(created).toMatchObject({ ok: true, intent: 'create' })
  const endpoint = await prisma.webhookEndpoint.findFirstOrThrow({ where: { organizationId: org.id } })
  return { org, admin, cookie, hook, endpoint }
}

describe('outgoing webhooks', () => {
  it('delivers a subscribed event once, signed, and not to other organizations or for other events', async () => {
    const s = await setup()
    const other = await setup()
    const need = await createNeed(s.org.id, { status: 'DRAFT' })
    await changeNeedStatus({ userId: s.admin.id, organizationId: s.org.id }, need.id, 'publish')
    await drain(prisma, webhookJobsHandler())
    expect(s.hook.received).toHaveLength(1)
    expect(other.hook.received).toHaveLength(0)
    const [delivery] = s.hook.received
    expect(verifySignature(s.endpoint.secret, delivery.signature, delivery.body)).toBe(true)
    expect(verifySignature('whsec_wrong', delivery.signature, delivery.body)).toBe(false)
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'need.published', data: { needId: need.id } })
    expect(await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: s.endpoint.id } })).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 1,
      lastStatusCode: 200,
    })
  })

  it('retries a failed delivery with backoff, shows it in the log, and sends it again on request', async () => {
    const s = await setup([500])
    const need = await createNeed(s.org.id, { status: 'PUBLISHED' })
    await changeNeedStatus({ userId: s.admin.id, organizationId: s.org.id }, need.id, 'close')
    await drain(prisma, webhookJobsHandler()).catch(() => {})
    let delivery = await prisma.webhookDelivery.findFirstOrThrow()
    expect(delivery).toMatchObject({ status: 'RETRYING', attempts: 1, lastStatusCode: 500 })
    const job = await prisma.job.findFirstOrThrow({ where: { queue: 'webhooks' } })
    expect(job.status).toBe('PENDING')
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now())
    // The backoff elapses.
    await prisma.job.updateMany({ where: { queue: 'webhooks' }, data: { runAt: new Date() } })
    await drain(prisma, webhookJobsHandler())
    delivery = await prisma.webhookDelivery.findFirstOrThrow()
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 2 })
    // The same event each time: a receiver keeps one per id.
    expect(new Set(s.hook.received.map((r) => JSON.parse(r.body).id)).size).toBe(1)

    const page = (await webhooksLoader({
      request: getRequest('/settings/webhooks', s.cookie),
      params: {},
      context: {},
    })) as { endpoints: Array<{ deliveries: Array<{ status: string }> }> }
    expect(page.endpoints[0].deliveries.map((d) => d.status)).toEqual(['SUCCEEDED'])
    await webhooksAction({
      request: await formRequest('/settings/webhooks', { intent: 'redeliver', deliveryId: delivery.id }, s.cookie),
      params: {},
      context: {},
    })
    await drain(prisma, webhookJobsHandler())
    expect(s.hook.received).toHaveLength(3)
    // Another organization cannot send this organization's deliveries again.
    const stranger = await createUser((await createOrganization()).id, 'ENTERPRISE_ADMIN')
    const refused = await webhooksAction({
      request: await formRequest(
        '/settings/webhooks',
        { intent: 'redeliver', deliveryId: delivery.id },
        await cookieHeader(stranger.id),
      ),
      params: {},
      context: {},
    }).catch((e: Response) => e)
    expect((refused as Response).status).toBe(404)
  })

  it('refuses plain http to another host and an empty event list, with specific messages', async () => {
    const org = await createOrganization()
    const admin = await createUser(org.id, 'ENTERPRISE_ADMIN')
    const result = (await webhooksAction({
      request: await formRequest(
        '/settings/webhooks',
        { intent: 'create', url: 'http://example.com/hook' },
        await cookieHeader(admin.id),
      ),
      params: {},
      context: {},
    })) as { data: { errors: Record<string, string[]> } }
    expect(result.data.errors).toMatchObject({ url: ['errors.webhook.url'], events: ['errors.webhook.events'] })
    expect(await prisma.webhookEndpoint.count()).toBe(0)
  })
})
