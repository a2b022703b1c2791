import { Prisma, type PrismaClient } from '~/generated/prisma/client'
import { getEnv } from '~/utils/env.server'
import { enqueueJobs } from './queue.server'
import type { QueueHandler } from './worker.server'

/**
 * The daily clean-up of the tables that only ever grow by the platform's own bookkeeping: expired
 * sessions, rate-limit windows long closed, idempotency keys past their promise, and finished
 * jobs. What people or the bureau may look back at (audit log, notifications, webhook delivery
 * log, failed jobs) is kept.
 */

export const HOUSEKEEPING_QUEUE = 'housekeeping'
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

export const RETENTION = {
  /** The API promises a retry under the same Idempotency-Key the first answer for 24 hours. */
  idempotencyKeyMs: DAY,
  /** Finished jobs, for looking into what a worker did lately. */
  doneJobMs: 14 * DAY,
} as const

/** Rows deleted per statement, so a first clean-up of a large table holds no long locks. */
const CHUNK = 5000

export interface Pruned {
  sessions: number
  rateLimits: number
  idempotencyKeys: number
  jobs: number
}

/** Deletes what has expired by `now`; safe to run on several servers at once. */
export async function pruneExpired(db: PrismaClient, now = new Date()): Promise<Pruned> {
  const env = getEnv()
  // A rate-limit row is dead once its window closed; the longest window is the sign-in one or the
  // registration hour. A day's margin leaves every open window alone.
  const rateBefore = new Date(now.getTime() - Math.max(DAY, env.LOGIN_RATE_WINDOW_SECONDS * 1000 + DAY))
  const keysBefore = new Date(now.getTime() - RETENTION.idempotencyKeyMs)
  const jobsBefore = new Date(now.getTime() - RETENTION.doneJobMs)
  return {
    sessions: await deleteInChunks(db, 'Session', 'id', Prisma.sql`"expiresAt" < ${now}`),
    rateLimits: await deleteInChunks(db, 'RateLimit', 'key', Prisma.sql`"windowStart" < ${rateBefore}`),
    idempotencyKeys: await deleteInChunks(db, 'IdempotencyKey', 'id', Prisma.sql`"createdAt" < ${keysBefore}`),
    jobs: await deleteInChunks(db, 'Job', 'id', Prisma.sql`"status" = 'DONE' AND "completedAt" < ${jobsBefore}`),
  }
}

/** Deletes a table's rows that match `where`, CHUNK rows a statement, by their key column. */
async function deleteInChunks(db: PrismaClient, table: string, key: string, where: Prisma.Sql) {
  // Table and key names come from the code above, never from input.
  const [t, k] = [Prisma.raw(`"${table}"`), Prisma.raw(`"${key}"`)]
  let total = 0
  for (;;) {
    const deleted =
      await db.$executeRaw`DELETE FROM ${t} WHERE ${k} IN (SELECT ${k} FROM ${t} WHERE ${where} LIMIT ${CHUNK})`
    total += deleted
    if (deleted < CHUNK) return total
  }
}

/** Queues the next clean-up (at most one pending, whatever the number of app servers). */
export function scheduleHousekeeping(db: PrismaClient, at = new Date()) {
  return enqueueJobs(db, [
    { queue: HOUSEKEEPING_QUEUE, kind: 'prune', payload: {}, runAt: at, dedupeKey: 'housekeeping:prune' },
  ])
}

/** The daily clean-up job, which queues the next one when done. */
export function housekeepingHandler(db: PrismaClient, log: (message: string) => void = console.log): QueueHandler {
  return {
    queue: HOUSEKEEPING_QUEUE,
    batchSize: 1,
    async handle(jobs) {
      if (jobs.some((job) => job.kind === 'prune')) {
        const pruned = await pruneExpired(db)
        log(`[housekeeping] pruned ${JSON.stringify(pruned)}`)
      }
      await scheduleHousekeeping(db, new Date(Date.now() + DAY))
    },
  }
}
