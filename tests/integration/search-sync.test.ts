import { describe, expect, it } from 'vitest'
import {
  EmbeddedSearchEngine,
  MeilisearchEngine,
  matchText,
  matchTokens,
  visibilityFilter,
  type SearchEngine,
} from '#search'
import { claimJobs, enqueueJobs, releaseStaleJobs } from '~/jobs/queue.server'
import { drain, runOnce, startWorker } from '~/jobs/worker.server'
import { SEARCH_QUEUE, ensureIndexes, reindexAll, searchQueueHandler } from '~/search/sync.server'
import { enqueueIndexing } from '~/search/enqueue.server'
import { getEmbedder, storedListings } from '~/search/vectors.server'
import { prisma } from '~/utils/db.server'
import { createOrganization } from '../support/factories'

async function freshEngine() {
  const engine = new EmbeddedSearchEngine()
  await ensureIndexes(engine)
  return engine
}

async function createNeedWithJob(organizationId: string, title = '锂电池正极材料批次一致性') {
  return prisma.$transaction(async (tx) => {
    const need = await tx.need.create({
      data: { organizationId, title, summary: '共沉淀工艺优化', status: 'PUBLISHED', publishedAt: new Date() },
    })
    await enqueueIndexing(tx, 'needs', [need.id])
    return need
  })
}

const find = async (engine: SearchEngine, q: string, viewer = visibilityFilter({ kind: 'anonymous' })) =>
  (await engine.search('needs', { q, filter: viewer })).hits.map((h) => h.document.id)

describe('search index sync through the outbox', () => {
  it('writes the job in the same transaction and the worker makes the change searchable', async () => {
    const org = await createOrganization()
    const engine = await freshEngine()
    const need = await createNeedWithJob(org.id)
    expect(await find(engine, '锂电池')).toEqual([])
    expect(await drain(prisma, searchQueueHandler(prisma, engine))).toBe(1)
    expect(await find(engine, '锂离子电池')).toEqual([need.id])
    const job = await prisma.job.findFirstOrThrow({ where: { queue: SEARCH_QUEUE } })
    expect(job.status).toBe('DONE')
  })

  it('leaves no job when the change rolls back', async () => {
    const org = await createOrganization()
    await expect(
      prisma.$transaction(async (tx) => {
        const need = await tx.need.create({ data: { organizationId: org.id, title: '回滚', summary: 's' } })
        await enqueueIndexing(tx, 'needs', [need.id])
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await prisma.job.count()).toBe(0)
  })

  it('keeps one pending job per record however often it changes before the worker runs', async () => {
    const org = await createOrganization()
    const need = await createNeedWithJob(org.id)
    await prisma.$transaction((tx) => enqueueIndexing(tx, 'needs', [need.id, need.id]))
    expect(await prisma.job.count({ where: { status: 'PENDING' } })).toBe(1)
  })

  it('hides a need taken back to draft from the public but not from its owner, and drops a deleted one', async () => {
    const org = await createOrganization()
    const engine = await freshEngine()
    const handler = searchQueueHandler(prisma, engine)
    const need = await createNeedWithJob(org.id)
    await drain(prisma, handler)
    await prisma.$transaction(async (tx) => {
      await tx.need.update({ where: { id: need.id }, data: { status: 'DRAFT' } })
      await enqueueIndexing(tx, 'needs', [need.id])
    })
    await drain(prisma, handler)
    expect(await find(engine, '锂电池')).toEqual([])
    expect(await find(engine, '锂电池', visibilityFilter({ kind: 'organization', organizationId: org.id }))).toEqual([
      need.id,
    ])
    await prisma.$transaction(async (tx) => {
      await tx.need.delete({ where: { id: need.id } })
      await enqueueIndexing(tx, 'needs', [need.id])
    })
    await drain(prisma, handler)
    expect(await engine.count('needs')).toBe(0)
  })

  it('loses nothing when the worker dies between claiming a job and indexing it', async () => {
    const org = await createOrganization()
    const need = await createNeedWithJob(org.id)
    // A worker claims the job, then its process is killed: the job stays RUNNING with a lock.
    const claimed = await claimJobs(prisma, SEARCH_QUEUE, 10)
    expect(claimed).toHaveLength(1)
    const restarted = await freshEngine()
    const handler = searchQueueHandler(prisma, restarted)
    expect(await runOnce(prisma, handler)).toBe(0) // still locked by the dead worker
    expect(await releaseStaleJobs(prisma, SEARCH_QUEUE, 0)).toBe(1)
    expect(await drain(prisma, handler)).toBe(1)
    expect(await find(restarted, '锂电池')).toEqual([need.id])
  })

  it('loses nothing when the process dies after the commit, before any worker ran', async () => {
    const org = await createOrganization()
    const need = await createNeedWithJob(org.id)
    // A new process starts with an empty embedded index: it rebuilds from PostgreSQL, then drains.
    const restarted = new EmbeddedSearchEngine()
    await reindexAll(prisma, restarted)
    expect(await find(restarted, '锂电池')).toEqual([need.id])
    expect(await drain(prisma, searchQueueHandler(prisma, restarted))).toBe(1)
  })

  it('retries with backoff when the engine fails, and gives up after maxAttempts', async () => {
    const org = await createOrganization()
    const need = await createNeedWithJob(org.id)
    const unreachable = new MeilisearchEngine('http://127.0.0.1:9', undefined)
    await expect(runOnce(prisma, searchQueueHandler(prisma, unreachable))).rejects.toThrow()
    const failed = await prisma.job.findFirstOrThrow()
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1 })
    expect(failed.lastError).toBeTruthy()
    expect(failed.runAt.getTime()).toBeGreaterThan(Date.now())

    // Once due again, a healthy engine applies it.
    await prisma.job.update({ where: { id: failed.id }, data: { runAt: new Date() } })
    const engine = await freshEngine()
    expect(await drain(prisma, searchQueueHandler(prisma, engine))).toBe(1)
    expect(await find(engine, '锂电池')).toEqual([need.id])

    await prisma.$transaction((tx) =>
      enqueueJobs(tx, [
        { queue: SEARCH_QUEUE, kind: 'index', payload: { index: 'needs', id: need.id }, maxAttempts: 1 },
      ]),
    )
    await expect(runOnce(prisma, searchQueueHandler(prisma, unreachable))).rejects.toThrow()
    expect(await prisma.job.count({ where: { status: 'FAILED' } })).toBe(1)
  })

  it('the background worker picks up new jobs without being asked', async () => {
    const org = await createOrganization()
    const engine = await freshEngine()
    const worker = startWorker(prisma, searchQueueHandler(prisma, engine), { pollMs: 50, log: () => {} })
    try {
      const need = await createNeedWithJob(org.id)
      for (let i = 0; i < 200 && (await find(engine, '锂电池')).length === 0; i++)
        await new Promise((r) => setTimeout(r, 50))
      expect(await find(engine, '锂电池')).toEqual([need.id])
    } finally {
      await worker.stop()
    }
  })
})

describe('stored match tokens', () => {
  it('keeps the matcher tokens with the vector, equal to segmenting the text, and renews them with the text', async () => {
    const org = await createOrganization()
    const engine = await freshEngine()
    const need = await createNeedWithJob(org.id, '污水深度处理膜分离')
    await drain(prisma, searchQueueHandler(prisma, engine))
    const embedder = await getEmbedder()
    const read = async () => (await storedListings(prisma, embedder, 'needs', [need.id])).get(need.id)
    const expected = (title: string) =>
      matchTokens(matchText('needs', { title, keywords: [], summary: '共沉淀工艺优化' }))
    expect((await read())?.tokens).toEqual(expected('污水深度处理膜分离'))

    await prisma.$transaction(async (tx) => {
      await tx.need.update({ where: { id: need.id }, data: { title: '蛋白酶发酵' } })
      await enqueueIndexing(tx, 'needs', [need.id])
    })
    await drain(prisma, searchQueueHandler(prisma, engine))
    const renewed = await read()
    expect(renewed?.tokens).toEqual(expected('蛋白酶发酵'))
    expect(renewed?.tokens?.primary).not.toContain('膜分离')
  })
})
