import { cosine, type Embedder } from '#search'

/**
 * The semantic side of a match. Cosines of centred word-vector texts sit around 0 for unrelated pairs
 * and 0.4–0.8 for related ones (docs/decisions/003-offline-semantic-matching.md); `semanticEvidence`
 * maps that range onto [0, 1] so it can be blended with keyword coverage.
 */
export const UNRELATED_COSINE = 0.05
export const RELATED_COSINE = 0.55
/** Two words this close are worth naming in a reason ("酶工程 ≈ 蛋白酶"). */
export const WORD_PAIR_COSINE = 0.5

export function semanticEvidence(similarity: number | null): number {
  if (similarity === null) return 0
  return Math.max(0, Math.min(1, (similarity - UNRELATED_COSINE) / (RELATED_COSINE - UNRELATED_COSINE)))
}

export interface SemanticPair {
  needTerm: string
  word: string
  similarity: number
}

/** Embeds words once per match request, however many candidates mention them. */
export class WordVectorCache {
  private readonly vectors = new Map<string, Float32Array>()
  constructor(private readonly embedder: Embedder) {}

  async load(words: string[]): Promise<void> {
    const missing = [...new Set(words)].filter((w) => !this.vectors.has(w))
    if (missing.length === 0) return
    const vectors = await this.embedder.embed(missing)
    missing.forEach((w, i) => this.vectors.set(w, vectors[i]))
  }

  get(word: string): Float32Array | undefined {
    return this.vectors.get(word)
  }
}

/**
 * For need terms the candidate does not contain, the candidate's closest word, when close enough:
 * the evidence behind "语义相近" reasons. Best pairs first, each candidate word used once.
 */
export async function semanticPairs(
  cache: WordVectorCache,
  uncoveredTerms: string[],
  candidateWords: string[],
  limit = 3,
): Promise<SemanticPair[]> {
  const words = [...new Set(candidateWords)].filter((w) => w.length >= 2 && !uncoveredTerms.includes(w))
  if (uncoveredTerms.length === 0 || words.length === 0) return []
  await cache.load([...uncoveredTerms, ...words])
  const pairs: SemanticPair[] = []
  for (const needTerm of uncoveredTerms) {
    const a = cache.get(needTerm)
    if (!a) continue
    let best: SemanticPair | null = null
    for (const word of words) {
      if (word.includes(needTerm) || needTerm.includes(word)) continue
      const b = cache.get(word)
      if (!b) continue
      const similarity = cosine(a, b)
      if (similarity >= WORD_PAIR_COSINE && (!best || similarity > best.similarity))
        best = { needTerm, word, similarity }
    }
    if (best) pairs.push(best)
  }
  const used = new Set<string>()
  return pairs
    .sort((x, y) => y.similarity - x.similarity)
    .filter((p) => (used.has(p.word) ? false : (used.add(p.word), true)))
    .slice(0, limit)
}
