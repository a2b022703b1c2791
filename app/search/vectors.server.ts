import { createHash } from 'node:crypto'
import {
  contentWords,
  createEmbedder,
  dequantize,
  quantize,
  VECTOR_ATTRIBUTE,
  type Embedder,
  type IndexName,
  type SearchDocument,
} from '../../search'
import type { PrismaClient } from '~/generated/prisma/client'

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

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * Gives each document its vector (in `VECTOR_ATTRIBUTE`): the stored one when the listing's text
 * has not changed since, otherwise a new one, stored for next time in one statement per batch.
 */
export async function attachVectors(
  db: Db,
  embedder: Embedder,
  index: IndexName,
  documents: SearchDocument[],
): Promise<{ computed: number; reused: number }> {
  if (documents.length === 0) return { computed: 0, reused: 0 }
  const texts = documents.map((d) => embeddingText(index, d))
  const hashes = texts.map(hashOf)
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
    const vectors = await embedder.embed(missing.map((i) => texts[i]))
    const rows = missing.map((i, j) => {
      documents[i][VECTOR_ATTRIBUTE] = Array.from(vectors[j])
      return {
        id: documents[i].id,
        hash: hashes[i],
        vector: Buffer.from(quantize(vectors[j]).buffer).toString('base64'),
        words: [...new Set(contentWords(texts[i]))],
      }
    })
    await db.$executeRaw`
      INSERT INTO "ListingVector" ("index", "recordId", "embedderId", "textHash", "vector", "words", "updatedAt")
      SELECT ${index}, r.id, ${embedder.id}, r.hash, decode(r.vector, 'base64'),
             ARRAY(SELECT jsonb_array_elements_text(r.words)), now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, hash text, vector text, words jsonb)
      ON CONFLICT ("embedderId", "index", "recordId") DO UPDATE
      SET "textHash" = EXCLUDED."textHash", "vector" = EXCLUDED."vector", "words" = EXCLUDED."words",
          "updatedAt" = now()`
  }
  return { computed: missing.length, reused: documents.length - missing.length }
}

/** Stored vectors of these listings (unit vectors), for re-ranking candidates on either engine. */
export async function storedVectors(
  db: Db,
  embedder: Embedder,
  index: IndexName,
  ids: string[],
): Promise<Map<string, Float32Array>> {
  if (ids.length === 0) return new Map()
  const rows = await db.listingVector.findMany({
    where: { index, embedderId: embedder.id, recordId: { in: ids } },
    select: { recordId: true, vector: true },
  })
  return new Map(rows.map((r) => [r.recordId, dequantize(r.vector)]))
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
