import os from 'node:os'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { IndexName, SearchEngine } from '#search'
import { syncDocuments } from './sync.server'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'

/**
 * The index change feed. Each embedded search index lives in one process's memory, so with
 * several app processes (WEB_CONCURRENCY, several servers) every one of them must apply every
 * change; the search outbox job, claimed by one worker, cannot do that alone.
 *
 * - Writers record an IndexChange row in the same transaction as the change and NOTIFY.
 * - The sequencer gives committed rows their `position`, one sequencer at a time (advisory
 *   lock), so positions become visible in increasing order: a reader that has seen position p
 *   will never later see a smaller one. (IDs from a sequence at insert time would not do: a
 *   transaction that took a smaller ID can commit after a larger one was read.)
 * - Each process follows from its own position, woken by LISTEN and polling as a fallback, and
 *   applies each change once (applying is idempotent anyway: a change reloads the row).
 * - A starting process takes its position before it rebuilds, so nothing committed between the
 *   rebuild's reads and the tail is lost.
 * - Processes record a heartbeat with their position; rows every live process passed are pruned.
 *
 * With Meilisearch there is one shared index and no feed: the outbox job is enough.
 */
const CHANNEL = 'index_changes'
const SEQUENCER_LOCK = 724_311_018
const BATCH = 1000
export const FEED_LIVE_SECONDS = 120

type Writer = Pick<Prisma.TransactionClient, 'indexChange' | '$executeRaw'>

/** Whether this deployment uses the feed: every process holds an embedded index. */
export const feedEnabled = () => !process.env.MEILI_HOST

/** Records changed listings for every process's index, in the caller's transaction. */
export async function recordIndexChanges(tx: Writer, index: IndexName, ids: string[]) {
  if (ids.length === 0 || !feedEnabled()) return
  await tx.indexChange.createMany({ data: ids.map((entityId) => ({ index, entityId })) })
  // Delivered at commit, and only if the transaction commits.
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, '')`
}

/** Numbers the committed changes that have no position yet, one sequencer at a time. */
export async function sequenceChanges(db: PrismaClient) {
  // Idle processes poll every second: a read on the partial index, no transaction, when nothing waits.
  const [waiting] = await db.$queryRaw<Array<{ any: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM "IndexChange" WHERE "position" IS NULL) AS any`
  if (!waiting?.any) return
  await db.$transaction(async (tx) => {
    // Waits for a sequencer running elsewhere: once it committed, what it numbered is visible,
    // so a caller that reads the feed next sees everything committed before it asked.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEQUENCER_LOCK})`
    await tx.$executeRaw`
      UPDATE "IndexChange" SET "position" = nextval('"IndexChange_position_seq"')
      WHERE "id" IN (SELECT "id" FROM "IndexChange" WHERE "position" IS NULL ORDER BY "id")`
  })
}

/** The feed's head: the highest position given so far (after sequencing what is committed). */
export async function feedHead(db: PrismaClient): Promise<bigint> {
  await sequenceChanges(db)
  const [row] = await db.$queryRaw<Array<{ head: bigint | null }>>`SELECT max("position") AS head FROM "IndexChange"`
  return row?.head ?? 0n
}

export interface FeedFollower {
  readonly processId: string
  position(): bigint
  /** Applies everything up to the head; resolves when this process's index has it. */
  catchUp(): Promise<number>
  heartbeat(): Promise<void>
  stop(): Promise<void>
}

/**
 * Follows the feed from `from` (taken before this process built its index) into `engine`.
 * `listen` connects to PostgreSQL for NOTIFY; the poll runs regardless, as the fallback.
 */
export async function followIndexFeed(
  db: PrismaClient,
  engine: SearchEngine,
  from: bigint,
  options: { listenUrl?: string; pollMs?: number; heartbeatMs?: number; processId?: string } = {},
): Promise<FeedFollower> {
  const processId = options.processId ?? `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`
  let position = from
  let running: Promise<number> | null = null
  let again = false
  let stopped = false

  const applyOnce = async () => {
    let applied = 0
    for (;;) {
      await sequenceChanges(db)
      const rows = await db.$queryRaw<Array<{ position: bigint; index: IndexName; entityId: string }>>`
        SELECT "position", "index", "entityId" FROM "IndexChange"
        WHERE "position" > ${position} ORDER BY "position" LIMIT ${BATCH}`
      if (rows.length === 0) break
      const byIndex = new Map<IndexName, string[]>()
      for (const r of rows) byIndex.set(r.index, [...(byIndex.get(r.index) ?? []), r.entityId])
      for (const [index, ids] of byIndex) await syncDocuments(db, engine, index, ids)
      position = rows[rows.length - 1].position
      applied += rows.length
      if (rows.length < BATCH) break
    }
    return applied
  }
  const catchUp = (): Promise<number> => {
    if (running) {
      // A change may have landed after the running pass read the feed: run once more after it.
      again = true
      return running.then(() => (again ? catchUp() : 0))
    }
    again = false
    running = applyOnce().finally(() => {
      running = null
    })
    return running
  }
  const heartbeat = async () => {
    await db.$executeRaw`
      INSERT INTO "AppProcess" ("id", "hostname", "pid", "engine", "position", "startedAt", "heartbeatAt")
      VALUES (${processId}, ${os.hostname()}, ${process.pid}, ${engine.kind}, ${position}, now(), now())
      ON CONFLICT ("id") DO UPDATE SET "position" = EXCLUDED."position", "heartbeatAt" = now()`
    await pruneFeed(db)
  }

  await heartbeat()
  await catchUp()

  let listener: pg.Client | null = null
  const listen = async () => {
    if (!options.listenUrl || stopped) return
    const client = new pg.Client({ connectionString: options.listenUrl })
    client.on('notification', () => void catchUp().catch(report))
    client.on('error', () => {
      listener = null
      if (!stopped) setTimeout(() => void listen(), 5000)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANNEL}`)
      listener = client
    } catch {
      await client.end().catch(() => {})
      if (!stopped) setTimeout(() => void listen(), 5000)
    }
  }
  await listen()
  const poll = setInterval(() => void catchUp().catch(report), options.pollMs ?? 1000)
  const beat = setInterval(() => void heartbeat().catch(report), options.heartbeatMs ?? 10_000)
  poll.unref()
  beat.unref()

  return {
    processId,
    position: () => position,
    catchUp,
    heartbeat,
    async stop() {
      stopped = true
      clearInterval(poll)
      clearInterval(beat)
      await running
      await listener?.end().catch(() => {})
      await db.$executeRaw`DELETE FROM "AppProcess" WHERE "id" = ${processId}`.catch(() => {})
    },
  }
}

function report(error: unknown) {
  console.error('[index feed]', error)
}

/** Drops changes every live process has applied, and processes gone for a day. */
export async function pruneFeed(db: PrismaClient) {
  await db.$executeRaw`
    DELETE FROM "IndexChange" WHERE "position" <= (
      SELECT min("position") FROM "AppProcess"
      WHERE "heartbeatAt" > now() - make_interval(secs => ${FEED_LIVE_SECONDS}))`
  await db.$executeRaw`DELETE FROM "AppProcess" WHERE "heartbeatAt" < now() - interval '1 day'`
}

export interface FeedProcess {
  id: string
  hostname: string
  pid: number
  engine: string
  position: bigint
  lag: number
  heartbeatAt: Date
  live: boolean
}

/** The processes following the feed, how far behind the head each is, and whether it is alive. */
export async function feedStatus(db: PrismaClient): Promise<{ head: bigint; processes: FeedProcess[] }> {
  // Read only (health checks call this often): the head as numbered so far.
  const [row] = await db.$queryRaw<Array<{ head: bigint | null }>>`SELECT max("position") AS head FROM "IndexChange"`
  const head = row?.head ?? 0n
  // Lag in changes still to apply (positions are increasing, not dense).
  const rows = await db.$queryRaw<Array<FeedProcess>>`
    SELECT p."id", p."hostname", p."pid", p."engine", p."position", p."heartbeatAt",
           p."heartbeatAt" > now() - make_interval(secs => ${FEED_LIVE_SECONDS}) AS live,
           (SELECT count(*)::int FROM "IndexChange" c WHERE c."position" > p."position") AS lag
    FROM "AppProcess" p ORDER BY p."startedAt", p."id"`
  return { head, processes: rows }
}

/** How old the oldest change this position has not applied is, in seconds (0 when caught up). */
export async function oldestUnappliedAge(db: PrismaClient, position: bigint): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ age: number | null }>>`
    SELECT extract(epoch FROM now() - min("createdAt"))::float AS age FROM "IndexChange"
    WHERE "position" > ${position} OR "position" IS NULL`
  return row?.age ?? 0
}
