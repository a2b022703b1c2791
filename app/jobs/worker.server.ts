import {
  claimJobs,
  completeJobs,
  failJobs,
  onLocalEnqueue,
  releaseStaleJobs,
  renewLease,
  type ClaimedJob,
} from './queue.server'

/** How often a running batch renews its lease; jobs are stale after a minute without it. */
const LEASE_RENEW_MS = 15_000
import type { PrismaClient } from '~/generated/prisma/client'

export interface QueueHandler {
  queue: string
  /** Jobs claimed per round; the handler gets them together so it can batch its work. */
  batchSize: number
  /** Throws to retry every job of the batch; returns normally to complete them. */
  handle(jobs: ClaimedJob[]): Promise<void>
  /** How often a running batch renews its lease (15 s unless a test wants it sooner). */
  leaseRenewMs?: number
}

export interface WorkerOptions {
  pollMs?: number
  staleAfterMs?: number
  log?: (message: string) => void
}

/** Runs one round: claims a batch and handles it. Returns how many jobs it handled. */
export async function runOnce(db: PrismaClient, handler: QueueHandler): Promise<number> {
  const jobs = await claimJobs(db, handler.queue, handler.batchSize)
  if (jobs.length === 0) return 0
  // The lease is renewed while the batch runs; a worker that died stops renewing it, and its
  // jobs are released for another worker within a minute (releaseStaleJobs).
  const lease = setInterval(
    () =>
      void renewLease(
        db,
        jobs.map((j) => j.id),
      ).catch(() => {}),
    handler.leaseRenewMs ?? LEASE_RENEW_MS,
  )
  try {
    await handler.handle(jobs)
  } catch (error) {
    await failJobs(db, jobs, error)
    throw error
  } finally {
    clearInterval(lease)
  }
  await completeJobs(
    db,
    jobs.map((j) => j.id),
  )
  return jobs.length
}

/** Handles jobs until the queue has none due (used by tests, the CLI and after a rebuild). */
export async function drain(db: PrismaClient, handler: QueueHandler): Promise<number> {
  let total = 0
  for (let n = await runOnce(db, handler); n > 0; n = await runOnce(db, handler)) total += n
  return total
}

/**
 * A polling loop for one queue, woken early when this process enqueues. Errors are logged and
 * retried with backoff by the queue; the loop itself never dies.
 */
export function startWorker(db: PrismaClient, handler: QueueHandler, options: WorkerOptions = {}) {
  const pollMs = options.pollMs ?? 500
  const staleAfterMs = options.staleAfterMs ?? 60_000
  const log = options.log ?? ((m) => console.error(m))
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | null = null
  let again = false
  let lastStaleCheck = 0

  const tick = async () => {
    try {
      if (Date.now() - lastStaleCheck > staleAfterMs / 2) {
        lastStaleCheck = Date.now()
        const released = await releaseStaleJobs(db, handler.queue, staleAfterMs)
        if (released) log(`[${handler.queue}] released ${released} stale job(s)`)
      }
      while (!stopped && (await runOnce(db, handler)) > 0) {
        /* keep going while there is work */
      }
    } catch (error) {
      log(`[${handler.queue}] ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  const schedule = (delay: number) => {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(wake, delay)
  }

  function wake() {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = tick().finally(() => {
      running = null
      if (again) {
        again = false
        schedule(0)
      } else schedule(pollMs)
    })
  }

  const unsubscribe = onLocalEnqueue(() => schedule(0))
  schedule(0)
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      unsubscribe()
      await running
    },
  }
}
