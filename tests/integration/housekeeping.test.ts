import { describe, expect, it } from 'vitest'
import { enqueueJobs } from '~/jobs/queue.server'
import { HOUSEKEEPING_QUEUE, housekeepingHandler, pruneExpired, scheduleHousekeeping } from '~/jobs/housekeeping.server'
import { drain } from '~/jobs/worker.server'
import { hitRateLimit } from '~/utils/rate-limit.server'
import { prisma } from '~/utils/db.server'
import { testClient } from '../support/api-client'
import { cookieHeader, createOrganization, createUser, issueToken } from '../support/factories'

const HOUR = 3_600_000
const ago = (ms: number) => new Date(Date.now() - ms)

describe('housekeeping', () => {
  it('prunes expired sessions, closed rate-limit windows, day-old idempotency keys and old finished jobs, and nothing else', async () => {
    const org = await createOrganization('ENTERPRISE')
    const user = await createUser(org.id, 'ENTERPRISE_ADMIN')
    await cookieHeader(user.id)
    await cookieHeader(user.id)
    const [expired] = await prisma.session.findMany({ select: { id: true } })
    await prisma.session.update({ where: { id: expired.id }, data: { expiresAt: ago(HOUR) } })

    await hitRateLimit('login:old', 10, 900)
    await hitRateLimit('login:current', 10, 900)
    await prisma.rateLimit.update({ where: { key: 'login:old' }, data: { windowStart: ago(26 * HOUR) } })

    // Two API calls under keys, one of them from yesterday.
    const api = testClient(await issueToken(org.id, user.id, ['needs:read', 'needs:write']))
    const need = {
      title: '注塑件翘曲变形控制',
      summary: '汽车内饰注塑件出模后翘曲超差，返工率高，希望优化模具冷却与工艺参数。',
    }
    const field = await prisma.techField.findFirstOrThrow({ where: { parentCode: null } })
    const body = { ...need, fieldCode: field.code, keywords: ['注塑'], cooperationModes: ['DEVELOPMENT'] } as never
    for (const key of ['yesterday', 'today']) {
      const created = await api.POST('/needs', { body, headers: { 'Idempotency-Key': key } })
      expect(created.response.status).toBe(201)
    }
    await prisma.idempotencyKey.updateMany({ where: { key: 'yesterday' }, data: { createdAt: ago(25 * HOUR) } })

    await enqueueJobs(prisma, [
      { queue: 'test', kind: 'old', payload: {} },
      { queue: 'test', kind: 'recent', payload: {} },
      { queue: 'test', kind: 'failed', payload: {} },
      { queue: 'test', kind: 'waiting', payload: {} },
    ])
    await prisma.job.updateMany({ where: { kind: 'old' }, data: { status: 'DONE', completedAt: ago(15 * 24 * HOUR) } })
    await prisma.job.updateMany({ where: { kind: 'recent' }, data: { status: 'DONE', completedAt: ago(HOUR) } })
    await prisma.job.updateMany({
      where: { kind: 'failed' },
      data: { status: 'FAILED', completedAt: ago(90 * 24 * HOUR) },
    })

    expect(await pruneExpired(prisma)).toEqual({ sessions: 1, rateLimits: 1, idempotencyKeys: 1, jobs: 1 })
    expect(await prisma.session.count()).toBe(1)
    const windows = await prisma.rateLimit.findMany({ orderBy: { key: 'asc' } })
    expect(windows.map((r) => r.key.replace(/:.*/, ''))).toEqual(['api', 'login'])
    expect(windows[1].key).toBe('login:current')
    expect((await prisma.idempotencyKey.findMany()).map((k) => k.key)).toEqual(['today'])
    expect(
      (await prisma.job.findMany({ where: { queue: 'test' }, orderBy: { kind: 'asc' } })).map((j) => j.kind),
    ).toEqual(['failed', 'recent', 'waiting'])
    // What the platform's users made is not housekeeping's business.
    expect(await prisma.need.count()).toBe(2)
    expect(await pruneExpired(prisma)).toEqual({ sessions: 0, rateLimits: 0, idempotencyKeys: 0, jobs: 0 })
  })

  it('runs as a daily job, one pending however many servers schedule it', async () => {
    await Promise.all(Array.from({ length: 10 }, () => scheduleHousekeeping(prisma)))
    expect(await prisma.job.count({ where: { queue: HOUSEKEEPING_QUEUE, status: 'PENDING' } })).toBe(1)
    const logged: string[] = []
    expect(
      await drain(
        prisma,
        housekeepingHandler(prisma, (m) => logged.push(m)),
      ),
    ).toBe(1)
    expect(logged).toEqual([expect.stringMatching(/^\[housekeeping\] pruned /)])
    const next = await prisma.job.findFirstOrThrow({ where: { queue: HOUSEKEEPING_QUEUE, status: 'PENDING' } })
    expect(next.runAt.getTime()).toBeGreaterThan(Date.now() + 23 * HOUR)
  })
})
