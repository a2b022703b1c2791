import { quantize } from './embedding/port'

/**
 * The embedded engine's vector side: every document's unit vector as int8, plus its signs as bits.
 * A query first ranks every document by the Hamming distance of the signs (four 32-bit words for
 * 100 dimensions, a few milliseconds for 100,000 documents), then scores only the closest
 * RERANK documents exactly. Scoring everything exactly took 25–40 ms at 120,000 documents on
 * this machine's cores (bench/search.ts); Meilisearch offers the same trade as `binaryQuantized`.
 */
const RERANK = 2000

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

export class VectorIndex {
  private data: Int8Array
  private bits: Uint32Array
  private readonly words: number
  private readonly ordinalById = new Map<string, number>()
  private ids: Array<string | null> = []
  private free: number[] = []

  constructor(readonly dimensions: number) {
    this.words = Math.ceil(dimensions / 32)
    this.data = new Int8Array(dimensions * 1024)
    this.bits = new Uint32Array(this.words * 1024)
  }

  private signBits(vector: ArrayLike<number>): Uint32Array {
    const bits = new Uint32Array(this.words)
    for (let d = 0; d < this.dimensions; d++) if (vector[d] > 0) bits[d >>> 5] |= 1 << (d & 31)
    return bits
  }

  get size(): number {
    return this.ordinalById.size
  }

  set(id: string, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions) {
      throw new Error(`Vector of ${vector.length} dimensions in an index of ${this.dimensions}`)
    }
    let ordinal = this.ordinalById.get(id)
    if (ordinal === undefined) {
      ordinal = this.free.pop() ?? this.ids.length
      if (ordinal === this.ids.length) this.ids.push(id)
      else this.ids[ordinal] = id
      this.ordinalById.set(id, ordinal)
    }
    if ((ordinal + 1) * this.dimensions > this.data.length) {
      const grown = new Int8Array(Math.max(this.data.length * 2, (ordinal + 1) * this.dimensions))
      grown.set(this.data)
      this.data = grown
      const grownBits = new Uint32Array((grown.length / this.dimensions) * this.words)
      grownBits.set(this.bits)
      this.bits = grownBits
    }
    this.data.set(quantize(vector), ordinal * this.dimensions)
    this.bits.set(this.signBits(vector), ordinal * this.words)
  }

  remove(id: string): void {
    const ordinal = this.ordinalById.get(id)
    if (ordinal === undefined) return
    this.ordinalById.delete(id)
    this.ids[ordinal] = null
    this.free.push(ordinal)
  }

  clear(): void {
    this.ordinalById.clear()
    this.ids = []
    this.free = []
  }

  /** Cosine of one stored document to a unit query vector, or null when it has no vector. */
  similarity(id: string, query: Float32Array): number | null {
    const ordinal = this.ordinalById.get(id)
    return ordinal === undefined ? null : this.dotAt(ordinal, query)
  }

  private dotAt(ordinal: number, query: Float32Array): number {
    const { data, dimensions } = this
    const base = ordinal * dimensions
    let sum = 0
    for (let d = 0; d < dimensions; d++) sum += data[base + d] * query[d]
    return sum / 127
  }

  /**
   * Documents whose cosine to `query` is at least `floor`, best first, at most `k`, among those
   * `accept` lets through; `total` counts those found among the RERANK closest by sign bits
   * (among all of them when there are no more than RERANK).
   */
  nearest(
    query: Float32Array,
    k: number,
    floor: number,
    accept: (id: string) => boolean,
  ): { top: Array<{ id: string; similarity: number }>; total: number } {
    const count = this.ids.length
    // Few enough documents are all scored exactly; otherwise only the closest by sign bits are.
    const closest = this.ordinalById.size > RERANK ? this.closestBySigns(query) : null
    const top: Array<{ id: string; similarity: number }> = []
    let total = 0
    for (let ordinal = 0; ordinal < count; ordinal++) {
      const id = this.ids[ordinal]
      if (id === null || (closest && closest.distance[ordinal] > closest.cutoff)) continue
      const similarity = this.dotAt(ordinal, query)
      if (similarity < floor || !accept(id)) continue
      total++
      top.push({ id, similarity })
    }
    top.sort((a, b) => b.similarity - a.similarity)
    return { top: top.slice(0, k), total }
  }

  /**
   * The Hamming distance of every live document's signs to the query's (255 for a free slot),
   * and the distance within which the RERANK closest lie.
   */
  private closestBySigns(query: Float32Array): { distance: Uint8Array; cutoff: number } {
    const count = this.ids.length
    const { words, bits } = this
    const target = this.signBits(query)
    const distance = new Uint8Array(count)
    const histogram = new Uint32Array(words * 32 + 2)
    for (let ordinal = 0; ordinal < count; ordinal++) {
      if (this.ids[ordinal] === null) {
        distance[ordinal] = 255
        continue
      }
      let d = 0
      const base = ordinal * words
      for (let w = 0; w < words; w++) d += popcount(bits[base + w] ^ target[w])
      distance[ordinal] = d
      histogram[d]++
    }
    let cutoff = 0
    for (let seen = 0; cutoff < histogram.length - 1 && seen + histogram[cutoff] < RERANK; cutoff++) {
      seen += histogram[cutoff]
    }
    return { distance, cutoff }
  }
}
