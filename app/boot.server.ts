import { applyMigrations } from '../prisma/schema-engine'
import { webhookJobsHandler } from '~/webhooks/deliveries.server'
import { seedDatabase } from '../prisma/seed/seed'
import { databaseUrl, prisma, usingEmbeddedDatabase } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { catchUpIndexFeed, prepareSearch, searchEngine, startSearchWorker } from '~/search/engine.server'
import { startWorker } from '~/jobs/worker.server'
import { emailJobsHandler } from '~/mail/mailer.server'
import { enqueueMatchRefresh, matchesQueueHandler } from '~/matching/refresh.server'
import { introductionJobsHandler } from '~/introductions/jobs.server'
import { callJobsHandler } from '~/calls/jobs.server'
import { importJobsHandler } from '~/imports/batches.server'
import { freshnessHandler, scheduleFreshnessSweep } from '~/models/freshness.server'
import { housekeepingHandler, scheduleHousekeeping } from '~/jobs/housekeeping.server'
import { OPEN_NEED_STATUSES } from '~/models/need-states'

/**
 * Runs once per server process before the first request: applies pending migrations (the
 * schema engine serialises concurrent servers with an advisory lock), gives the embedded
 * default its demo data on first start, gets search ready and starts the outbox worker.
 */
export async function bootServer() {
  getEnv()
  if (process.env.SKIP_MIGRATIONS !== '1') {
    const applied = await applyMigrations(databaseUrl)
    if (applied.length) console.log(`applied migrations: ${applied.join(', ')}`)
  }
  const wantsSeed = process.env.SEED_DEMO_DATA ? process.env.SEED_DEMO_DATA === '1' : usingEmbeddedDatabase
  if (wantsSeed && (await prisma.user.count()) === 0) {
    console.log('empty database: loading demo data…')
    await seedDatabase(prisma, (m) => console.log(`  ${m}`))
    // The seed writes no outbox rows; ask for the demo needs' stored matches once.
    const open = await prisma.need.findMany({
      where: { status: { in: [...OPEN_NEED_STATUSES] } },
      select: { id: true },
    })
    await enqueueMatchRefresh(
      prisma,
      'needs',
      open.map((n) => n.id),
    )
  }
  const started = Date.now()
  await prepareSearch({ consumeOutbox: true, followFeed: true })
  console.log(`search ready (${searchEngine().kind}) in ${Date.now() - started} ms`)
  if (!workersStarted) startWorkers()
}

const workers: Array<{ stop(): Promise<void> }> = []
let workersStarted = false

function startWorkers() {
  workersStarted = true
  // The embedded index lives in this process, so this process must apply its outbox.
  if (getEnv().RUN_WORKERS === '1' || searchEngine().kind === 'embedded') {
    workers.push(startSearchWorker())
    workers.push(startWorker(prisma, matchesQueueHandler(prisma, searchEngine(), catchUpIndexFeed), { pollMs: 2000 }))
  }
  // Reminders, expiry, imports, e-mail: any app server may run them (jobs are claimed once).
  if (getEnv().RUN_WORKERS === '1') {
    workers.push(startWorker(prisma, introductionJobsHandler(), { pollMs: 5000 }))
    workers.push(startWorker(prisma, callJobsHandler(), { pollMs: 5000 }))
    workers.push(startWorker(prisma, webhookJobsHandler(), { pollMs: 2000 }))
    // A long import renews its lease; a crashed one is taken up again within a minute.
    workers.push(startWorker(prisma, importJobsHandler(), { pollMs: 1000, staleAfterMs: 60_000 }))
    scheduleFreshnessSweep().catch((error: unknown) => console.error('[freshness] not scheduled:', error))
    workers.push(startWorker(prisma, freshnessHandler(), { pollMs: 60_000 }))
    scheduleHousekeeping(prisma).catch((error: unknown) => console.error('[housekeeping] not scheduled:', error))
    workers.push(startWorker(prisma, housekeepingHandler(prisma), { pollMs: 60_000 }))
    if (getEnv().SMTP_URL) workers.push(startWorker(prisma, emailJobsHandler(prisma), { pollMs: 2000 }))
  }
}

/** Stops this process's background workers, letting running jobs finish (shutdown, tests). */
export async function stopWorkers() {
  await Promise.all(workers.splice(0).map((w) => w.stop()))
  await globalThis.__indexFeed?.stop()
  globalThis.__indexFeed = undefined
}
