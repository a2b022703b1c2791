/**
 * The baseline every matcher must beat: cosine of character-bigram counts between the need's
 * text and each candidate's, over the whole suite (no dictionary, no vectors, no tuning).
 */
function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const clean = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')
  for (const part of clean.split(' ')) {
    for (let i = 0; i + 1 < part.length; i++) {
      const gram = part.slice(i, i + 2)
      counts.set(gram, (counts.get(gram) ?? 0) + 1)
    }
  }
  return counts
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0
  for (const [gram, n] of a) dot += n * (b.get(gram) ?? 0)
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0))
  const denominator = norm(a) * norm(b)
  return denominator === 0 ? 0 : dot / denominator
}

export class BigramBaseline {
  private readonly documents: Array<{ id: string; grams: Map<string, number> }>

  constructor(documents: Array<{ id: string; text: string }>) {
    this.documents = documents.map((d) => ({ id: d.id, grams: bigrams(d.text) }))
  }

  rank(query: string, k: number): string[] {
    const grams = bigrams(query)
    return this.documents
      .map((d) => ({ id: d.id, score: cosine(grams, d.grams) }))
      .filter((d) => d.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map((d) => d.id)
  }
}
