import type { IndexName } from '#search'
import { recordIndexChanges } from './feed.server'
import { SEARCH_QUEUE } from './sync.server'
import { enqueueJobs } from '~/jobs/queue.server'
import type { Prisma } from '~/generated/prisma/client'

/**
 * Records, in the caller's transaction, that these rows changed. The worker later loads their
 * current state and upserts or deletes the documents, so order and repetition do not matter and
 * a crash after commit loses nothing: the job is still there.
 */
export async function enqueueIndexing(
  tx: Pick<Prisma.TransactionClient, 'job' | 'indexChange' | '$executeRaw'>,
  index: IndexName,
  ids: string[],
) {
  // In slices: one statement for a 50,000-row import would hold the event loop for seconds
  // while it is built.
  for (let start = 0; start < ids.length; start += ENQUEUE_SLICE) {
    const slice = ids.slice(start, start + ENQUEUE_SLICE)
    // Every process's embedded index follows the feed; the job (one worker) does what must
    // happen once: the match refresh after the change is searchable.
    await recordIndexChanges(tx, index, slice)
    await enqueueJobs(
      tx,
      slice.map((id) => ({
        queue: SEARCH_QUEUE,
        kind: 'index',
        payload: { index, id },
        dedupeKey: `search:${index}:${id}`,
      })),
    )
  }
}

const ENQUEUE_SLICE = 1_000
