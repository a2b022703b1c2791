import { z } from 'zod'
import { INDEX_NAMES, INDEX_SETTINGS, type IndexName, type SearchEngine } from '#search'
import { allIds, countRows, loadDocuments } from './documents.server'
import { attachVectors, deleteVectors, getEmbedder } from './vectors.server'
import { enqueueMatchRefresh } from '~/matching/refresh.server'
import type { QueueHandler } from '~/jobs/worker.server'
import type { PrismaClient } from '~/generated/prisma/client'

export const SEARCH_QUEUE = 'search'

const IndexJobPayload = z.object({
  index: z.enum(['needs', 'results', 'experts']),
  id: z.string().min(1),
})

/** Every index with its settings, sized for the process's embedder. */
export async function ensureIndexes(engine: SearchEngine): Promise<void> {
  const { dimensions } = await getEmbedder()
  for (const index of INDEX_NAMES) {
    await engine.ensureIndex(index, { ...INDEX_SETTINGS[index], vectorDimensions: dimensions })
  }
}

/** A page of documents with their vectors (stored ones reused, changed texts embedded and stored). */
async function loadIndexable(db: PrismaClient, index: IndexName, ids: string[]) {
  const documents = await loadDocuments(db, index, ids)
  const { computed } = await attachVectors(db, await getEmbedder(), index, documents)
  return { documents, computed }
}

/**
 * After many vectors were written at once, fresh statistics keep the planner on the primary key
 * for "these 40 listings' vectors" (without them it scanned every vector of the index: 15 ms
 * instead of well under 1 ms at 36,000 listings).
 */
const ANALYZE_AFTER = 1000

/** Brings the given rows' documents in line with the database: upsert what exists, delete the rest. */
export async function syncDocuments(db: PrismaClient, engine: SearchEngine, index: IndexName, ids: string[]) {
  const unique = [...new Set(ids)]
  const { documents } = await loadIndexable(db, index, unique)
  const present = new Set(documents.map((d) => d.id))
  const gone = unique.filter((id) => !present.has(id))
  if (documents.length) await engine.upsert(index, documents)
  if (gone.length) {
    await engine.delete(index, gone)
    await deleteVectors(db, index, gone)
  }
  return documents.filter((d) => d.status === 'PUBLISHED' || d.status === 'IN_PROGRESS').map((d) => d.id)
}

/** The worker side of the search outbox: one batch of jobs → one upsert/delete per index. */
export function searchQueueHandler(db: PrismaClient, engine: SearchEngine): QueueHandler {
  return {
    queue: SEARCH_QUEUE,
    batchSize: 500,
    async handle(jobs) {
      const byIndex = new Map<IndexName, string[]>()
      for (const job of jobs) {
        const parsed = IndexJobPayload.safeParse(job.payload)
        // A malformed payload can never succeed: complete it rather than retry it forever.
        if (!parsed.success) continue
        byIndex.set(parsed.data.index, [...(byIndex.get(parsed.data.index) ?? []), parsed.data.id])
      }
      for (const [index, ids] of byIndex) {
        const open = await syncDocuments(db, engine, index, ids)
        // Once searchable, the change may bring new matches: the matches queue works them out.
        await enqueueMatchRefresh(db, index, open)
      }
    },
  }
}

export interface ReindexProgress {
  index: IndexName
  done: number
  total: number
}

/**
 * Rebuilds every index from the database. Each index is emptied first, so documents of deleted
 * rows disappear too; pages of 2,000 rows are loaded and sent together. Stored vectors are reused:
 * only listings whose text changed since they were last embedded are embedded again.
 */
export async function reindexAll(
  db: PrismaClient,
  engine: SearchEngine,
  onProgress: (progress: ReindexProgress) => void = () => {},
  indexes: readonly IndexName[] = INDEX_NAMES,
): Promise<Record<IndexName, number>> {
  await ensureIndexes(engine)
  const counts = { needs: 0, results: 0, experts: 0 }
  let embedded = 0
  for (const index of indexes) {
    const total = await countRows(db, index)
    await engine.clear(index)
    onProgress({ index, done: 0, total })
    for await (const ids of allIds(db, index)) {
      const { documents, computed } = await loadIndexable(db, index, ids)
      embedded += computed
      await engine.upsert(index, documents)
      counts[index] += documents.length
      onProgress({ index, done: counts[index], total })
    }
  }
  if (embedded >= ANALYZE_AFTER) await db.$executeRaw`ANALYZE "ListingVector"`
  return counts
}
