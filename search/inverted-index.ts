/**
 * A small in-memory inverted index with BM25 field weights, built for the embedded engine.
 *
 * Why by hand: on 100,000 generated results with our jieba tokens, MiniSearch 7.2 answered in
 * p95 ≈ 165 ms and FlexSearch 0.8 ranks by position with a result cap that filters silently
 * truncate (bench/engine-choice.ts, docs/decisions/002-embedded-search-engine.md). Scoring with
 * one accumulator array over at most a few dozen posting lists answers in a few milliseconds,
 * ranks like Meilisearch's first rule (documents matching more query words first) and filters
 * exactly.
 */
const K1 = 1.2
const B = 0.75
const COMMON_TERM_MIN_DOCS = 10_000
const COMMON_TERM_SHARE = 0.05

interface Posting {
  docs: number[]
  weights: number[]
}

export interface Scored {
  ordinal: number
  /** Bit i is set when query term i matched. */
  mask: number
  matched: number
  score: number
}

export class InvertedIndex<P = unknown> {
  private readonly postings = new Map<string, Posting>()
  private readonly ordinalById = new Map<string, number>()
  private ids: string[] = []
  private payloads: P[] = []
  private alive: boolean[] = []
  private readonly entriesPerOrdinal: number[] = []
  private liveCount = 0
  private deadEntries = 0
  private totalEntries = 0
  private readonly lengthSum: number[]
  private scores = new Float64Array(1024)
  private masks = new Uint32Array(1024)

  /** `fields` in priority order with their weights; `tokenize` is applied to every field value. */
  constructor(
    private readonly fields: Array<{ name: string; weight: number }>,
    private readonly tokenize: (text: string) => string[],
  ) {
    this.lengthSum = fields.map(() => 0)
  }

  get size(): number {
    return this.liveCount
  }

  /** Share of posting entries that belong to removed documents; compact when it grows large. */
  get garbageRatio(): number {
    return this.totalEntries === 0 ? 0 : this.deadEntries / this.totalEntries
  }

  idOf(ordinal: number): string {
    return this.ids[ordinal]
  }

  /** What the caller stored with the document (the engine keeps the document itself). */
  payloadOf(ordinal: number): P {
    return this.payloads[ordinal]
  }

  add(id: string, fieldTexts: string[], payload: P): void {
    this.remove(id)
    const ordinal = this.ids.length
    this.ids.push(id)
    this.payloads.push(payload)
    this.alive.push(true)
    this.ordinalById.set(id, ordinal)
    this.liveCount++
    if (ordinal >= this.scores.length) {
      const grown = new Float64Array(this.scores.length * 2)
      this.scores = grown
      this.masks = new Uint32Array(grown.length)
    }
    const weights = new Map<string, number>()
    this.fields.forEach((field, f) => {
      const tokens = this.tokenize(fieldTexts[f] ?? '')
      if (tokens.length === 0) return
      this.lengthSum[f] += tokens.length
      const average = this.lengthSum[f] / this.liveCount || 1
      const tf = new Map<string, number>()
      for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1)
      const norm = K1 * (1 - B + (B * tokens.length) / average)
      for (const [term, count] of tf) {
        const weight = (field.weight * (count * (K1 + 1))) / (count + norm)
        weights.set(term, (weights.get(term) ?? 0) + weight)
      }
    })
    for (const [term, weight] of weights) {
      let posting = this.postings.get(term)
      if (!posting) this.postings.set(term, (posting = { docs: [], weights: [] }))
      posting.docs.push(ordinal)
      posting.weights.push(weight)
      this.totalEntries++
    }
    this.entriesPerOrdinal.push(weights.size)
  }

  remove(id: string): boolean {
    const ordinal = this.ordinalById.get(id)
    if (ordinal === undefined) return false
    this.ordinalById.delete(id)
    this.alive[ordinal] = false
    this.liveCount--
    this.deadEntries += this.entriesPerOrdinal[ordinal] ?? 0
    return true
  }

  has(id: string): boolean {
    return this.ordinalById.has(id)
  }

  /**
   * Scores every live document that contains at least one of `terms` (or all of them when
   * `requireAll`) and that `accept` lets through. Returns the `k` best, ranked like Meilisearch's
   * first rule (more matched terms first, then BM25), and how many matched in all. `visit` sees
   * every accepted document (for facet counts). No object is allocated per matching document.
   */
  search(
    terms: string[],
    requireAll: boolean,
    accept: (ordinal: number) => boolean,
    k: number,
    visit?: (ordinal: number) => void,
  ): { top: Scored[]; total: number; maxScore: number } {
    const unique = [...new Set(terms)].slice(0, 31)
    let touched = new Int32Array(256)
    let touchedCount = 0
    const n = Math.max(this.liveCount, 1)
    // Rarer terms first. On a large index, once rarer terms have found plenty of candidates, a
    // term in more than 5 % of all documents only adds to documents already found: it cannot lift
    // a document into the top on its own, and skipping its long posting list keeps queries fast
    // (a MaxScore-style shortcut). `total` then counts the documents the shortcut kept; with `visit`
    // (facets) every document is counted.
    const order = unique
      .map((term, i) => ({ term, i, posting: this.postings.get(term) }))
      .filter((t) => t.posting)
      .sort((a, b) => a.posting!.docs.length - b.posting!.docs.length)
    for (const { i, posting } of order) {
      const { docs, weights } = posting!
      const df = docs.length
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      const bit = 1 << i
      const onlyBoost = !visit && n >= COMMON_TERM_MIN_DOCS && df / n > COMMON_TERM_SHARE && touchedCount >= 4 * k
      for (let p = 0; p < df; p++) {
        const ordinal = docs[p]
        if (this.masks[ordinal] === 0) {
          if (onlyBoost) continue
          if (touchedCount === touched.length) {
            const grown = new Int32Array(touched.length * 2)
            grown.set(touched)
            touched = grown
          }
          touched[touchedCount++] = ordinal
        }
        this.masks[ordinal] |= bit
        this.scores[ordinal] += idf * weights[p]
      }
    }
    const allBits = (1 << unique.length) - 1
    // A min-heap of the k best keys; key = matched terms, then score (scores stay far below 1e6).
    const heapKeys = new Float64Array(Math.max(k, 1))
    const heapOrdinals = new Int32Array(Math.max(k, 1))
    const heapMasks = new Int32Array(Math.max(k, 1))
    let heapSize = 0
    let total = 0
    let maxScore = 0
    for (let t = 0; t < touchedCount; t++) {
      const ordinal = touched[t]
      const mask = this.masks[ordinal]
      const score = this.scores[ordinal]
      this.masks[ordinal] = 0
      this.scores[ordinal] = 0
      if (!this.alive[ordinal]) continue
      if (requireAll && (mask & allBits) !== allBits) continue
      if (!accept(ordinal)) continue
      total++
      visit?.(ordinal)
      if (score > maxScore) maxScore = score
      if (k === 0) continue
      const key = popcount(mask) * 1e6 + score
      if (heapSize < k) {
        let i = heapSize++
        while (i > 0) {
          const parent = (i - 1) >> 1
          if (heapKeys[parent] <= key) break
          heapKeys[i] = heapKeys[parent]
          heapOrdinals[i] = heapOrdinals[parent]
          heapMasks[i] = heapMasks[parent]
          i = parent
        }
        heapKeys[i] = key
        heapOrdinals[i] = ordinal
        heapMasks[i] = mask
      } else if (key > heapKeys[0]) {
        let i = 0
        for (;;) {
          const left = 2 * i + 1
          if (left >= heapSize) break
          const right = left + 1
          const child = right < heapSize && heapKeys[right] < heapKeys[left] ? right : left
          if (heapKeys[child] >= key) break
          heapKeys[i] = heapKeys[child]
          heapOrdinals[i] = heapOrdinals[child]
          heapMasks[i] = heapMasks[child]
          i = child
        }
        heapKeys[i] = key
        heapOrdinals[i] = ordinal
        heapMasks[i] = mask
      }
    }
    const top: Scored[] = []
    for (let i = 0; i < heapSize; i++) {
      const mask = heapMasks[i]
      const matched = popcount(mask)
      top.push({ ordinal: heapOrdinals[i], mask, matched, score: heapKeys[i] - matched * 1e6 })
    }
    top.sort((a, b) => b.matched - a.matched || b.score - a.score)
    return { top, total, maxScore }
  }

  /** Every match, ranked. */
  query(terms: string[], requireAll: boolean, accept: (ordinal: number) => boolean): Scored[] {
    return this.search(terms, requireAll, accept, this.liveCount).top
  }
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
