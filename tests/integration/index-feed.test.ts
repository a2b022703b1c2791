import { describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine } from '#search'
import { drain } from '~/jobs/worker.server'
import { changeResultStatus } from '~/models/results.server'
import { loader as healthLoader } from '~/routes/healthz'
import { feedHead, feedStatus, followIndexFeed, pruneFeed } from '~/search/feed.server'
import { enqueueIndexing } from '~/search/enqueue.server'
import { ensureIndexes, reindexAll, searchQueueHandler } from '~/search/sync.server'
import { databaseUrl, prisma } from '~/utils/db.server'
import { createOrganization, createUser } from '../support/factories'

/**
 * Polls until `probe` holds or the deadline passes (no fixed sleeps). The deadline is generous:
 * what is tested is that NOTIFY wakes the process; the latency is measured by bench:search.
 */
async function within(ms: number, probe: () => Promise<boolean>) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await probe()) return true
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return probe()
}

const everything = async (engine: EmbeddedSearchEngine) =>
  (await engine.search('results', { q: '', limit: 5000 })).hits
    .map((h) => `${h.document.id}|${h.document.title}|${h.document.status}`)
    .sort()

/** One app process: its own embedded index, built at start-up, then following the feed. */
async function startProcess(id: string) {
  const engine = new EmbeddedSearchEngine()
  await ensureIndexes(engine)
  const from = await feedHead(prisma)
  await reindexAll(prisma, engine)
  // No LISTEN and a slow poll, so the test decides when each process catches up.
  const feed = await followIndexFeed(prisma, engine, from, { processId: id, pollMs: 600_000, heartbeatMs: 600_000 })
  return { engine, feed }
}

const found = async (engine: EmbeddedSearchEngine, q: string) =>
  (await engine.search('results', { q, limit: 5, filter: [{ attribute: 'status', in: ['PUBLISHED'] }] })).hits.map(
    (h) => h.document.id,
  )

async function office() {
  const org = await createOrganization('UNIVERSITY', '天津工业大学')
  const user = await createUser(org.id, 'TTO_ADMIN')
  return { userId: user.id, organizationId: org.id }
}

describe('every process sees every change (index feed)', () => {
  it('a result published through one process is searchable in the other once it catches up; archived, it leaves both', async () => {
    const actor = await office()
    const result = await prisma.researchResult.create({
      data: {
        organizationId: actor.organizationId,
        title: '中空纤维膜纺丝工艺',
        abstract: '聚偏氟乙烯中空纤维膜',
        status: 'DRAFT',
      },
    })
    const a = await startProcess('A')
    const b = await startProcess('B')
    expect(await changeResultStatus(actor, result.id, 'publish')).toBe('changed')
    // Process A's worker claims the outbox job (once, for everyone) and its index has it.
    await drain(prisma, searchQueueHandler(prisma, a.engine))
    expect(await found(a.engine, '中空纤维膜')).toEqual([result.id])
    // B has not read the feed yet; once it has, its index has the result too.
    expect(await found(b.engine, '中空纤维膜')).toEqual([])
    expect(await b.feed.catchUp()).toBe(1)
    expect(await found(b.engine, '中空纤维膜')).toEqual([result.id])
    // Applied once: a second catch-up finds nothing new.
    expect(await b.feed.catchUp()).toBe(0)

    expect(await changeResultStatus(actor, result.id, 'archive')).toBe('changed')
    await Promise.all([a.feed.catchUp(), b.feed.catchUp()])
    expect(await found(a.engine, '中空纤维膜')).toEqual([])
    expect(await found(b.engine, '中空纤维膜')).toEqual([])
    await Promise.all([a.feed.stop(), b.feed.stop()])
  })

  it('woken by NOTIFY (its poll is ten minutes away), the other process finds a publish, an edit and a withdrawal', async () => {
    const actor = await office()
    const result = await prisma.researchResult.create({
      data: {
        organizationId: actor.organizationId,
        title: '陶瓷膜错流过滤',
        abstract: '氧化铝陶瓷膜',
        status: 'DRAFT',
      },
    })
    const a = await startProcess('A')
    const engine = new EmbeddedSearchEngine()
    await ensureIndexes(engine)
    const from = await feedHead(prisma)
    await reindexAll(prisma, engine)
    // Process B listens; its poll is too slow to matter here.
    const b = await followIndexFeed(prisma, engine, from, {
      processId: 'B',
      listenUrl: databaseUrl,
      pollMs: 600_000,
      heartbeatMs: 600_000,
    })
    expect(await changeResultStatus(actor, result.id, 'publish')).toBe('changed')
    expect(await within(10_000, async () => (await found(engine, '陶瓷膜')).includes(result.id))).toBe(true)
    await prisma.$transaction(async (tx) => {
      await tx.researchResult.update({ where: { id: result.id }, data: { title: '陶瓷膜错流过滤（二代）' } })
      await enqueueIndexing(tx, 'results', [result.id])
    })
    expect(
      await within(10_000, async () =>
        (await everything(engine)).includes(`${result.id}|陶瓷膜错流过滤（二代）|PUBLISHED`),
      ),
    ).toBe(true)
    await prisma.$transaction(async (tx) => {
      await tx.researchResult.delete({ where: { id: result.id } })
      await enqueueIndexing(tx, 'results', [result.id])
    })
    expect(await within(10_000, async () => !(await everything(engine)).some((d) => d.startsWith(result.id)))).toBe(
      true,
    )
    await Promise.all([a.feed.stop(), b.stop()])
  })

  it('a process started during a burst of 1,000 changes ends with exactly the index of the other', async () => {
    const actor = await office()
    await prisma.researchResult.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        id: `burst-${i}`,
        organizationId: actor.organizationId,
        title: `膜材料 ${i}`,
        abstract: '批量变更',
        status: 'DRAFT' as const,
      })),
    })
    const a = await startProcess('A')
    const burst = (async () => {
      for (let i = 0; i < 1000; i++) {
        await prisma.$transaction(async (tx) => {
          await tx.researchResult.update({
            where: { id: `burst-${i % 100}` },
            data: { title: `膜材料 ${i % 100} 第 ${i} 版`, status: i % 3 === 0 ? 'ARCHIVED' : 'PUBLISHED' },
          })
          await enqueueIndexing(tx, 'results', [`burst-${i % 100}`])
        })
      }
    })()
    // B starts (position, rebuild, follow) while the burst is running.
    await new Promise((resolve) => setTimeout(resolve, 100))
    const b = await startProcess('B')
    await burst
    await Promise.all([a.feed.catchUp(), b.feed.catchUp()])
    const truth = (
      await prisma.researchResult.findMany({
        where: { id: { startsWith: 'burst-' } },
        select: { id: true, title: true, status: true },
      })
    )
      .map((r) => `${r.id}|${r.title}|${r.status}`)
      .sort()
    const inB = (await everything(b.engine)).filter((d) => d.startsWith('burst-'))
    expect(inB).toEqual(truth)
    expect(await everything(b.engine)).toEqual(await everything(a.engine))
    await Promise.all([a.feed.stop(), b.feed.stop()])
  })

  it('a process starting while a change is being committed loses nothing between its rebuild and the feed', async () => {
    const actor = await office()
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let created = ''
    // A change whose transaction is still open while the new process takes its position and rebuilds.
    const writing = prisma.$transaction(async (tx) => {
      const row = await tx.researchResult.create({
        data: {
          organizationId: actor.organizationId,
          title: '印染废水深度脱色',
          abstract: '臭氧催化氧化脱色',
          status: 'PUBLISHED',
          publishedAt: new Date(),
        },
      })
      created = row.id
      await enqueueIndexing(tx, 'results', [row.id])
      await held
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const engine = new EmbeddedSearchEngine()
    await ensureIndexes(engine)
    const from = await feedHead(prisma)
    await reindexAll(prisma, engine)
    expect(await found(engine, '印染废水')).toEqual([])
    release()
    await writing
    const feed = await followIndexFeed(prisma, engine, from, { processId: 'C', pollMs: 600_000, heartbeatMs: 600_000 })
    expect(await found(engine, '印染废水')).toEqual([created])
    await feed.stop()
  })

  it('reports each process with its lag, prunes what all have applied, and a process far behind is unhealthy', async () => {
    const actor = await office()
    const a = await startProcess('A')
    const b = await startProcess('B')
    const result = await prisma.researchResult.create({
      data: { organizationId: actor.organizationId, title: '碳纤维原丝', abstract: '湿法纺丝', status: 'DRAFT' },
    })
    expect(await changeResultStatus(actor, result.id, 'publish')).toBe('changed')
    await a.feed.catchUp()
    await Promise.all([a.feed.heartbeat(), b.feed.heartbeat()])
    const status = await feedStatus(prisma)
    expect(status.processes.map((p) => [p.id, p.lag, p.live])).toEqual([
      ['A', 0, true],
      ['B', 1, true],
    ])
    // B still needs the change, so it stays; once B has it, it goes.
    await pruneFeed(prisma)
    expect(await prisma.indexChange.count()).toBe(1)
    await b.feed.catchUp()
    await b.feed.heartbeat()
    expect(await prisma.indexChange.count()).toBe(0)

    // The health check of a process whose index misses a change older than a minute says 503.
    globalThis.__indexFeed = b.feed
    try {
      expect((await healthLoader()).status).toBe(200)
      await prisma.indexChange.create({
        data: { index: 'results', entityId: result.id, createdAt: new Date(Date.now() - 120_000) },
      })
      const unhealthy = await healthLoader()
      expect(unhealthy.status).toBe(503)
      const body = (await unhealthy.json()) as { feed: { behindSeconds: number; processes: unknown[] } }
      expect(body.feed.behindSeconds).toBeGreaterThanOrEqual(60)
      expect(body.feed.processes).toHaveLength(2)
    } finally {
      globalThis.__indexFeed = undefined
    }
    await Promise.all([a.feed.stop(), b.feed.stop()])
  })
})
