import { EmbeddedSearchEngine } from './embedded'
import { MeilisearchEngine } from './meilisearch'
import type { SearchEngine } from './port'

export * from './port'
export * from './schema'
export { contentWords, keyTerms, matchText, matchTokens, segment, tokenize, type MatchTokens } from './text'
export { canonicalTerm, surfaceForms, SYNONYM_GROUPS } from './thesaurus'
export { EmbeddedSearchEngine } from './embedded'
export * from './embedding'
export { MeilisearchEngine } from './meilisearch'

export interface SearchConfig {
  meiliHost?: string
  meiliApiKey?: string
  /** Index uid prefix, so several environments can share one Meilisearch. */
  meiliIndexPrefix?: string
}

/** Meilisearch when a host is configured, otherwise the in-process engine. */
export function createSearchEngine(config: SearchConfig): SearchEngine {
  if (config.meiliHost) return new MeilisearchEngine(config.meiliHost, config.meiliApiKey, config.meiliIndexPrefix)
  return new EmbeddedSearchEngine()
}
