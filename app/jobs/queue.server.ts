import { randomUUID } from 'node:crypto'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'

/**
 * The job queue lives in PostgreSQL (the Job table), so any number of app servers share it.
 * Producers write jobs in the same transaction as the change they describe (a transactional
 * outbox); workers claim them with FOR UPDATE SKIP LOCKED, so each job runs once at a time.
 */
type Tx = Pick<Prisma.TransactionClient, 'job'>

export interface NewJob {
  queue: string
  kind: string
  payload: Prisma.InputJsonValue
  /** At most one pending job per key: a second enqueue while the first waits is a no-op. */
  dedupeKey?: string
  runAt?: Date
  maxAttempts?: number
}

export async function enqueueJobs(tx: Tx, jobs: NewJob[]): Promise<void> {
  if (jobs.length === 0) return
  // ON CONFLICT DO NOTHING also covers the partial unique index on pending dedupe keys.
  await tx.job.createMany({ data: jobs, skipDuplicates: true })
  notifyLocalWorkers()
}

export interface ClaimedJob {
  id: string
  kind: string
  payload: unknown
  attempts: number
  maxAttempts: number
}

export const WORKER_ID = `${process.pid}-${randomUUID().slice(0, 8)}`

/** Claims up to `limit` due jobs of a queue; they stay RUNNING until completed or failed. */
export async function claimJobs(db: PrismaClient, queue: string, limit: number): Promise<ClaimedJob[]> {
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET "status" = 'RUNNING', "lockedAt" = now(), "lockedBy" = ${WORKER_ID},
                     "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE "queue" = ${queue} AND "status" = 'PENDING' AND "runAt" <= now()
      ORDER BY "runAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "payload", "attempts", "maxAttempts"`
}

export async function completeJobs(db: PrismaClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await db.job.updateMany({
    where: { id: { in: ids }, status: 'RUNNING' },
    data: { status: 'DONE', completedAt: new Date(), lockedAt: null, lockedBy: null, lastError: null },
  })
}

/** Exponential backoff from 1 s up to 5 min; after maxAttempts the job is FAILED for an operator to see. */
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 300_000)
}

export async function failJobs(db: PrismaClient, jobs: ClaimedJob[], error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  for (const job of jobs) {
    const dead = job.attempts >= job.maxAttempts
    await db.job.updateMany({
      where: { id: job.id, status: 'RUNNING' },
      data: {
        status: dead ? 'FAILED' : 'PENDING',
        runAt: new Date(Date.now() + retryDelayMs(job.attempts)),
        lockedAt: null,
        lockedBy: null,
        lastError: message.slice(0, 2000),
      },
    })
  }
}

/**
 * Jobs whose worker died mid-run (process killed between claim and completion) go back to the
 * queue once their lock is older than `staleAfterMs`.
 */
/** The claiming worker is alive: its jobs' lease is renewed while a long batch runs. */
export async function renewLease(db: PrismaClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await db.job.updateMany({
    where: { id: { in: ids }, status: 'RUNNING', lockedBy: WORKER_ID },
    data: { lockedAt: new Date() },
  })
}

/** The error a job released from a lost worker carries, so pages can say it was interrupted. */
export const LOST_LOCK = 'worker lost its lock'

export async function releaseStaleJobs(db: PrismaClient, queue: string, staleAfterMs: number): Promise<number> {
  const stale = new Date(Date.now() - staleAfterMs)
  // A job that has used its attempts (a crash each time) stops for an operator to see.
  const exhausted = await db.$executeRaw`
    UPDATE "Job" SET "status" = 'FAILED', "lockedAt" = NULL, "lockedBy" = NULL, "lastError" = ${LOST_LOCK}
    WHERE "queue" = ${queue} AND "status" = 'RUNNING' AND "lockedAt" < ${stale} AND "attempts" >= "maxAttempts"`
  const { count } = await db.job.updateMany({
    where: { queue, status: 'RUNNING', lockedAt: { lt: stale } },
    data: { status: 'PENDING', lockedAt: null, lockedBy: null, lastError: LOST_LOCK },
  })
  return count + exhausted
}

/**
 * At shutdown, once the grace period is over: the jobs this process still holds go back to the
 * queue at once (marked interrupted), for another server, instead of after their lease expires.
 * Their work is transactional, so what the exit cuts off is rolled back.
 */
export async function releaseOwnJobs(db: PrismaClient): Promise<number> {
  const { count } = await db.job.updateMany({
    where: { status: 'RUNNING', lockedBy: WORKER_ID },
    data: { status: 'PENDING', lockedAt: null, lockedBy: null, lastError: LOST_LOCK, runAt: new Date() },
  })
  return count
}

type Wake = () => void
const localWakers = new Set<Wake>()

/** Lets a worker in this process start at once instead of at its next poll. */
export function onLocalEnqueue(wake: Wake): () => void {
  localWakers.add(wake)
  return () => localWakers.delete(wake)
}

function notifyLocalWorkers() {
  // After the caller's transaction commits the worker will find the job; waking it a little
  // later keeps it from polling before the commit.
  if (localWakers.size) setTimeout(() => localWakers.forEach((wake) => wake()), 20)
}
