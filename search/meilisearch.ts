import { Meilisearch, type Settings, type Task } from 'meilisearch'
import { STOP_WORDS, meilisearchSynonyms } from './thesaurus'
import {
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  SearchEngineError,
  type Filter,
  type FilterClause,
  type IndexName,
  type IndexSettings,
  type Scalar,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
  type SearchResponse,
  EMBEDDER_NAME,
  VECTOR_ATTRIBUTE,
} from './port'

/** Documents per addDocuments call: Meilisearch indexes large batches far faster than small ones. */
export const MEILI_BATCH_SIZE = 5000
const TASK_TIMEOUT_MS = 120_000

function literal(value: Scalar): string {
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return JSON.stringify(value)
}

function clauseToString(clause: FilterClause): string {
  if ('in' in clause) return `${clause.attribute} IN [${clause.in.map(literal).join(', ')}]`
  if ('notIn' in clause) return `${clause.attribute} NOT IN [${clause.notIn.map(literal).join(', ')}]`
  const parts: string[] = []
  if (clause.gte !== undefined) parts.push(`${clause.attribute} >= ${clause.gte}`)
  if (clause.lte !== undefined) parts.push(`${clause.attribute} <= ${clause.lte}`)
  return parts.length > 1 ? `(${parts.join(' AND ')})` : (parts[0] ?? `${clause.attribute} EXISTS`)
}

/** Our filter as Meilisearch's array syntax: outer entries AND, inner arrays OR. */
export function toMeiliFilter(filter: Filter | undefined): Array<string | string[]> | undefined {
  if (!filter || filter.length === 0) return undefined
  return filter.map((entry) => (Array.isArray(entry) ? entry.map(clauseToString) : clauseToString(entry)))
}

/** Index settings as sent to Meilisearch: Chinese locale, thesaurus, stop words, ranking rules. */
export function toMeiliSettings(settings: IndexSettings): Settings {
  return {
    searchableAttributes: settings.searchableAttributes,
    filterableAttributes: settings.filterableAttributes,
    sortableAttributes: settings.sortableAttributes,
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
    stopWords: [...STOP_WORDS],
    synonyms: meilisearchSynonyms(),
    // `sort` first: skipped when a search sends no sort (relevance then decides), and "newest
    // first" with a query orders the matches by date, as the embedded engine does.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: 5000 },
    // Vectors are computed by the app and stored in PostgreSQL; Meilisearch only searches them.
    ...(settings.vectorDimensions
      ? { embedders: { [EMBEDDER_NAME]: { source: 'userProvided' as const, dimensions: settings.vectorDimensions } } }
      : {}),
  }
}

/** Our reserved vector attribute as Meilisearch's `_vectors`; null tells it the document has none. */
export function toMeiliDocument(document: SearchDocument): Record<string, unknown> {
  if (!(VECTOR_ATTRIBUTE in document)) return document
  const { [VECTOR_ATTRIBUTE]: vector, ...rest } = document
  return { ...rest, _vectors: { [EMBEDDER_NAME]: Array.isArray(vector) && vector.length ? vector : null } }
}

export function toMeiliSearchParams(query: SearchQuery) {
  return {
    filter: toMeiliFilter(query.filter),
    facets: query.facets,
    sort: query.sort?.map((s) => `${s.attribute}:${s.direction}`),
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
    attributesToHighlight: query.highlight,
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
    // Key terms are sent best first, so dropping words from the end keeps the important ones.
    matchingStrategy: query.matchingStrategy ?? 'last',
    locales: ['cmn' as const],
    showRankingScore: true,
    ...(query.vector
      ? { vector: query.vector, hybrid: { embedder: EMBEDDER_NAME, semanticRatio: query.semanticRatio ?? 0.5 } }
      : {}),
  }
}

/**
 * The Meilisearch adapter on the official client. Every write waits for its task and fails when
 * the task fails, so the outbox worker retries instead of believing a write that never happened.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const
  private readonly client: Meilisearch

  constructor(
    host: string,
    apiKey: string | undefined,
    private readonly prefix = '',
  ) {
    this.client = new Meilisearch({ host, apiKey })
  }

  private uid(index: IndexName): string {
    return `${this.prefix}${index}`
  }

  private check(task: Task): void {
    if (task.status !== 'succeeded') {
      const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status
      throw new SearchEngineError(
        `Meilisearch task ${task.uid} (${task.type}) ${reason}`,
        task.error?.code ?? 'task_failed',
      )
    }
  }

  async ensureIndex(index: IndexName, settings: IndexSettings): Promise<void> {
    const uid = this.uid(index)
    const created = await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS })
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') this.check(created)
    this.check(
      await this.client.index(uid).updateSettings(toMeiliSettings(settings)).waitTask({ timeout: TASK_TIMEOUT_MS }),
    )
  }

  async upsert(index: IndexName, documents: SearchDocument[]): Promise<void> {
    const target = this.client.index(this.uid(index))
    for (let start = 0; start < documents.length; start += MEILI_BATCH_SIZE) {
      const batch = documents.slice(start, start + MEILI_BATCH_SIZE).map(toMeiliDocument)
      this.check(await target.addDocuments(batch, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS }))
    }
  }

  async delete(index: IndexName, ids: string[]): Promise<void> {
    if (ids.length === 0) return
    this.check(await this.client.index(this.uid(index)).deleteDocuments(ids).waitTask({ timeout: TASK_TIMEOUT_MS }))
  }

  async clear(index: IndexName): Promise<void> {
    this.check(await this.client.index(this.uid(index)).deleteAllDocuments().waitTask({ timeout: TASK_TIMEOUT_MS }))
  }

  async count(index: IndexName): Promise<number> {
    return (await this.client.index(this.uid(index)).getStats()).numberOfDocuments
  }

  private toResponse<D extends SearchDocument>(raw: {
    hits: Array<Record<string, unknown>>
    estimatedTotalHits?: number
    totalHits?: number
    facetDistribution?: Record<string, Record<string, number>>
  }): SearchResponse<D> {
    return {
      hits: raw.hits.map((hit) => {
        const { _formatted, _rankingScore, _vectors, ...document } = hit as Record<string, unknown> & {
          _formatted?: Record<string, unknown>
          _rankingScore?: number
        }
        const highlights: Record<string, string> = {}
        for (const [attribute, value] of Object.entries(_formatted ?? {})) {
          if (attribute !== 'id') highlights[attribute] = Array.isArray(value) ? value.join(' ') : String(value ?? '')
        }
        return { document: document as D, score: _rankingScore ?? 0, highlights }
      }),
      total: raw.totalHits ?? raw.estimatedTotalHits ?? raw.hits.length,
      facets: raw.facetDistribution ?? {},
    }
  }

  async search<D extends SearchDocument = SearchDocument>(
    index: IndexName,
    query: SearchQuery,
  ): Promise<SearchResponse<D>> {
    const params = toMeiliSearchParams(query)
    const raw = await this.client.index(this.uid(index)).search(query.q, params)
    const response = this.toResponse<D>(raw)
    if (!query.highlight) for (const hit of response.hits) hit.highlights = {}
    return response
  }

  async multiSearch(queries: Array<{ index: IndexName; query: SearchQuery }>): Promise<SearchResponse[]> {
    const { results } = await this.client.multiSearch({
      queries: queries.map(({ index, query }) => ({
        indexUid: this.uid(index),
        q: query.q,
        ...toMeiliSearchParams(query),
      })),
    })
    return results.map((raw) => this.toResponse(raw))
  }
}
