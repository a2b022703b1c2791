import { surfaceForms } from './thesaurus'
import { tokenize } from './text'
import { InvertedIndex } from './inverted-index'
import { VectorIndex } from './vector-index'
import { normalize } from './embedding/port'
import {
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  SearchEngineError,
  type FieldValue,
  type Filter,
  type FilterClause,
  type IndexName,
  type IndexSettings,
  type Scalar,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
  type SearchResponse,
  VECTOR_ATTRIBUTE,
} from './port'

/**
 * In hybrid search a document that shares no word with the query joins the results when its
 * cosine to the query is at least this (centred word-vector texts: unrelated pairs ≈ 0 ± 0.2, related 0.4–0.8).
 */
export const SEMANTIC_FLOOR = 0.3
const DEFAULT_SEMANTIC_RATIO = 0.5
/** Meilisearch's default `pagination.maxTotalHits` in our settings: sorted matches stop there too. */
const MAX_SORTED_MATCHES = 5000

/**
 * The embedded engine: an inverted index with BM25 field weights over jieba tokens with the
 * thesaurus folded in; documents kept in a Map so filters, facets and sorting run on exact values.
 * Chosen by measurement over MiniSearch and FlexSearch (docs/decisions/002-embedded-search-engine.md).
 * It lives in one process: the app server that owns it rebuilds it from PostgreSQL at start and
 * keeps it current from the outbox. Several app servers need Meilisearch.
 */
interface EmbeddedIndex {
  settings: IndexSettings
  documents: Map<string, SearchDocument>
  text: InvertedIndex<SearchDocument>
  vectors: VectorIndex | null
}

function fieldText(value: FieldValue): string {
  if (value == null) return ''
  return Array.isArray(value) ? value.join(' ') : String(value)
}

function clauseHolds(document: SearchDocument, clause: FilterClause): boolean {
  const raw = document[clause.attribute]
  const values: Scalar[] = raw == null ? [] : Array.isArray(raw) ? raw : [raw]
  if ('in' in clause) return values.some((v) => clause.in.includes(v))
  if ('notIn' in clause) return !values.some((v) => clause.notIn.includes(v))
  return values.some(
    (v) =>
      typeof v === 'number' &&
      (clause.gte === undefined || v >= clause.gte) &&
      (clause.lte === undefined || v <= clause.lte),
  )
}

/** How many documents carry each value of `attribute`, each document counted once per value. */
function countFacet(documents: SearchDocument[], attribute: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const document of documents) {
    const raw = document[attribute]
    if (raw == null) continue
    if (!Array.isArray(raw)) {
      const key = String(raw)
      counts[key] = (counts[key] ?? 0) + 1
      continue
    }
    for (let i = 0; i < raw.length; i++) {
      if (raw.indexOf(raw[i]) !== i) continue
      const key = String(raw[i])
      counts[key] = (counts[key] ?? 0) + 1
    }
  }
  return counts
}

export function filterHolds(document: SearchDocument, filter: Filter | undefined): boolean {
  if (!filter) return true
  return filter.every((entry) =>
    Array.isArray(entry) ? entry.some((c) => clauseHolds(document, c)) : clauseHolds(document, entry),
  )
}

function filterAttributes(filter: Filter | undefined): string[] {
  return (filter ?? []).flatMap((entry) => (Array.isArray(entry) ? entry : [entry]).map((c) => c.attribute))
}

/** Wraps every occurrence of any surface form of the matched terms in highlight markers. */
export function highlightText(text: string, terms: Iterable<string>): string {
  if (!text) return text
  const lower = text.toLowerCase()
  const ranges: Array<[number, number]> = []
  for (const term of terms) {
    for (const form of surfaceForms(term)) {
      if (!form) continue
      for (let at = lower.indexOf(form); at !== -1; at = lower.indexOf(form, at + form.length)) {
        ranges.push([at, at + form.length])
      }
    }
  }
  if (ranges.length === 0) return text
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  let out = ''
  let cursor = 0
  let open: [number, number] | null = null
  const merged: Array<[number, number]> = []
  for (const range of ranges) {
    if (open && range[0] <= open[1]) open[1] = Math.max(open[1], range[1])
    else {
      if (open) merged.push(open)
      open = [...range]
    }
  }
  if (open) merged.push(open)
  for (const [start, end] of merged) {
    out += text.slice(cursor, start) + HIGHLIGHT_PRE + text.slice(start, end) + HIGHLIGHT_POST
    cursor = end
  }
  return out + text.slice(cursor)
}

function compare(a: FieldValue, b: FieldValue): number {
  if (a == null && b == null) return 0
  if (a == null) return 1
  if (b == null) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), 'zh-CN')
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = 'embedded' as const
  private readonly indexes = new Map<IndexName, EmbeddedIndex>()

  private index(name: IndexName): EmbeddedIndex {
    const index = this.indexes.get(name)
    if (!index) throw new SearchEngineError(`Index ${name} does not exist`, 'index_not_found')
    return index
  }

  private newTextIndex(settings: IndexSettings): InvertedIndex<SearchDocument> {
    const attributes = settings.searchableAttributes
    // Priority order as weights: 3, 2.5, 2, … down to 1.
    const fields = attributes.map((name, i) => ({ name, weight: Math.max(1, 3 - i * 0.5) }))
    return new InvertedIndex<SearchDocument>(fields, tokenize)
  }

  /** Keeps the vector apart (int8, in the vector index) and the rest of the document as given. */
  private store(index: EmbeddedIndex, raw: SearchDocument): void {
    const { [VECTOR_ATTRIBUTE]: vector, ...document } = raw
    index.documents.set(document.id, document)
    this.addText(index, document)
    if (index.vectors && Array.isArray(vector) && vector.length) index.vectors.set(document.id, vector as number[])
  }

  private addText(index: EmbeddedIndex, document: SearchDocument): void {
    index.text.add(
      document.id,
      index.settings.searchableAttributes.map((attribute) => fieldText(document[attribute])),
      document,
    )
  }

  private compactIfNeeded(index: EmbeddedIndex): void {
    if (index.text.size < 1000 || index.text.garbageRatio < 0.3) return
    index.text = this.newTextIndex(index.settings)
    for (const document of index.documents.values()) this.addText(index, document)
  }

  async ensureIndex(name: IndexName, settings: IndexSettings): Promise<void> {
    const existing = this.indexes.get(name)
    if (existing && JSON.stringify(existing.settings) === JSON.stringify(settings)) return
    const dimensions = settings.vectorDimensions
    const vectors =
      existing?.vectors && existing.vectors.dimensions === dimensions
        ? existing.vectors
        : dimensions
          ? new VectorIndex(dimensions)
          : null
    const index: EmbeddedIndex = { settings, documents: new Map(), text: this.newTextIndex(settings), vectors }
    if (existing) {
      for (const document of existing.documents.values()) {
        index.documents.set(document.id, document)
        this.addText(index, document)
      }
    }
    this.indexes.set(name, index)
  }

  async upsert(name: IndexName, documents: SearchDocument[]): Promise<void> {
    const index = this.index(name)
    for (const document of documents) {
      if (typeof document.id !== 'string' || !document.id) {
        throw new SearchEngineError('Every document needs a string id', 'invalid_document_id')
      }
    }
    for (const document of documents) this.store(index, document)
    this.compactIfNeeded(index)
  }

  async delete(name: IndexName, ids: string[]): Promise<void> {
    const index = this.index(name)
    for (const id of ids) {
      if (index.documents.delete(id)) index.text.remove(id)
      index.vectors?.remove(id)
    }
    this.compactIfNeeded(index)
  }

  async clear(name: IndexName): Promise<void> {
    const index = this.index(name)
    index.documents.clear()
    index.text = this.newTextIndex(index.settings)
    index.vectors?.clear()
  }

  async count(name: IndexName): Promise<number> {
    return this.index(name).documents.size
  }

  async search<D extends SearchDocument = SearchDocument>(
    name: IndexName,
    query: SearchQuery,
  ): Promise<SearchResponse<D>> {
    const index = this.index(name)
    for (const attribute of [...filterAttributes(query.filter), ...(query.facets ?? [])]) {
      if (!index.settings.filterableAttributes.includes(attribute)) {
        throw new SearchEngineError(`Attribute ${attribute} is not filterable in ${name}`, 'invalid_search_filter')
      }
    }
    const limit = query.limit ?? 20
    const offset = query.offset ?? 0
    const q = query.q.trim()

    let ranked: Array<{ document: SearchDocument; score: number; terms: string[] }>
    let total: number
    let facetSource: SearchDocument[] | null = null
    const terms = q ? [...new Set(tokenize(q))] : []
    if (query.vector && index.vectors) {
      const hybrid = this.hybrid(index, terms, query, offset + limit)
      ranked = hybrid.ranked
      total = hybrid.total
      if (query.facets?.length) facetSource = hybrid.facetDocuments
    } else if (q) {
      const accept = query.filter
        ? (ordinal: number) => filterHolds(index.text.payloadOf(ordinal), query.filter)
        : () => true
      const facetDocuments: SearchDocument[] = []
      const {
        top,
        total: matches,
        maxScore,
      } = index.text.search(
        terms,
        query.matchingStrategy === 'all',
        accept,
        // Sorted matches need all of them (up to Meilisearch's own maxTotalHits), not the best few.
        query.sort?.length ? MAX_SORTED_MATCHES : offset + limit,
        query.facets?.length ? (ordinal) => facetDocuments.push(index.text.payloadOf(ordinal)) : undefined,
      )
      const scale = maxScore || 1
      total = matches
      if (query.facets?.length) facetSource = facetDocuments
      // Matched words first, then BM25; the score is monotonic with that order.
      ranked = top.map((s) => ({
        document: index.text.payloadOf(s.ordinal),
        score: (s.matched + s.score / scale / 2) / (terms.length + 0.5),
        terms: terms.filter((_, i) => s.mask & (1 << i)),
      }))
    } else {
      ranked = []
      for (const document of index.documents.values()) {
        if (filterHolds(document, query.filter)) ranked.push({ document, score: 1, terms: [] })
      }
      total = ranked.length
    }
    // Stable sorts, last key first: ties keep the relevance order.
    for (const { attribute, direction } of [...(query.sort ?? [])].reverse()) {
      if (!index.settings.sortableAttributes.includes(attribute)) {
        throw new SearchEngineError(`Attribute ${attribute} is not sortable in ${name}`, 'invalid_search_sort')
      }
      const sign = direction === 'asc' ? 1 : -1
      ranked.sort((a, b) => sign * compare(a.document[attribute], b.document[attribute]))
    }

    const facets: Record<string, Record<string, number>> = {}
    if (query.facets?.length) {
      const source = facetSource ?? ranked.map((r) => r.document)
      for (const attribute of query.facets) facets[attribute] = countFacet(source, attribute)
    }

    const hits = ranked.slice(offset, offset + limit).map(({ document, score, terms }) => {
      const highlights: Record<string, string> = {}
      for (const attribute of query.highlight ?? []) {
        highlights[attribute] = highlightText(fieldText(document[attribute]), terms)
      }
      return { document: document as D, score, highlights }
    })
    return { hits, total, facets }
  }

  /**
   * Keyword and semantic candidates, each scored by both sides and blended:
   * (1 − ratio) × keyword score + ratio × cosine. Keyword candidates come from BM25, semantic ones
   * from the exhaustive vector scan above SEMANTIC_FLOOR; filters hold on both.
   */
  private hybrid(index: EmbeddedIndex, terms: string[], query: SearchQuery, wanted: number) {
    const vectors = index.vectors!
    const ratio = Math.max(0, Math.min(1, query.semanticRatio ?? DEFAULT_SEMANTIC_RATIO))
    const target = normalize(Float32Array.from(query.vector!))
    const pool = Math.max(100, wanted * 2)
    const candidates = new Map<string, { document: SearchDocument; keyword: number; terms: string[] }>()
    // Facets count every match of either side; without facets nothing but the pools is kept.
    const wantFacets = Boolean(query.facets?.length)
    const facetIds = new Set<string>()
    const facetDocuments: SearchDocument[] = []
    const collect = (document: SearchDocument) => {
      if (!facetIds.has(document.id)) {
        facetIds.add(document.id)
        facetDocuments.push(document)
      }
    }
    let keywordTotal = 0
    if (terms.length && ratio < 1) {
      const accept = query.filter
        ? (ordinal: number) => filterHolds(index.text.payloadOf(ordinal), query.filter)
        : () => true
      const found = index.text.search(
        terms,
        query.matchingStrategy === 'all',
        accept,
        pool,
        wantFacets ? (ordinal) => collect(index.text.payloadOf(ordinal)) : undefined,
      )
      keywordTotal = found.total
      const scale = found.maxScore || 1
      for (const s of found.top) {
        const document = index.text.payloadOf(s.ordinal)
        candidates.set(document.id, {
          document,
          keyword: (s.matched + s.score / scale / 2) / (terms.length + 0.5),
          terms: terms.filter((_, i) => s.mask & (1 << i)),
        })
      }
    }
    let semanticOnly = 0
    const known = new Map<string, number>()
    if (ratio > 0) {
      const near = vectors.nearest(target, pool, SEMANTIC_FLOOR, (id) => {
        const document = index.documents.get(id)
        return document !== undefined && filterHolds(document, query.filter)
      })
      for (const { id, similarity } of near.top) {
        known.set(id, similarity)
        if (!candidates.has(id)) candidates.set(id, { document: index.documents.get(id)!, keyword: 0, terms: [] })
      }
      // An estimate, as Meilisearch's is: semantic neighbours the keyword side did not rank.
      semanticOnly = near.top.filter((n) => candidates.get(n.id)!.keyword === 0).length
      if (wantFacets) for (const { id } of near.top) collect(index.documents.get(id)!)
    }
    const ranked = [...candidates.values()]
      .map((c) => ({
        document: c.document,
        terms: c.terms,
        score:
          (1 - ratio) * c.keyword +
          ratio * Math.max(0, known.get(c.document.id) ?? vectors.similarity(c.document.id, target) ?? 0),
      }))
      .sort((a, b) => b.score - a.score)
    return { ranked, total: Math.max(ranked.length, keywordTotal + semanticOnly), facetDocuments }
  }

  async multiSearch(queries: Array<{ index: IndexName; query: SearchQuery }>): Promise<SearchResponse[]> {
    return Promise.all(queries.map(({ index, query }) => this.search(index, query)))
  }
}
