import { describe, expect, it } from 'vitest'
import { VectorIndex } from './vector-index'

const DIMENSIONS = 100

/** A deterministic unit vector per seed (a small linear congruential generator). */
function unitVector(seed: number): Float32Array {
  const v = new Float32Array(DIMENSIONS)
  let x = seed * 2654435761
  let norm = 0
  for (let d = 0; d < DIMENSIONS; d++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    v[d] = x / 2 ** 32 - 0.5
    norm += v[d] * v[d]
  }
  for (let d = 0; d < DIMENSIONS; d++) v[d] /= Math.sqrt(norm)
  return v
}

function filled(count: number) {
  const index = new VectorIndex(DIMENSIONS)
  for (let i = 0; i < count; i++) index.set(`doc-${i}`, unitVector(i + 1))
  return index
}

describe('VectorIndex.nearest', () => {
  it('scores every document exactly when there are few, honouring the floor, the filter and removals', () => {
    const index = filled(500)
    index.remove('doc-7')
    const query = unitVector(9999)
    const accept = (id: string) => !id.endsWith('3')
    const { top, total } = index.nearest(query, 20, 0.1, accept)
    const exact = Array.from({ length: 500 }, (_, i) => `doc-${i}`)
      .filter((id) => id !== 'doc-7' && accept(id))
      .map((id) => ({ id, similarity: index.similarity(id, query)! }))
      .filter((n) => n.similarity >= 0.1)
      .sort((a, b) => b.similarity - a.similarity)
    expect(total).toBe(exact.length)
    expect(top).toEqual(exact.slice(0, 20))
  })

  it('finds a stored document first when asked with its own vector, among more than it reranks', () => {
    const index = filled(3000)
    const { top } = index.nearest(unitVector(1234), 10, 0, () => true)
    expect(top[0].id).toBe('doc-1233')
    expect(top[0].similarity).toBeGreaterThan(0.99)
    for (let i = 1; i < top.length; i++) expect(top[i - 1].similarity).toBeGreaterThanOrEqual(top[i].similarity)
  })
})
