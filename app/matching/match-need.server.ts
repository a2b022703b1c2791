import {
  cosine,
  matchText,
  visibilityFilter,
  type IndexName,
  type MatchTokens,
  type ExpertDocument,
  type ResultDocument,
  type SearchDocument,
  type SearchEngine,
} from '#search'
import { fieldNames } from './field-names.server'
import { assembleGroups, type ProposedGroup } from './groups'
import {
  EMPTY_TRACK_RECORD,
  scoreExpert,
  SEMANTIC_REASON_FROM,
  scoreResult,
  type NeedProfile,
  type Reason,
} from './score'
import { semanticPairs, WordVectorCache } from './semantic'
import { documentText, extractKeyTerms, type DocumentText } from './terms'
import { trackRecords } from './track-record.server'
import { corpusStats, embeddingText, getEmbedder, storedListings } from '~/search/vectors.server'
import type { PrismaClient } from '~/generated/prisma/client'
import type { MatchStatus } from '~/generated/prisma/enums'

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
  /** Cosine of the need's and the candidate's meaning, null when unknown. */
  similarity: number | null
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

export const CANDIDATES = 40
/** Weight of meaning against words in candidate retrieval (chosen on the real relevance set). */
export const SEMANTIC_RATIO = 0.5

// Segmenting candidates was most of a match's work: their tokens are stored with their vectors
// (app/search/vectors.server.ts). A listing indexed before that is segmented here, and the embedded
// engine hands back the same document object until the listing changes, so that is kept with it.
const segmented = new WeakMap<SearchDocument, DocumentText>()

export function documentTextOf(index: IndexName, document: SearchDocument, stored?: MatchTokens | null): DocumentText {
  const cached = segmented.get(document)
  if (cached) return cached
  const { primary, secondary } = matchText(index, document)
  const text = documentText(primary, secondary, stored ?? undefined)
  segmented.set(document, text)
  return text
}

async function loadNeed(db: PrismaClient, needId: string) {
  // Two statements at once rather than one with a relation (which Prisma runs one after the other).
  const [need, matches] = await Promise.all([
    db.need.findUnique({
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
      },
    }),
    // Stored PROPOSED rows carry no feedback; only accepts and declines move the ranking.
    db.match.findMany({
      where: { needId, status: { not: 'PROPOSED' } },
      select: { expertId: true, resultId: true, status: true },
    }),
  ])
  return need && { ...need, matches }
}

const PUBLIC = visibilityFilter({ kind: 'anonymous' })

/** Adds a "语义相近" reason to items whose meaning, more than their words, made the match. */
async function explainSemantics(
  items: Array<MatchItem & { words: string[] }>,
  terms: string[],
  cache: WordVectorCache,
) {
  for (const item of items) {
    if (item.similarity === null) continue
    const uncovered = terms.filter((t) => !item.matchedTerms.includes(t))
    const pairs = await semanticPairs(cache, uncovered, item.words)
    if (pairs.length) {
      const list = pairs.map((p) => `${p.needTerm} ≈ ${p.word}`)
      item.reasons.splice(item.matchedTerms.length ? 1 : 0, 0, {
        code: 'semantic',
        zh: `语义相近：${list.join('；')}`,
        en: `Close in meaning: ${list.join('; ')}`,
      })
    } else if (item.matchedTerms.length === 0 && item.similarity >= SEMANTIC_REASON_FROM.need) {
      const pct = Math.round(item.similarity * 100)
      item.reasons.unshift({ code: 'semantic', zh: `内容语义相近（${pct}%）`, en: `Similar in meaning (${pct}%)` })
    }
  }
}

/**
 * Need → experts, results or expert groups, each with a score, a confidence from 1 to 5 and the
 * reasons. Candidates come from hybrid search (the need's key terms and its meaning); the ranking
 * here adds field, region, maturity, cooperation mode, budget, track record and feedback.
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
  const embedder = await getEmbedder()
  const stats = await corpusStats(db, embedder)
  const terms = extractKeyTerms(need, { stats })
  const [needVector] = await embedder.embed([
    embeddingText('needs', { id: need.id, title: need.title, keywords: need.keywords, summary: need.summary }),
  ])
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
  const hasMeaning = needVector.some((v) => v !== 0)
  if (!q && !hasMeaning) return { ...base, items: [], groups: [], hidden: 0 }

  const statusOf = (id: string) => need.matches.find((m) => m.expertId === id || m.resultId === id)?.status ?? null

  const scoreCandidates = async (target: 'expert' | 'result') => {
    const index = target === 'expert' ? 'experts' : 'results'
    const response = await engine.search(index, {
      q,
      ...(hasMeaning ? { vector: Array.from(needVector), semanticRatio: SEMANTIC_RATIO } : {}),
      filter: [{ attribute: 'status', in: ['PUBLISHED'] }, ...PUBLIC],
      limit: CANDIDATES,
      matchingStrategy: 'last',
    })
    const candidates = response.hits.map((h) => ({
      id: h.document.id,
      organizationId: String(h.document.organizationId),
      hit: h,
    }))
    const ids = candidates.map((c) => c.id)
    const [tracks, stored] = await Promise.all([
      trackRecords(db, target, candidates, need.organizationId),
      storedListings(db, embedder, index, ids),
    ])
    return candidates.map(({ hit }) => {
      const track = tracks.get(hit.document.id) ?? EMPTY_TRACK_RECORD
      const listing = stored.get(hit.document.id)
      const vector = listing?.vector
      const text = documentTextOf(index, hit.document, listing?.tokens)
      const evidence = {
        documentText: text,
        engineScore: hit.score,
        similarity: vector && hasMeaning ? cosine(needVector, vector) : null,
      }
      const scored =
        target === 'expert'
          ? scoreExpert(profile, hit.document as ExpertDocument, evidence, track, names)
          : scoreResult(profile, hit.document as ResultDocument, evidence, track, names)
      const document = hit.document as ExpertDocument | ResultDocument
      return {
        kind: target,
        id: document.id,
        externalId: document.externalId,
        title: target === 'expert' ? (document as ExpertDocument).name : (document as ResultDocument).title,
        institution: document.institution,
        organizationId: document.organizationId,
        score: Math.round(scored.score * 1000) / 1000,
        confidence: scored.confidence,
        matchedTerms: scored.matchedTerms,
        similarity: evidence.similarity === null ? null : Math.round(evidence.similarity * 1000) / 1000,
        reasons: scored.reasons,
        status: statusOf(document.id),
        words: [...text.primaryWords],
        strongTerms: scored.strongTerms,
      }
    })
  }

  const words = new WordVectorCache(embedder)
  if (kind === 'groups') {
    const experts = (await scoreCandidates('expert')).filter((e) => e.status !== 'DECLINED')
    const aspects = terms.slice(0, 6)
    const aspectTerms = aspects.map((a) => a.term)
    // An aspect counts as covered only on strong evidence: the term in the expert's own
    // directions or keywords, or a word of theirs close in meaning.
    const covers = await Promise.all(
      experts.map(async (e) => {
        const lexical = aspectTerms.filter((t) => e.strongTerms.includes(t))
        const pairs = await semanticPairs(
          words,
          aspectTerms.filter((t) => !lexical.includes(t)),
          e.words,
          aspectTerms.length,
        )
        return [...lexical, ...pairs.map((p) => p.needTerm)]
      }),
    )
    const groups = assembleGroups(
      needId,
      aspects,
      experts.map((e, i) => ({
        id: e.id,
        externalId: e.externalId,
        name: e.title,
        institution: e.institution,
        organizationId: e.organizationId,
        score: e.score,
        covers: covers[i],
      })),
      Math.min(limit, 3),
    )
    const shown = groups.filter((g) => g.confidence >= minConfidence)
    return { ...base, items: [], groups: shown, hidden: groups.length - shown.length }
  }

  const all = (await scoreCandidates(kind === 'experts' ? 'expert' : 'result')).sort((a, b) => b.score - a.score)
  const shown = all.filter((m) => m.confidence >= minConfidence && (options.includeDeclined || m.status !== 'DECLINED'))
  const page = shown.slice(0, limit)
  await explainSemantics(page, base.terms, words)
  return {
    ...base,
    items: page.map(({ words: _words, strongTerms: _strong, ...item }) => item),
    groups: [],
    hidden: all.length - shown.length,
  }
}
