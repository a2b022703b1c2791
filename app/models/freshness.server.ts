import { notifyOrganization } from './notifications.server'
import { enqueueJobs } from '~/jobs/queue.server'
import type { QueueHandler } from '~/jobs/worker.server'
import { enqueueIndexing } from '~/search/enqueue.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { beijingTodayAsDate } from '~/utils/time'
import { calendarDate } from '~/utils/format'
import { OPEN_NEED_STATUSES } from './need-states'

export const FRESHNESS_QUEUE = 'freshness'
const DAY = 24 * 60 * 60 * 1000

/** Queues the next daily sweep (at most one pending, whatever the number of app servers). */
export function scheduleFreshnessSweep(at = new Date()) {
  return enqueueJobs(prisma, [
    { queue: FRESHNESS_QUEUE, kind: 'sweep', payload: {}, runAt: at, dedupeKey: 'freshness:sweep' },
  ])
}

/**
 * Keeps the marketplace alive: a published need or result untouched for LISTING_STALE_DAYS is
 * flagged and its owner reminded; still untouched LISTING_EXPIRY_GRACE_DAYS after the reminder,
 * a need expires and a result is archived (both leave public search).
 */
export async function sweepStaleListings(now = new Date()) {
  const env = getEnv()
  const staleBefore = new Date(now.getTime() - env.LISTING_STALE_DAYS * DAY)
  const graceBefore = new Date(now.getTime() - env.LISTING_EXPIRY_GRACE_DAYS * DAY)
  const counts = { reminded: 0, expired: 0, deadlines: 0 }

  const staleNeeds = await prisma.need.findMany({
    where: { status: 'PUBLISHED', lastActivityAt: { lt: staleBefore }, staleRemindedAt: null },
    select: { id: true, title: true, organizationId: true },
  })
  const staleResults = await prisma.researchResult.findMany({
    where: { status: 'PUBLISHED', lastActivityAt: { lt: staleBefore }, staleRemindedAt: null },
    select: { id: true, title: true, organizationId: true },
  })
  for (const [kind, rows] of [
    ['need', staleNeeds],
    ['result', staleResults],
  ] as const) {
    for (const row of rows) {
      await prisma.$transaction(async (tx) => {
        if (kind === 'need') await tx.need.update({ where: { id: row.id }, data: { staleRemindedAt: now } })
        else await tx.researchResult.update({ where: { id: row.id }, data: { staleRemindedAt: now } })
        await notifyOrganization(
          tx,
          row.organizationId,
          'listingStale',
          { title: row.title },
          kind === 'need' ? `/needs/${row.id}` : '/office',
        )
      })
      counts.reminded++
    }
  }

  const expiringNeeds = await prisma.need.findMany({
    where: { status: 'PUBLISHED', staleRemindedAt: { lt: graceBefore }, lastActivityAt: { lt: staleBefore } },
    select: { id: true, title: true, organizationId: true },
  })
  for (const need of expiringNeeds) {
    await prisma.$transaction(async (tx) => {
      await tx.need.update({ where: { id: need.id }, data: { status: 'EXPIRED', closedAt: now } })
      await enqueueIndexing(tx, 'needs', [need.id])
      await recordAudit(tx, { action: 'need.expire', entityType: 'Need', entityId: need.id })
      await notifyOrganization(tx, need.organizationId, 'listingExpired', { title: need.title }, `/needs/${need.id}`)
    })
    counts.expired++
  }
  const expiringResults = await prisma.researchResult.findMany({
    where: { status: 'PUBLISHED', staleRemindedAt: { lt: graceBefore }, lastActivityAt: { lt: staleBefore } },
    select: { id: true, title: true, organizationId: true },
  })
  for (const result of expiringResults) {
    await prisma.$transaction(async (tx) => {
      await tx.researchResult.update({ where: { id: result.id }, data: { status: 'ARCHIVED' } })
      await enqueueIndexing(tx, 'results', [result.id])
      await recordAudit(tx, { action: 'result.expire', entityType: 'ResearchResult', entityId: result.id })
      await notifyOrganization(tx, result.organizationId, 'listingExpired', { title: result.title }, '/office')
    })
    counts.expired++
  }
  counts.deadlines = await remindNeedDeadlines(now)
  return counts
}

/**
 * A published need whose own deadline is NEED_DEADLINE_NOTICE_DAYS away or less: its enterprise
 * is told once (moving the deadline asks again), to update the need or extend it.
 */
export async function remindNeedDeadlines(now = new Date()) {
  const until = new Date(now.getTime() + getEnv().NEED_DEADLINE_NOTICE_DAYS * DAY)
  const due = await prisma.need.findMany({
    where: {
      status: { in: [...OPEN_NEED_STATUSES] },
      deadline: { gte: beijingTodayAsDate(now), lte: until },
      deadlineRemindedAt: null,
    },
    select: { id: true, title: true, organizationId: true, deadline: true },
  })
  for (const need of due) {
    await prisma.$transaction(async (tx) => {
      await tx.need.update({ where: { id: need.id }, data: { deadlineRemindedAt: now } })
      await notifyOrganization(
        tx,
        need.organizationId,
        'needDeadline',
        { title: need.title, date: need.deadline ? calendarDate(need.deadline) : '' },
        `/needs/${need.id}`,
      )
    })
  }
  return due.length
}

/** The owner says the listing is still current: the stale flag goes and the clock restarts. */
export async function confirmListingActive(
  actor: { userId: string; organizationId: string },
  kind: 'need' | 'result',
  id: string,
) {
  const data = { lastActivityAt: new Date(), staleRemindedAt: null }
  const where = { id, organizationId: actor.organizationId }
  const { count } =
    kind === 'need'
      ? await prisma.need.updateMany({ where, data })
      : await prisma.researchResult.updateMany({ where, data })
  if (count) {
    await recordAudit(prisma, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: `${kind}.confirmActive`,
      entityType: kind === 'need' ? 'Need' : 'ResearchResult',
      entityId: id,
    })
  }
  return count > 0
}

/** The daily sweep job, which queues the next one when done. */
export function freshnessHandler(): QueueHandler {
  return {
    queue: FRESHNESS_QUEUE,
    batchSize: 1,
    async handle(jobs) {
      for (const job of jobs) if (job.kind === 'sweep') await sweepStaleListings()
      await scheduleFreshnessSweep(new Date(Date.now() + DAY))
    },
  }
}
