/**
 * The search port: everything the application asks of a search engine. Two adapters implement it,
 * the embedded in-process engine (default) and Meilisearch (when MEILI_HOST is set); one contract
 * suite (tests/search/contract.ts) holds both to the same behaviour.
 */
export type IndexName = 'needs' | 'results' | 'experts'
export const INDEX_NAMES: readonly IndexName[] = ['needs', 'results', 'experts']

export type Scalar = string | number | boolean
export type FieldValue = Scalar | Scalar[] | null | undefined
export type SearchDocument = { id: string } & { [attribute: string]: FieldValue }

export interface IndexSettings {
  /** In priority order: a match in the first attribute outranks one in the second. */
  searchableAttributes: string[]
  filterableAttributes: string[]
  sortableAttributes: string[]
  /** Documents carry an embedding of this many dimensions in `VECTOR_ATTRIBUTE`. */
  vectorDimensions?: number
}

/**
 * Reserved attribute: the document's embedding, a unit vector computed by the app (Meilisearch's
 * `userProvided` embedder). Engines keep it for semantic search and never return it in hits.
 */
export const VECTOR_ATTRIBUTE = '_vector'
/** The embedder's name in Meilisearch's index settings. */
export const EMBEDDER_NAME = 'default'

/** One condition on one attribute. Array attributes match when any element matches. */
export type FilterClause =
  | { attribute: string; in: Scalar[] }
  | { attribute: string; notIn: Scalar[] }
  | { attribute: string; gte?: number; lte?: number }
/** All entries must hold; an entry that is an array holds when any of its clauses holds. */
export type Filter = Array<FilterClause | FilterClause[]>

/**
 * `last`: every query word counts, documents matching more words rank first and words are dropped
 * from the end when nothing matches them all (key terms are sent best first). `all`: only
 * documents with every word.
 */
export type MatchingStrategy = 'last' | 'all'

export interface SearchQuery {
  q: string
  filter?: Filter
  facets?: string[]
  /** Orders browsing (empty `q`); with a query, orders the matches instead of relevance. */
  sort?: Array<{ attribute: string; direction: 'asc' | 'desc' }>
  limit?: number
  offset?: number
  /** Attributes to return with highlight markers around matched words. */
  highlight?: string[]
  matchingStrategy?: MatchingStrategy
  /**
   * Hybrid search: the query's embedding. Documents are then ranked by a blend of the keyword
   * score and the cosine to this vector, and documents sharing no word with `q` but close in
   * meaning are found too. With an empty `q` the search is purely semantic.
   */
  vector?: number[]
  /** Weight of the semantic side in [0, 1]: 0 keyword only, 1 meaning only (Meilisearch's name). */
  semanticRatio?: number
}

export interface SearchHit<D extends SearchDocument = SearchDocument> {
  document: D
  /** Relevance in [0, 1], comparable only within one response. */
  score: number
  /** Attribute → text with HIGHLIGHT_PRE/HIGHLIGHT_POST around matched words. */
  highlights: Record<string, string>
}

export interface SearchResponse<D extends SearchDocument = SearchDocument> {
  hits: SearchHit<D>[]
  /**
   * Matching documents in total: estimated by Meilisearch; exact in the embedded engine when facets
   * are asked for or the index is small, otherwise a lower bound.
   */
  total: number
  facets: Record<string, Record<string, number>>
}

export const HIGHLIGHT_PRE = '\u0002'
export const HIGHLIGHT_POST = '\u0003'

export interface SearchEngine {
  readonly kind: 'embedded' | 'meilisearch'
  /** Creates the index if missing and applies its settings; waits until they are in force. */
  ensureIndex(index: IndexName, settings: IndexSettings): Promise<void>
  upsert(index: IndexName, documents: SearchDocument[]): Promise<void>
  delete(index: IndexName, ids: string[]): Promise<void>
  /** Removes every document, keeping the settings. */
  clear(index: IndexName): Promise<void>
  search<D extends SearchDocument = SearchDocument>(index: IndexName, query: SearchQuery): Promise<SearchResponse<D>>
  multiSearch(queries: Array<{ index: IndexName; query: SearchQuery }>): Promise<SearchResponse[]>
  count(index: IndexName): Promise<number>
}

export class SearchEngineError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
    this.name = 'SearchEngineError'
  }
}
