import { z } from 'zod'
import type { SearchEngine } from '#search'
import { matchNeed, type MatchItem } from './match-need.server'
import { matchOfferToNeeds } from './match-offer.server'
import { SHOWN_CONFIDENCE } from './coverage.server'
import { enqueueJobs, type NewJob } from '~/jobs/queue.server'
import type { QueueHandler } from '~/jobs/worker.server'
import { notifyOrganization } from '~/models/notifications.server'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'
import { OPEN_NEED_STATUSES } from '~/models/need-states'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'

/**
 * Stored matches. The need page always ranks live; this queue keeps a Match row for each need's
 * ten best experts and results of any confidence, so the dashboard can say what is new since the
 * owner last looked, the enterprise is told about new matches shown by default (confidence 3+),
 * offices see the needs their results and experts match, and the bureau sees how well each need
 * is covered (coverage.server.ts). Jobs are enqueued by the search worker once a change is
 * searchable.
 */
export const MATCHES_QUEUE = 'matches'
const PER_KIND = 10
const OFFER_CHUNK = 100

const Payload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('need'), id: z.string().min(1) }),
  z.object({ kind: z.literal('offers'), index: z.enum(['results', 'experts']), ids: z.array(z.string().min(1)) }),
])

type Tx = Pick<Prisma.TransactionClient, 'job'>

export function needRefreshJob(needId: string): NewJob {
  return {
    queue: MATCHES_QUEUE,
    kind: 'need',
    payload: { kind: 'need', id: needId },
    dedupeKey: `matches:need:${needId}`,
  }
}

/** Asks for the stored matches of these listings to be brought up to date. */
export function enqueueMatchRefresh(tx: Tx, index: 'needs' | 'results' | 'experts', ids: string[]) {
  if (index === 'needs') return enqueueJobs(tx, ids.map(needRefreshJob))
  const jobs: NewJob[] = []
  for (let i = 0; i < ids.length; i += OFFER_CHUNK) {
    jobs.push({
      queue: MATCHES_QUEUE,
      kind: 'offers',
      payload: { kind: 'offers', index, ids: ids.slice(i, i + OFFER_CHUNK) },
    })
  }
  return enqueueJobs(tx, jobs)
}

/**
 * Ranks a published need's experts and results and stores the best of each. Feedback already
 * given is kept; only the score, confidence and reasons of existing rows move, and a row the
 * ranking no longer returns goes unless it carries feedback or an introduction. Returns how many
 * matches shown by default are new, and tells the enterprise when there are any.
 */
export async function refreshNeedMatches(db: PrismaClient, engine: SearchEngine, needId: string): Promise<number> {
  const need = await db.need.findUnique({
    where: { id: needId },
    select: { id: true, title: true, status: true, organizationId: true },
  })
  if (!need || (need.status !== 'PUBLISHED' && need.status !== 'IN_PROGRESS')) return 0
  const items: MatchItem[] = []
  for (const kind of ['experts', 'results'] as const) {
    const ranked = await matchNeed(db, engine, needId, kind, { limit: PER_KIND, minConfidence: 1 })
    items.push(...(ranked?.items ?? []))
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.match.findMany({
      where: { needId },
      select: { id: true, expertId: true, resultId: true },
    })
    const byTarget = new Map(existing.map((m) => [m.expertId ?? m.resultId ?? '', m.id]))
    const fresh = items.filter((i) => !byTarget.has(i.id))
    const created = await tx.match.createMany({
      data: fresh.map((i) => ({
        needId,
        target: i.kind === 'expert' ? ('EXPERT' as const) : ('RESULT' as const),
        expertId: i.kind === 'expert' ? i.id : null,
        resultId: i.kind === 'result' ? i.id : null,
        score: i.score,
        confidence: i.confidence,
        reasons: i.reasons as unknown as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    })
    const ranked = new Set(items.map((i) => i.id))
    const dropped = existing.filter((m) => !ranked.has(m.expertId ?? m.resultId ?? '')).map((m) => m.id)
    if (dropped.length) {
      await tx.match.deleteMany({
        where: { id: { in: dropped }, status: 'PROPOSED', introductions: { none: {} }, contracts: { none: {} } },
      })
    }
    for (const item of items) {
      const id = byTarget.get(item.id)
      if (!id) continue
      await tx.match.update({
        where: { id },
        data: {
          score: item.score,
          confidence: item.confidence,
          reasons: item.reasons as unknown as Prisma.InputJsonValue,
        },
      })
    }
    const shownItems = created.count === 0 ? [] : fresh.filter((i) => i.confidence >= SHOWN_CONFIDENCE)
    const shown = shownItems.length
    await emitNewMatches(tx, need, shownItems)
    if (shown > 0) {
      await notifyOrganization(
        tx,
        need.organizationId,
        'newMatches',
        { title: need.title, count: String(shown) },
        `/needs/${need.id}`,
      )
    }
    return shown
  })
}

/**
 * `match.created` for new matches shown by default: to the need's enterprise (all of them) and to
 * each institution (its own experts and results).
 */
async function emitNewMatches(
  tx: Prisma.TransactionClient,
  need: { id: string; organizationId: string },
  items: MatchItem[],
) {
  if (items.length === 0) return
  const view = (i: MatchItem) => ({ type: i.kind, id: i.id, externalId: i.externalId, confidence: i.confidence })
  await emitWebhookEvent(tx, [need.organizationId], 'match.created', { needId: need.id, matches: items.map(view) })
  for (const organizationId of new Set(items.map((i) => i.organizationId))) {
    if (organizationId === need.organizationId) continue
    const own = items.filter((i) => i.organizationId === organizationId)
    await emitWebhookEvent(tx, [organizationId], 'match.created', { needId: need.id, matches: own.map(view) })
  }
}

/** Open needs a changed offer may now match: each gets its own (deduplicated) refresh job. */
async function needsForOffers(
  db: PrismaClient,
  engine: SearchEngine,
  index: 'results' | 'experts',
  ids: string[],
): Promise<string[]> {
  const needIds = new Set<string>()
  for (const id of ids) {
    const leads = await matchOfferToNeeds(
      db,
      engine,
      { kind: index === 'results' ? 'result' : 'expert', id },
      { kind: 'anonymous' },
      { limit: 20, minConfidence: SHOWN_CONFIDENCE },
    )
    for (const lead of leads?.needs ?? []) needIds.add(lead.needId)
  }
  return [...needIds]
}

/**
 * `catchUp` brings this process's embedded index up to the index feed before ranking, so a
 * refresh asked for by another process's change sees that change here too.
 */
export function matchesQueueHandler(
  db: PrismaClient,
  engine: SearchEngine,
  catchUp: () => Promise<void> = async () => {},
): QueueHandler {
  return {
    queue: MATCHES_QUEUE,
    batchSize: 5,
    async handle(jobs) {
      await catchUp()
      for (const job of jobs) {
        const parsed = Payload.safeParse(job.payload)
        if (!parsed.success) continue
        if (parsed.data.kind === 'need') await refreshNeedMatches(db, engine, parsed.data.id)
        else
          await enqueueJobs(
            db,
            (await needsForOffers(db, engine, parsed.data.index, parsed.data.ids)).map(needRefreshJob),
          )
      }
    },
  }
}

export interface OfficeLead {
  needId: string
  title: string
  enterprise: string
  confidence: number
  reasons: Array<{ zh: string; en: string }>
  offers: Array<{ kind: 'expert' | 'result'; id: string; name: string }>
  matchedAt: Date
}

/**
 * An office's leads: open needs whose stored matches include the office's results or experts,
 * newest first, one entry per need with every offer of the office that matches it.
 */
export async function listOfficeLeads(db: PrismaClient, organizationId: string, limit = 30): Promise<OfficeLead[]> {
  const rows = await db.match.findMany({
    where: {
      confidence: { gte: SHOWN_CONFIDENCE },
      status: { not: 'DECLINED' },
      need: { status: { in: [...OPEN_NEED_STATUSES] } },
      OR: [{ result: { organizationId } }, { expert: { organizationId } }],
    },
    orderBy: [{ createdAt: 'desc' }, { score: 'desc' }],
    take: limit * 5,
    select: {
      needId: true,
      confidence: true,
      reasons: true,
      createdAt: true,
      need: { select: { title: true, organization: { select: { name: true } } } },
      expert: { select: { id: true, name: true } },
      result: { select: { id: true, title: true } },
    },
  })
  const leads = new Map<string, OfficeLead>()
  for (const row of rows) {
    const offer = row.expert
      ? { kind: 'expert' as const, id: row.expert.id, name: row.expert.name }
      : { kind: 'result' as const, id: row.result?.id ?? '', name: row.result?.title ?? '' }
    const lead = leads.get(row.needId)
    if (lead) {
      lead.offers.push(offer)
      if (row.confidence > lead.confidence) {
        lead.confidence = row.confidence
        lead.reasons = row.reasons as OfficeLead['reasons']
      }
      continue
    }
    if (leads.size >= limit) continue
    leads.set(row.needId, {
      needId: row.needId,
      title: row.need.title,
      enterprise: row.need.organization.name,
      confidence: row.confidence,
      reasons: row.reasons as OfficeLead['reasons'],
      offers: [offer],
      matchedAt: row.createdAt,
    })
  }
  return [...leads.values()]
}
