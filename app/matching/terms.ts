import { SYNONYM_GROUPS, canonicalTerm, keyTerms, segment, tokenize } from '../../search'

/** Meilisearch reads at most 10 query words; the matcher never sends more. */
export const MAX_QUERY_TERMS = 10

const THESAURUS_CANONICAL = new Set(SYNONYM_GROUPS.map((g) => g[0].toLowerCase()))

export interface KeyTerm {
  /** The word as shown to people (the canonical thesaurus form when there is one). */
  term: string
  /** 1 for the most important term, decreasing. */
  weight: number
}

/**
 * The need's key terms, most important first: the enterprise's own keywords, then domain terms the
 * thesaurus knows, then TF-IDF terms of the title (counted twice) and the description. A whole
 * description is never sent as a query.
 */
export function extractKeyTerms(
  text: { title: string; summary: string; keywords?: string[] },
  limit = MAX_QUERY_TERMS,
): KeyTerm[] {
  const seen = new Set<string>()
  const coveredTokens = new Set<string>()
  const ordered: string[] = []
  const add = (raw: string) => {
    const term = canonicalTerm(raw.trim())
    if (!term || seen.has(term) || ordered.length >= limit) return
    // A term whose tokens are all part of terms already chosen ("医疗" after "医疗影像设备") adds nothing.
    const tokens = tokenize(term)
    if (tokens.length === 0 || tokens.every((t) => coveredTokens.has(t))) return
    seen.add(term)
    tokens.forEach((t) => coveredTokens.add(t))
    ordered.push(term)
  }
  for (const keyword of text.keywords ?? []) add(keyword)
  const body = `${text.title}。${text.title}。${text.summary}`
  for (const token of segment(body)) if (THESAURUS_CANONICAL.has(canonicalTerm(token))) add(token)
  for (const term of keyTerms(body, limit * 2)) add(term)
  return ordered.map((term, i) => ({ term, weight: 1 / (1 + i * 0.15) }))
}

/** The tokens a term contributes to matching (a keyword like "锂电池正极材料" gives several). */
export function termTokens(term: string): string[] {
  return [...new Set(tokenize(term))]
}

/**
 * Which key terms a document covers: a term counts when all its tokens occur in the document,
 * half when some do.
 */
export function coverage(terms: KeyTerm[], documentTokens: Set<string>): { covered: KeyTerm[]; ratio: number } {
  let got = 0
  let total = 0
  const covered: KeyTerm[] = []
  for (const term of terms) {
    const tokens = termTokens(term.term)
    const hits = tokens.filter((t) => documentTokens.has(t)).length
    total += term.weight
    if (hits === tokens.length) {
      got += term.weight
      covered.push(term)
    } else if (hits > 0) got += (term.weight * hits) / tokens.length / 2
  }
  return { covered, ratio: total === 0 ? 0 : got / total }
}
