import { createHash } from 'node:crypto'
import {
  contentWords,
  createEmbedder,
  dequantize,
  matchText,
  matchTokens,
  quantize,
  VECTOR_ATTRIBUTE,
  type Embedder,
  type IndexName,
  type MatchTokens,
  type SearchDocument,
} from '#search'
import { Prisma, type PrismaClient } from '~/generated/prisma/client'

type Db = Pick<PrismaClient, 'listingVector' | '$executeRaw' | '$queryRaw'>

declare global {
  var __embedder: Promise<Embedder> | undefined
}

/** The process's embedder, loaded once. */
export function getEmbedder(): Promise<Embedder> {
  return (globalThis.__embedder ??= createEmbedder())
}

const list = (v: unknown) => (Array.isArray(v) ? v.join('，') : v == null ? '' : String(v))

/**
 * The text a listing is embedded from: what it is about, said twice (title, or an expert's
 * directions), then its keywords and description. Names and institutions are left out: they say
 * who, not what.
 */
export function embeddingText(index: IndexName, document: SearchDocument): string {
  if (index === 'experts') {
    const directions = list(document.directions)
    return `${directions}。${directions}。${list(document.keywords)}。${list(document.bio)}`
  }
  const body = index === 'results' ? document.abstract : document.summary
  return `${list(document.title)}。${list(document.title)}。${list(document.keywords)}。${list(body)}`
}

/** What a stored row is computed from: the embedded text and the matcher's text. */
function sourceOf(index: IndexName, document: SearchDocument) {
  const text = embeddingText(index, document)
  const match = matchText(index, document)
  const hash = createHash('sha256').update(text).update('\u0000').update(match.primary).update('\u0000')
  return { text, match, hash: hash.update(match.secondary).digest('hex') }
}

/**
 * Gives each document its vector (in `VECTOR_ATTRIBUTE`): the stored one when the listing's text
 * has not changed since, otherwise a new one, stored for next time (with the matcher's tokens)
 * in one statement per batch.
 */
export async function attachVectors(
  db: Db,
  embedder: Embedder,
  index: IndexName,
  documents: SearchDocument[],
): Promise<{ computed: number; reused: number }> {
  if (documents.length === 0) return { computed: 0, reused: 0 }
  const sources = documents.map((d) => sourceOf(index, d))
  const hashes = sources.map((s) => s.hash)
  const stored = await db.listingVector.findMany({
    where: { index, embedderId: embedder.id, recordId: { in: documents.map((d) => d.id) } },
    select: { recordId: true, textHash: true, vector: true },
  })
  const byId = new Map(stored.map((s) => [s.recordId, s]))
  const missing: number[] = []
  documents.forEach((document, i) => {
    const row = byId.get(document.id)
    if (row && row.textHash === hashes[i]) document[VECTOR_ATTRIBUTE] = Array.from(dequantize(row.vector))
    else missing.push(i)
  })
  if (missing.length) {
    const vectors = await embedder.embed(missing.map((i) => sources[i].text))
    const rows = missing.map((i, j) => {
      documents[i][VECTOR_ATTRIBUTE] = Array.from(vectors[j])
      const tokens = matchTokens(sources[i].match)
      return {
        id: documents[i].id,
        hash: hashes[i],
        vector: Buffer.from(quantize(vectors[j]).buffer).toString('base64'),
        words: [...new Set(contentWords(sources[i].text))],
        primary: tokens.primary,
        all: tokens.all,
        primaryWords: tokens.primaryWords,
      }
    })
    const array = (column: string) => Prisma.sql`ARRAY(SELECT jsonb_array_elements_text(r.${Prisma.raw(column)}))`
    await db.$executeRaw`
      INSERT INTO "ListingVector" ("index", "recordId", "embedderId", "textHash", "vector", "words",
                                   "primaryTokens", "tokens", "primaryWords", "updatedAt")
      SELECT ${index}, r.id, ${embedder.id}, r.hash, decode(r.vector, 'base64'),
             ${array('words')}, ${array('"primary"')}, ${array('"all"')}, ${array('"primaryWords"')}, now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(id text, hash text, vector text, words jsonb, "primary" jsonb, "all" jsonb, "primaryWords" jsonb)
      ON CONFLICT ("embedderId", "index", "recordId") DO UPDATE
      SET "textHash" = EXCLUDED."textHash", "vector" = EXCLUDED."vector", "words" = EXCLUDED."words",
          "primaryTokens" = EXCLUDED."primaryTokens", "tokens" = EXCLUDED."tokens",
          "primaryWords" = EXCLUDED."primaryWords", "updatedAt" = now()`
  }
  return { computed: missing.length, reused: documents.length - missing.length }
}

export interface StoredListing {
  /** The unit vector. */
  vector: Float32Array
  /** The matcher's tokens, null for a row stored before they were kept. */
  tokens: MatchTokens | null
}

/**
 * Stored vectors and tokens of these listings, for re-ranking candidates on either engine without
 * embedding or segmenting them again.
 */
export async function storedListings(
  db: Db,
  embedder: Embedder,
  index: IndexName,
  ids: string[],
): Promise<Map<string, StoredListing>> {
  if (ids.length === 0) return new Map()
  const rows = await db.listingVector.findMany({
    where: { index, embedderId: embedder.id, recordId: { in: ids } },
    select: { recordId: true, vector: true, primaryTokens: true, tokens: true, primaryWords: true },
  })
  return new Map(
    rows.map((r) => [
      r.recordId,
      {
        vector: dequantize(r.vector),
        tokens: r.tokens.length ? { primary: r.primaryTokens, all: r.tokens, primaryWords: r.primaryWords } : null,
      },
    ]),
  )
}

/** Vectors of listings that no longer exist are of no use. */
export async function deleteVectors(db: Db, index: IndexName, ids: string[]) {
  if (ids.length) await db.listingVector.deleteMany({ where: { index, recordId: { in: ids } } })
}

export interface CorpusStats {
  documents: number
  /** Listings whose text has each word (words in at least two listings only). */
  documentFrequency: Map<string, number>
}

const STATS_TTL_MS = 10 * 60_000
let statsCache: { at: number; embedderId: string; stats: Promise<CorpusStats>; refreshing?: boolean } | null = null

/**
 * How many of the platform's listings use each word: the matcher's measure of which words are
 * generic here (工艺, 材料, 提高…). Derived from PostgreSQL; every process computes the same
 * figures from the same table. Only a process's first match waits for them: after ten minutes
 * the figures are recomputed in the background while matches go on with the previous ones.
 */
export function corpusStats(db: Db, embedder: Embedder): Promise<CorpusStats> {
  const cached = statsCache?.embedderId === embedder.id ? statsCache : null
  if (cached && Date.now() - cached.at >= STATS_TTL_MS && !cached.refreshing) {
    cached.refreshing = true
    computeCorpusStats(db, embedder).then(
      (stats) => (statsCache = { at: Date.now(), embedderId: embedder.id, stats: Promise.resolve(stats) }),
      () => (cached.refreshing = false),
    )
  }
  if (cached) return cached.stats
  const stats = computeCorpusStats(db, embedder)
  statsCache = { at: Date.now(), embedderId: embedder.id, stats }
  stats.catch(() => {
    statsCache = null
  })
  return stats
}

async function computeCorpusStats(db: Db, embedder: Embedder): Promise<CorpusStats> {
  const [total] = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM "ListingVector" WHERE "embedderId" = ${embedder.id} AND "index" <> 'needs'`
  const rows = await db.$queryRaw<Array<{ word: string; df: bigint }>>`
      SELECT w AS word, count(*) AS df FROM "ListingVector", unnest("words") AS w
      WHERE "embedderId" = ${embedder.id} AND "index" <> 'needs'
      GROUP BY w HAVING count(*) >= 2`
  return {
    documents: Number(total?.n ?? 0),
    documentFrequency: new Map(rows.map((r) => [r.word, Number(r.df)])),
  }
}

/** Forget cached corpus statistics (after a bulk import, and in tests). */
export function resetCorpusStats() {
  statsCache = null
}
