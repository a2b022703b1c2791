import { cosine, visibilityFilter, type NeedDocument, type SearchEngine, type SearchViewer } from '#search'
import { fieldNames } from './field-names.server'
import { CANDIDATES, documentTextOf, SEMANTIC_RATIO } from './match-need.server'
import { confidenceOf, MODE_NAMES, SEMANTIC_REASON_FROM, type Reason } from './score'
import { semanticEvidence } from './semantic'
import { coverage, extractKeyTerms, type KeyTerm } from './terms'
import { corpusStats, embeddingText, getEmbedder, storedListings } from '~/search/vectors.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { OPEN_NEED_STATUSES } from '~/models/need-states'

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
  const embedder = await getEmbedder()
  const terms: KeyTerm[] = extractKeyTerms(text, { stats: await corpusStats(db, embedder) })
  const q = terms.map((t) => t.term).join(' ')
  const [offerVector] = await embedder.embed([
    offer.kind === 'result'
      ? embeddingText('results', { id: offer.id, title: text.title, keywords: text.keywords, abstract: text.summary })
      : embeddingText('experts', { id: offer.id, directions: text.title, keywords: text.keywords, bio: text.summary }),
  ])
  const hasMeaning = offerVector.some((v) => v !== 0)
  if (!q && !hasMeaning) return { terms: [], needs: [], enterprises: [] }
  const names = await fieldNames(db)
  const response = await engine.search<NeedDocument>('needs', {
    q,
    ...(hasMeaning ? { vector: Array.from(offerVector), semanticRatio: SEMANTIC_RATIO } : {}),
    filter: [{ attribute: 'status', in: [...OPEN_NEED_STATUSES] }, ...visibilityFilter(viewer)],
    limit: CANDIDATES,
  })
  const needListings = await storedListings(
    db,
    embedder,
    'needs',
    response.hits.map((h) => h.document.id),
  )
  const leads: NeedLead[] = response.hits.map((hit) => {
    const need = hit.document
    const listing = needListings.get(need.id)
    const { covered, ratio } = coverage(terms, documentTextOf('needs', need, listing?.tokens))
    const vector = listing?.vector
    const semantic = semanticEvidence(vector && hasMeaning ? cosine(offerVector, vector) : null)
    const sameField =
      need.fieldCode !== null &&
      fields.some((f) => need.fieldCodes.includes(f) || need.fieldCodes.includes(f.split('.')[0]))
    const sharedModes = need.cooperationModes.filter((m) => modes.includes(m))
    const text = 0.5 * (0.8 * ratio + 0.2 * hit.score) + 0.5 * semantic
    const score = Math.min(1, 0.8 * text + (sameField ? 0.15 : 0) + (sharedModes.length ? 0.05 : 0))
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
    if (semantic >= SEMANTIC_REASON_FROM.offer && covered.length === 0) {
      reasons.unshift({ code: 'semantic', zh: '内容语义相近', en: 'Similar in meaning' })
    }
    const confidence = confidenceOf(score, Math.max(ratio, semantic))
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
