import { quantize } from './embedding/port'

/**
 * The embedded engine's vector side: every document's unit vector as int8 in one growable buffer,
 * searched exhaustively. At 100,000 documents of 100 dimensions that is ten million multiply-adds a
 * query, a few milliseconds, with exact answers and no index to tune (bench/search.ts measures it).
 */
export class VectorIndex {
  private data: Int8Array
  private readonly ordinalById = new Map<string, number>()
  private ids: Array<string | null> = []
  private free: number[] = []

  constructor(readonly dimensions: number) {
    this.data = new Int8Array(dimensions * 1024)
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
    }
    this.data.set(quantize(vector), ordinal * this.dimensions)
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
   * `accept` lets through; `total` counts all of them.
   */
  nearest(
    query: Float32Array,
    k: number,
    floor: number,
    accept: (id: string) => boolean,
  ): { top: Array<{ id: string; similarity: number }>; total: number } {
    const top: Array<{ id: string; similarity: number }> = []
    let total = 0
    let worst = -Infinity
    for (let ordinal = 0; ordinal < this.ids.length; ordinal++) {
      const id = this.ids[ordinal]
      if (id === null) continue
      const similarity = this.dotAt(ordinal, query)
      if (similarity < floor || !accept(id)) continue
      total++
      if (top.length < k) {
        top.push({ id, similarity })
        if (top.length === k) {
          top.sort((a, b) => b.similarity - a.similarity)
          worst = top[k - 1].similarity
        }
      } else if (similarity > worst) {
        top[k - 1] = { id, similarity }
        for (let i = k - 1; i > 0 && top[i].similarity > top[i - 1].similarity; i--) {
          ;[top[i], top[i - 1]] = [top[i - 1], top[i]]
        }
        worst = top[k - 1].similarity
      }
    }
    return { top: top.sort((a, b) => b.similarity - a.similarity), total }
  }
}
