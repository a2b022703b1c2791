import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { idf as idfTable } from '@node-rs/jieba/dict'
import { contentWords, searchPieces } from '../text'
import centreJson from './word-vector-centre.json'
import { normalize, type Embedder } from './port'

/**
 * The default embedder: Chinese word2vec vectors (125,796 words × 100 dims, trained on Chinese
 * Wikipedia) shipped inside the npm package `node-synonyms` (GPL-3.0, see
 * docs/decisions/003-offline-semantic-matching.md). A text's vector is the IDF-weighted mean of its
 * words; a word the vectors lack falls back to jieba's search-mode pieces, then to its characters.
 *
 * The package stores float32 in word2vec's binary format (51 MB); the first use converts it once
 * to int8 in a cache file (12 MB) that later processes load in about a tenth of a second.
 */
const CACHE_VERSION = 1
const SOURCE_PACKAGE = 'node-synonyms'

export interface WordVectorTable {
  dimensions: number
  index: Map<string, number>
  /** Row-major, one unit vector ×127 per word. */
  data: Int8Array
}

function sourceFile(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve(`${SOURCE_PACKAGE}/package.json`)), 'data', 'words.vector')
}

function cacheFile(): string {
  const dir = process.env.WORD_VECTORS_CACHE_DIR ?? path.join(process.cwd(), 'node_modules', '.cache', 'baodi')
  return path.join(dir, `word-vectors-v${CACHE_VERSION}.bin`)
}

/** word2vec binary: "<count> <dims>\n", then per word "<word> " + dims float32 (+ optional "\n"). */
function convert(source: Buffer): { words: string[]; dimensions: number; data: Int8Array } {
  const headerEnd = source.indexOf(10)
  const [count, dimensions] = source.subarray(0, headerEnd).toString().trim().split(/\s+/).map(Number)
  const words: string[] = []
  const data = new Int8Array(count * dimensions)
  const row = new Float32Array(dimensions)
  const view = new DataView(source.buffer, source.byteOffset, source.byteLength)
  let at = headerEnd + 1
  for (let w = 0; w < count; w++) {
    while (source[at] === 10) at++
    const space = source.indexOf(32, at)
    words.push(source.subarray(at, space).toString('utf8'))
    at = space + 1
    for (let d = 0; d < dimensions; d++) row[d] = view.getFloat32(at + d * 4, true)
    at += dimensions * 4
    normalize(row)
    for (let d = 0; d < dimensions; d++) data[w * dimensions + d] = Math.round(row[d] * 127)
  }
  return { words, dimensions, data }
}

function writeCache(file: string, table: { words: string[]; dimensions: number; data: Int8Array }) {
  const words = Buffer.from(table.words.join('\n'), 'utf8')
  const header = Buffer.alloc(12)
  header.writeUInt32LE(table.words.length, 0)
  header.writeUInt32LE(table.dimensions, 4)
  header.writeUInt32LE(words.length, 8)
  mkdirSync(path.dirname(file), { recursive: true })
  // Written aside and renamed, so a process reading it never sees half a file.
  const partial = `${file}.${process.pid}.tmp`
  writeFileSync(
    partial,
    Buffer.concat([header, words, Buffer.from(table.data.buffer, table.data.byteOffset, table.data.byteLength)]),
  )
  renameSync(partial, file)
}

function readCache(file: string): WordVectorTable {
  const buffer = readFileSync(file)
  const count = buffer.readUInt32LE(0)
  const dimensions = buffer.readUInt32LE(4)
  const wordBytes = buffer.readUInt32LE(8)
  const words = buffer
    .subarray(12, 12 + wordBytes)
    .toString('utf8')
    .split('\n')
  const start = 12 + wordBytes
  const data = new Int8Array(
    buffer.buffer.slice(buffer.byteOffset + start, buffer.byteOffset + start + count * dimensions),
  )
  const index = new Map<string, number>()
  words.forEach((word, i) => {
    if (!index.has(word)) index.set(word, i)
  })
  return { dimensions, index, data }
}

let table: WordVectorTable | undefined

export function wordVectorTable(): WordVectorTable {
  if (table) return table
  const file = cacheFile()
  if (!existsSync(file)) writeCache(file, convert(readFileSync(sourceFile())))
  table = readCache(file)
  return table
}

let idf: Map<string, number> | undefined
let medianIdf = 11.7

function idfOf(word: string): number {
  if (!idf) {
    idf = new Map()
    const values: number[] = []
    for (const line of Buffer.from(idfTable).toString('utf8').split('\n')) {
      const space = line.lastIndexOf(' ')
      if (space <= 0) continue
      const value = Number(line.slice(space + 1))
      idf.set(line.slice(0, space), value)
      values.push(value)
    }
    values.sort((a, b) => a - b)
    medianIdf = values[Math.floor(values.length / 2)] ?? medianIdf
  }
  return idf.get(word) ?? medianIdf
}

/**
 * The common direction of technical listing text (scripts/compute-embedding-centre.ts): removed
 * from every text vector, so unrelated listings score around 0 instead of 0.4.
 */
const DEFAULT_CENTRE = Float32Array.from(centreJson as number[])

export class WordVectorEmbedder implements Embedder {
  readonly id: string
  readonly dimensions: number
  private readonly table: WordVectorTable
  private readonly centre: Float32Array | null

  constructor(options: { vectors?: WordVectorTable; centre?: Float32Array | null } = {}) {
    this.table = options.vectors ?? wordVectorTable()
    this.dimensions = this.table.dimensions
    this.centre = options.centre === undefined ? DEFAULT_CENTRE : options.centre
    this.id = `word2vec-zhwiki-100-int8${this.centre ? '-centred' : ''}@2`
  }

  /**
   * Rows of the table that stand for one word: itself; or the dictionary words inside it plus the
   * characters those leave out ("酶工程" → 工程 + 酶), so a compound the vectors lack keeps its head.
   */
  private rowsOf(word: string): number[] {
    const own = this.table.index.get(word)
    if (own !== undefined) return [own]
    const rows: number[] = []
    let rest = word
    for (const piece of searchPieces(word)) {
      const row = this.table.index.get(piece)
      if (row === undefined) continue
      rows.push(row)
      rest = rest.replace(piece, '')
    }
    for (const ch of rest) {
      const row = this.table.index.get(ch)
      if (row !== undefined && /[\u4e00-\u9fff]/.test(ch)) rows.push(row)
    }
    return rows
  }

  embedOne(text: string): Float32Array {
    const { dimensions, data } = this.table
    const sum = new Float32Array(dimensions)
    for (const word of contentWords(text)) {
      const rows = this.rowsOf(word)
      if (rows.length === 0) continue
      const weight = idfOf(word) / rows.length
      for (const row of rows) {
        const base = row * dimensions
        for (let d = 0; d < dimensions; d++) sum[d] += weight * data[base + d]
      }
    }
    normalize(sum)
    if (!this.centre || sum.every((v) => v === 0)) return sum
    for (let d = 0; d < dimensions; d++) sum[d] -= this.centre[d]
    return normalize(sum)
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t))
  }
}
