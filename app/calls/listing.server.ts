import { z } from 'zod'
import { visibilityFilter, type Filter } from '#search'
import type { NeedDocument } from '#search'
import { OPEN_NEED_STATUSES } from '~/models/need-states'
import { searchEngine } from '~/search/engine.server'
import { SEARCH_PAGE_SIZE, SEARCH_SEMANTIC_RATIO, viewerOf } from '~/search/listings.server'
import { getEmbedder } from '~/search/vectors.server'
import { platformNow } from '~/utils/clock.server'
import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'
import { CALL_REGION_GROUPS, CLOSING_WITHIN_DAYS, REWARD_BANDS } from '~/validation/calls'

const DAY_MS = 86_400_000

export const CallSearchSchema = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  page: z.coerce.number().int().min(1).max(250).catch(1).default(1),
  field: z.array(z.string().trim().min(1).max(20)).max(20).catch([]).default([]),
  region: z.array(z.enum(CALL_REGION_GROUPS)).max(5).catch([]).default([]),
  reward: z
    .enum(Object.keys(REWARD_BANDS) as [keyof typeof REWARD_BANDS])
    .optional()
    .catch(undefined),
  closing: z.enum(CLOSING_WITHIN_DAYS).optional().catch(undefined),
})
export type CallSearch = z.infer<typeof CallSearchSchema>

export function parseCallSearch(url: URL): CallSearch {
  return CallSearchSchema.parse({
    q: url.searchParams.get('q') ?? '',
    page: url.searchParams.get('page') ?? '1',
    field: url.searchParams.getAll('field'),
    region: url.searchParams.getAll('region'),
    reward: url.searchParams.get('reward') ?? undefined,
    closing: url.searchParams.get('closing') ?? undefined,
  })
}

/**
 * Open calls, found with the same engine and hybrid ranking as the listing search: a call is its
 * need's document with the call's deadline, reward and eligible regions (app/search/documents),
 * so it is found by the need's words and meaning. Closing soonest first when browsing.
 */
export async function searchCalls(params: CallSearch, user: SessionUser | null) {
  const now = await platformNow()
  const filter: Filter = [
    { attribute: 'status', in: [...OPEN_NEED_STATUSES] },
    { attribute: 'callOpen', in: [true] },
    { attribute: 'callDeadline', gte: now.getTime() },
    ...visibilityFilter(viewerOf(user)),
  ]
  if (params.field.length) filter.push({ attribute: 'fieldCodes', in: params.field })
  if (params.region.length) filter.push({ attribute: 'callRegionGroups', in: params.region })
  if (params.reward) filter.push({ attribute: 'callRewardMaxYuan', ...REWARD_BANDS[params.reward] })
  if (params.closing) filter.push({ attribute: 'callDeadline', lte: now.getTime() + Number(params.closing) * DAY_MS })
  let vector: number[] | undefined
  if (params.q) {
    const [embedded] = await (await getEmbedder()).embed([params.q])
    if (embedded.some((v) => v !== 0)) vector = Array.from(embedded)
  }
  const response = await searchEngine().search<NeedDocument>('needs', {
    q: params.q,
    filter,
    facets: ['fieldCodes', 'callRegionGroups'],
    ...(params.q
      ? { vector, semanticRatio: vector ? SEARCH_SEMANTIC_RATIO : undefined }
      : { sort: [{ attribute: 'callDeadline', direction: 'asc' as const }] }),
    limit: SEARCH_PAGE_SIZE,
    offset: (params.page - 1) * SEARCH_PAGE_SIZE,
    matchingStrategy: 'last',
  })
  const callIds = response.hits.map((h) => h.document.callId).filter((id): id is string => Boolean(id))
  const calls = await prisma.call.findMany({
    where: { id: { in: callIds }, status: 'PUBLISHED' },
    select: {
      id: true,
      title: true,
      statement: true,
      rewardMinFen: true,
      rewardMaxFen: true,
      districtFundingFen: true,
      deadline: true,
      eligibleRegionGroups: true,
      organization: { select: { name: true } },
      bundle: { select: { id: true, title: true } },
      need: { select: { fieldCode: true, field: { select: { nameZh: true, nameEn: true } } } },
      _count: { select: { proposals: { where: { status: { not: 'DRAFT' } } } } },
    },
  })
  const byId = new Map(calls.map((c) => [c.id, c]))
  return {
    total: response.total,
    facets: response.facets,
    calls: callIds.flatMap((id) => byId.get(id) ?? []),
  }
}
