import { createSearchEngine, type SearchEngine } from '#search'
import { reindexAll, searchQueueHandler, ensureIndexes } from './sync.server'
import { drain, startWorker } from '~/jobs/worker.server'
import { feedHead, followIndexFeed, type FeedFollower } from './feed.server'
import { databaseUrl, prisma, usingEmbeddedDatabase } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

declare global {
  var __searchEngine: SearchEngine | undefined
  var __searchReady: Promise<void> | undefined
  var __indexFeed: FeedFollower | undefined
}

/** This process's follower of the index feed, when it has an embedded index and serves requests. */
export const indexFeed = () => globalThis.__indexFeed

/** Brings this process's embedded index up to the feed's head (no-op without a follower). */
export async function catchUpIndexFeed() {
  await globalThis.__indexFeed?.catchUp()
}

/** The process's search engine: Meilisearch when MEILI_HOST is set, otherwise the embedded one. */
export function searchEngine(): SearchEngine {
  const env = getEnv()
  return (globalThis.__searchEngine ??= createSearchEngine({
    meiliHost: env.MEILI_HOST,
    meiliApiKey: env.MEILI_API_KEY,
    meiliIndexPrefix: env.MEILI_INDEX_PREFIX,
  }))
}

/**
 * Gets search ready in this process. Embedded: the index is built from PostgreSQL (it is not
 * persisted; the database is the source of truth), then pending outbox jobs are applied.
 * Meilisearch: settings are applied, and an empty index with rows in the database is filled.
 */
export function prepareSearch(options: { consumeOutbox: boolean; followFeed?: boolean }): Promise<void> {
  return (globalThis.__searchReady ??= (async () => {
    const engine = searchEngine()
    const handler = searchQueueHandler(prisma, engine)
    if (engine.kind === 'embedded') {
      // The feed position is taken before the rebuild reads anything: whatever commits from here
      // on is applied from the feed, whatever committed before is in the rebuild.
      const from = await feedHead(prisma)
      await reindexAll(prisma, engine)
      if (options.followFeed) {
        // The embedded database serves one process; LISTEN is for a real PostgreSQL shared by many.
        const listenUrl = usingEmbeddedDatabase ? undefined : databaseUrl
        globalThis.__indexFeed = await followIndexFeed(prisma, engine, from, { listenUrl })
      }
    } else {
      await ensureIndexes(engine)
      const empty = (await engine.count('results')) === 0 && (await prisma.researchResult.count()) > 0
      if (empty) await reindexAll(prisma, engine)
    }
    // An embedded index belongs to the app server; another process (the CLI) must leave the
    // outbox to it, or the server's index would miss those changes.
    if (options.consumeOutbox) await drain(prisma, handler)
  })())
}

/** Starts the outbox worker of this app server (the embedded engine needs it in the same process). */
export function startSearchWorker() {
  return startWorker(prisma, searchQueueHandler(prisma, searchEngine()), { pollMs: 250 })
}
