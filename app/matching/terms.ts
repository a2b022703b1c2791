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
  // The enterprise's own keywords and known domain terms weigh most; TF-IDF terms less and less.
  const weights: number[] = []
  for (const keyword of text.keywords ?? []) add(keyword)
  const body = `${text.title}。${text.title}。${text.summary}`
  for (const token of segment(body)) if (THESAURUS_CANONICAL.has(canonicalTerm(token))) add(token)
  while (weights.length < ordered.length) weights.push(1 - weights.length * 0.03)
  // TF-IDF terms weigh by their TF-IDF: a rare word ("氨氮") counts more than a common one ("数据").
  const extracted = keyTerms(body, limit * 2)
  const top = extracted[0]?.weight ?? 1
  for (const { term, weight } of extracted) {
    const before = ordered.length
    add(term)
    if (ordered.length > before) weights.push(Math.max(0.2, Math.min(0.7, (0.8 * weight) / top)))
  }
  return ordered.map((term, i) => ({ term, weight: weights[i] }))
}

/** The tokens a term contributes to matching (a keyword like "锂电池正极材料" gives several). */
export function termTokens(term: string): string[] {
  return [...new Set(tokenize(term))]
}

/** A document's tokens: `primary` from its title and keywords, `all` from every text field. */
export interface DocumentText {
  primary: Set<string>
  all: Set<string>
}

export function documentText(primary: string, secondary: string): DocumentText {
  const primaryTokens = new Set(tokenize(primary))
  return { primary: primaryTokens, all: new Set([...primaryTokens, ...tokenize(secondary)]) }
}

/**
 * Which key terms a document covers, weighted by where: a term counts fully when the document's
 * title or keywords have it (whole, as a synonym, or all its tokens), 0.7 when only its
 * description does, and partly when the document has some of its tokens.
 */
export function coverage(terms: KeyTerm[], text: DocumentText): { covered: KeyTerm[]; ratio: number } {
  let got = 0
  let total = 0
  const covered: KeyTerm[] = []
  const has = (set: Set<string>, term: string, tokens: string[]) =>
    set.has(canonicalTerm(term)) || tokens.every((t) => set.has(t))
  for (const term of terms) {
    const tokens = termTokens(term.term)
    total += term.weight
    if (has(text.primary, term.term, tokens)) {
      got += term.weight
      covered.push(term)
    } else if (has(text.all, term.term, tokens)) {
      got += term.weight * 0.7
      covered.push(term)
    } else {
      const hits = tokens.filter((t) => text.all.has(t)).length
      got += (term.weight * hits) / tokens.length / 3
    }
  }
  return { covered, ratio: total === 0 ? 0 : got / total }
}
