import {
  visibilityFilter,
  type ExpertDocument,
  type NeedDocument,
  type ResultDocument,
  type SearchDocument,
  type SearchEngine,
  type SearchViewer,
} from '../../search'
import { assembleGroups, type ProposedGroup } from './groups'
import {
  EMPTY_TRACK_RECORD,
  MODE_NAMES,
  scoreExpert,
  scoreResult,
  type NeedProfile,
  type Reason,
  type TrackRecord,
} from './score'
import { coverage, documentText, extractKeyTerms, type DocumentText, type KeyTerm } from './terms'
import { COUNTED_STATUSES } from '~/models/contracts.server'
import { recordAudit } from '~/utils/audit.server'
import type { PrismaClient } from '~/generated/prisma/client'
import type { DeclineReason, MatchStatus } from '~/generated/prisma/enums'

export type MatchKind = 'experts' | 'results' | 'groups'

export interface MatchOptions {
  limit?: number
  /** Matches below this confidence are hidden; 3 by default, as the best marketplaces do. */
  minConfidence?: number
  /** Show matches the enterprise declined for this need (hidden by default). */
  includeDeclined?: boolean
}

export interface MatchItem {
  kind: 'expert' | 'result'
  id: string
  externalId: string | null
  title: string
  institution: string
  organizationId: string
  score: number
  confidence: number
  matchedTerms: string[]
  reasons: Reason[]
  /** Feedback already given on this match, if any. */
  status: MatchStatus | null
}

export interface NeedMatches {
  needId: string
  terms: string[]
  items: MatchItem[]
  groups: ProposedGroup[]
  /** Matches left out because of low confidence or earlier decline. */
  hidden: number
}

const CANDIDATES = 40

function textOf(document: SearchDocument, attributes: string[]): string {
  return attributes
    .map((a) => {
      const v = document[a]
      return Array.isArray(v) ? v.join(' ') : v == null ? '' : String(v)
    })
    .join(' ')
}

function documentTextOf(document: SearchDocument, primary: string[], secondary: string[]): DocumentText {
  return documentText(textOf(document, primary), textOf(document, secondary))
}

// The field taxonomy is reference data that changes with a migration, not at run time; each
// process keeps it for a minute instead of reading it for every match.
let fieldNameCache: { at: number; names: Map<string, string[]> } | null = null

async function fieldNames(db: PrismaClient): Promise<Map<string, string[]>> {
  if (fieldNameCache && Date.now() - fieldNameCache.at < 60_000) return fieldNameCache.names
  const fields = await db.techField.findMany({ select: { code: true, nameZh: true, nameEn: true } })
  const names = new Map(fields.map((f) => [f.code, [f.nameZh, f.nameEn]]))
  if (names.size) fieldNameCache = { at: Date.now(), names }
  return names
}

function responseRate(rows: Array<{ status: string; _count: number }>): number | null {
  const total = rows
    .filter((r) => r.status !== 'REQUESTED' && r.status !== 'WITHDRAWN')
    .reduce((s, r) => s + r._count, 0)
  if (total === 0) return null
  const answered = rows
    .filter((r) => r.status === 'ACCEPTED' || r.status === 'DECLINED')
    .reduce((s, r) => s + r._count, 0)
  return answered / total
}

/** Contracts, response rates and feedback for the candidates, in a handful of grouped queries. */
async function trackRecords(
  db: PrismaClient,
  kind: 'expert' | 'result',
  candidates: Array<{ id: string; organizationId: string }>,
  ownerOrganizationId: string,
): Promise<Map<string, TrackRecord>> {
  const ids = candidates.map((c) => c.id)
  const orgIds = [...new Set(candidates.map((c) => c.organizationId))]
  const idKey = kind === 'expert' ? 'expertId' : 'resultId'
  const [orgContracts, resultContracts, intros, feedback, ownerFeedback] = await Promise.all([
    db.contract.groupBy({
      by: ['sellerOrgId'],
      where: { sellerOrgId: { in: orgIds }, status: { in: [...COUNTED_STATUSES] } },
      _count: true,
    }),
    kind === 'result'
      ? db.contract.groupBy({
          by: ['resultId'],
          where: { resultId: { in: ids }, status: { in: [...COUNTED_STATUSES] } },
          _count: true,
        })
      : Promise.resolve([]),
    kind === 'expert'
      ? db.introduction.groupBy({ by: ['expertId', 'status'], where: { expertId: { in: ids } }, _count: true })
      : db.introduction.groupBy({
          by: ['targetOrgId', 'status'],
          where: { targetOrgId: { in: orgIds } },
          _count: true,
        }),
    db.match.groupBy({
      by: [idKey, 'status'],
      where: { [idKey]: { in: ids }, status: { in: ['ACCEPTED', 'DECLINED'] } },
      _count: true,
    }),
    db.match.findMany({
      where: {
        [idKey]: { in: ids },
        status: { in: ['ACCEPTED', 'DECLINED'] },
        need: { organizationId: ownerOrganizationId },
      },
      select: { expertId: true, resultId: true, status: true, feedbackReason: true },
    }),
  ])
  const orgContractCount = new Map(orgContracts.map((r) => [r.sellerOrgId, r._count]))
  const resultContractCount = new Map(resultContracts.map((r) => [r.resultId, r._count]))
  const records = new Map<string, TrackRecord>()
  for (const c of candidates) {
    const introRows = (intros as Array<Record<string, unknown> & { status: string; _count: number }>).filter((r) =>
      kind === 'expert' ? r.expertId === c.id : r.targetOrgId === c.organizationId,
    )
    const mine = (feedback as Array<Record<string, unknown> & { status: string; _count: number }>).filter(
      (r) => r[idKey] === c.id,
    )
    const own = ownerFeedback.filter((r) => r[idKey] === c.id)
    records.set(c.id, {
      ...EMPTY_TRACK_RECORD,
      contracts: (orgContractCount.get(c.organizationId) ?? 0) + (resultContractCount.get(c.id) ?? 0),
      responseRate: responseRate(introRows),
      accepted: mine.filter((r) => r.status === 'ACCEPTED').reduce((s, r) => s + r._count, 0),
      declined: mine.filter((r) => r.status === 'DECLINED').reduce((s, r) => s + r._count, 0),
      ownerAccepted: own.filter((r) => r.status === 'ACCEPTED').length,
      ownerDeclinedOutsideField: own.filter((r) => r.status === 'DECLINED' && r.feedbackReason === 'OUTSIDE_FIELD')
        .length,
    })
  }
  return records
}

async function loadNeed(db: PrismaClient, needId: string) {
  return db.need.findUnique({
    where: { id: needId },
    select: {
      id: true,
      title: true,
      summary: true,
      keywords: true,
      fieldCode: true,
      wantedStage: true,
      wantedTrlMin: true,
      cooperationModes: true,
      budgetMaxFen: true,
      organizationId: true,
      // Stored PROPOSED rows carry no feedback; only accepts and declines move the ranking.
      matches: { where: { status: { not: 'PROPOSED' } }, select: { expertId: true, resultId: true, status: true } },
    },
  })
}

const RESULT_TEXT: [string[], string[]] = [['title', 'keywords'], ['abstract']]
const EXPERT_TEXT: [string[], string[]] = [
  ['directions', 'keywords'],
  ['bio', 'title'],
]
const PUBLIC = visibilityFilter({ kind: 'anonymous' })

/**
 * Need → experts, results or expert groups, each with a score, a confidence from 1 to 5 and the
 * reasons. The search engine finds candidates from the need's key terms; the ranking here adds
 * field, region, maturity, cooperation mode, budget, track record and feedback.
 */
export async function matchNeed(
  db: PrismaClient,
  engine: SearchEngine,
  needId: string,
  kind: MatchKind,
  options: MatchOptions = {},
): Promise<NeedMatches | null> {
  const need = await loadNeed(db, needId)
  if (!need) return null
  const limit = options.limit ?? 10
  const minConfidence = options.minConfidence ?? 3
  const terms = extractKeyTerms(need)
  const profile: NeedProfile = {
    fieldCode: need.fieldCode,
    wantedStage: need.wantedStage,
    wantedTrlMin: need.wantedTrlMin,
    cooperationModes: need.cooperationModes,
    budgetMaxYuan: need.budgetMaxFen === null ? null : Number(need.budgetMaxFen / 100n),
    terms,
  }
  const names = await fieldNames(db)
  const q = terms.map((t) => t.term).join(' ')
  const base = { needId, terms: terms.map((t) => t.term) }
  if (!q) return { ...base, items: [], groups: [], hidden: 0 }

  const statusOf = (id: string) => need.matches.find((m) => m.expertId === id || m.resultId === id)?.status ?? null

  const scoreCandidates = async (target: 'expert' | 'result') => {
    const index = target === 'expert' ? 'experts' : 'results'
    const response = await engine.search(index, {
      q,
      filter: [{ attribute: 'status', in: ['PUBLISHED'] }, ...PUBLIC],
      limit: CANDIDATES,
      matchingStrategy: 'last',
    })
    const candidates = response.hits.map((h) => ({
      id: h.document.id,
      organizationId: String(h.document.organizationId),
      hit: h,
    }))
    const tracks = await trackRecords(db, target, candidates, need.organizationId)
    return candidates.map(({ hit }) => {
      const track = tracks.get(hit.document.id) ?? EMPTY_TRACK_RECORD
      const scored =
        target === 'expert'
          ? scoreExpert(
              profile,
              hit.document as ExpertDocument,
              documentTextOf(hit.document, ...EXPERT_TEXT),
              hit.score,
              track,
              names,
            )
          : scoreResult(
              profile,
              hit.document as ResultDocument,
              documentTextOf(hit.document, ...RESULT_TEXT),
              hit.score,
              track,
              names,
            )
      const document = hit.document as ExpertDocument | ResultDocument
      const item: MatchItem = {
        kind: target,
        id: document.id,
        externalId: document.externalId,
        title: target === 'expert' ? (document as ExpertDocument).name : (document as ResultDocument).title,
        institution: document.institution,
        organizationId: document.organizationId,
        score: Math.round(scored.score * 1000) / 1000,
        confidence: scored.confidence,
        matchedTerms: scored.matchedTerms,
        reasons: scored.reasons,
        status: statusOf(document.id),
      }
      return item
    })
  }

  if (kind === 'groups') {
    const experts = (await scoreCandidates('expert')).filter((e) => e.status !== 'DECLINED')
    const aspects = terms.slice(0, 6)
    const groups = assembleGroups(
      needId,
      aspects,
      experts.map((e) => ({
        id: e.id,
        externalId: e.externalId,
        name: e.title,
        institution: e.institution,
        organizationId: e.organizationId,
        score: e.score,
        covers: aspects.filter((a) => e.matchedTerms.includes(a.term)).map((a) => a.term),
      })),
      limit,
    )
    const shown = groups.filter((g) => g.confidence >= minConfidence)
    return { ...base, items: [], groups: shown, hidden: groups.length - shown.length }
  }

  const all = (await scoreCandidates(kind === 'experts' ? 'expert' : 'result')).sort((a, b) => b.score - a.score)
  const shown = all.filter((m) => m.confidence >= minConfidence && (options.includeDeclined || m.status !== 'DECLINED'))
  return { ...base, items: shown.slice(0, limit), groups: [], hidden: all.length - shown.length }
}

export interface NeedLead {
  needId: string
  title: string
  enterprise: string
  organizationId: string
  score: number
  confidence: number
  matchedTerms: string[]
  reasons: Reason[]
}

/**
 * Reverse matching: open needs an offer (a result or an expert) could answer, and the enterprises
 * behind them. Only what the viewer may see is searched; confidential details are never indexed.
 */
export async function matchOfferToNeeds(
  db: PrismaClient,
  engine: SearchEngine,
  offer: { kind: 'result'; id: string } | { kind: 'expert'; id: string },
  viewer: SearchViewer,
  options: { limit?: number; minConfidence?: number } = {},
): Promise<{
  terms: string[]
  needs: NeedLead[]
  enterprises: Array<{ organizationId: string; name: string; needs: number; bestScore: number }>
} | null> {
  const limit = options.limit ?? 10
  const minConfidence = options.minConfidence ?? 2
  let text: { title: string; summary: string; keywords: string[] }
  let fields: string[] = []
  let modes: string[] = []
  if (offer.kind === 'result') {
    const result = await db.researchResult.findUnique({ where: { id: offer.id } })
    if (!result) return null
    text = { title: result.title, summary: result.abstract, keywords: result.keywords }
    fields = result.fieldCode ? [result.fieldCode] : []
    modes = result.transferModes
  } else {
    const expert = await db.expert.findUnique({ where: { id: offer.id } })
    if (!expert) return null
    text = {
      title: expert.directions.join('，'),
      summary: expert.bio ?? '',
      keywords: [...expert.directions, ...expert.keywords],
    }
    fields = expert.fieldCodes
  }
  const terms: KeyTerm[] = extractKeyTerms(text)
  const q = terms.map((t) => t.term).join(' ')
  if (!q) return { terms: [], needs: [], enterprises: [] }
  const names = await fieldNames(db)
  const response = await engine.search<NeedDocument>('needs', {
    q,
    filter: [{ attribute: 'status', in: ['PUBLISHED', 'IN_PROGRESS'] }, ...visibilityFilter(viewer)],
    limit: CANDIDATES,
  })
  const leads: NeedLead[] = response.hits.map((hit) => {
    const need = hit.document
    const { covered, ratio } = coverage(terms, documentTextOf(need, ['title', 'keywords'], ['summary']))
    const sameField =
      need.fieldCode !== null &&
      fields.some((f) => need.fieldCodes.includes(f) || need.fieldCodes.includes(f.split('.')[0]))
    const sharedModes = need.cooperationModes.filter((m) => modes.includes(m))
    const score = Math.min(1, 0.7 * ratio + 0.15 * hit.score + (sameField ? 0.15 : 0) + (sharedModes.length ? 0.05 : 0))
    const reasons: Reason[] = []
    const matched = covered.map((t) => t.term)
    if (matched.length)
      reasons.push({
        code: 'terms',
        zh: `匹配关键词：${matched.slice(0, 6).join('、')}`,
        en: `Matching terms: ${matched.slice(0, 6).join(', ')}`,
      })
    if (sameField && need.fieldCode) {
      const [zh, en] = names.get(need.fieldCode) ?? [need.fieldCode, need.fieldCode]
      reasons.push({ code: 'field', zh: `同属${zh}领域`, en: `Same field: ${en}` })
    }
    if (sharedModes.length) {
      reasons.push({
        code: 'modes',
        zh: `企业接受的合作方式：${sharedModes.map((m) => MODE_NAMES[m]?.[0] ?? m).join('、')}`,
        en: `Accepted modes: ${sharedModes.map((m) => MODE_NAMES[m]?.[1] ?? m).join(', ')}`,
      })
    }
    const confidence = score >= 0.7 ? 5 : score >= 0.56 ? 4 : score >= 0.43 ? 3 : score >= 0.3 ? 2 : 1
    return {
      needId: need.id,
      title: need.title,
      enterprise: need.enterprise,
      organizationId: need.organizationId,
      score: Math.round(score * 1000) / 1000,
      confidence,
      matchedTerms: matched,
      reasons,
    }
  })
  const needs = leads.filter((l) => l.confidence >= minConfidence).sort((a, b) => b.score - a.score)
  const byEnterprise = new Map<string, { organizationId: string; name: string; needs: number; bestScore: number }>()
  for (const lead of needs) {
    const entry = byEnterprise.get(lead.organizationId) ?? {
      organizationId: lead.organizationId,
      name: lead.enterprise,
      needs: 0,
      bestScore: 0,
    }
    entry.needs++
    entry.bestScore = Math.max(entry.bestScore, lead.score)
    byEnterprise.set(lead.organizationId, entry)
  }
  return {
    terms: terms.map((t) => t.term),
    needs: needs.slice(0, limit),
    enterprises: [...byEnterprise.values()].sort((a, b) => b.bestScore - a.bestScore).slice(0, limit),
  }
}

export interface FeedbackInput {
  needId: string
  target: { kind: 'expert' | 'result'; id: string }
  decision: 'ACCEPTED' | 'DECLINED'
  reason?: DeclineReason
  note?: string
  userId: string
  organizationId: string
}

/**
 * Stores an accept/decline on a match (with the structured reason). Later rankings read it: a
 * declined match is hidden for that need, and the enterprise's feedback moves the candidate on
 * its other needs.
 */
export async function recordMatchFeedback(db: PrismaClient, engine: SearchEngine, input: FeedbackInput) {
  const kind = input.target.kind === 'expert' ? 'experts' : 'results'
  const current = await matchNeed(db, engine, input.needId, kind, {
    limit: CANDIDATES,
    minConfidence: 1,
    includeDeclined: true,
  })
  const item = current?.items.find((i) => i.id === input.target.id)
  const key = input.target.kind === 'expert' ? { expertId: input.target.id } : { resultId: input.target.id }
  const feedback = {
    status: input.decision,
    feedbackReason: input.decision === 'DECLINED' ? (input.reason ?? 'OTHER') : null,
    feedbackNote: input.note ?? null,
    feedbackById: input.userId,
    feedbackAt: new Date(),
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.match.findFirst({ where: { needId: input.needId, ...key }, select: { id: true } })
    const match = existing
      ? await tx.match.update({ where: { id: existing.id }, data: feedback })
      : await tx.match.create({
          data: {
            needId: input.needId,
            target: input.target.kind === 'expert' ? 'EXPERT' : 'RESULT',
            ...key,
            score: item?.score ?? 0,
            confidence: item?.confidence ?? 1,
            reasons: (item?.reasons ?? []) as unknown as object[],
            ...feedback,
          },
        })
    await recordAudit(tx, {
      actorId: input.userId,
      actorOrgId: input.organizationId,
      action: `match.${input.decision === 'ACCEPTED' ? 'accept' : 'decline'}`,
      entityType: 'Match',
      entityId: match.id,
      data: { needId: input.needId, ...key, reason: feedback.feedbackReason },
    })
    return match
  })
}
