import type { Embedder } from './port'
import { WordVectorEmbedder } from './word-vectors'

export * from './port'
export { WordVectorEmbedder, wordVectorTable } from './word-vectors'

/**
 * The process's embedder: the bundled word vectors. A sentence-embedding model is the planned
 * operator drop-in (docs/decisions/003-offline-semantic-matching.md); it plugs in here.
 */
export function createEmbedder(): Promise<Embedder> {
  return Promise.resolve(new WordVectorEmbedder())
}
