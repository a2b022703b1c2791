/**
 * `npx tsx scripts/compute-embedding-centre.ts`: the common direction of technical listing text
 * in the bundled word vectors, written to search/embedding/word-vector-centre.json. Every averaged
 * text vector leans this way (unrelated listings had a cosine of 0.38 on average); taking it out
 * spreads unrelated pairs around 0. Estimated from the written relevance suite's 230 listings, not
 * from the real-postings suite the matcher is judged on.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { WordVectorEmbedder } from '../search/embedding/word-vectors'

const dir = path.join(import.meta.dirname, '..', 'tests', 'relevance', 'written')
const read = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Array<Record<string, unknown>>
const list = (v: unknown) => (Array.isArray(v) ? v.join('，') : String(v ?? ''))
const texts = [
  ...read('results.json').map((r) => `${list(r.title)}。${list(r.abstract)}`),
  ...read('experts.json').map((e) => `${list(e.directions)}。${list(e.bio)}`),
  ...read('needs.json').map((n) => `${list(n.title)}。${list(n.description)}`),
]
const embedder = new WordVectorEmbedder({ centre: null })
const vectors = await embedder.embed(texts)
const centre = new Array<number>(embedder.dimensions).fill(0)
for (const v of vectors) v.forEach((x, d) => (centre[d] += x / vectors.length))
writeFileSync(
  path.join(import.meta.dirname, '..', 'search', 'embedding', 'word-vector-centre.json'),
  JSON.stringify(centre.map((x) => Number(x.toFixed(6)))) + '\n',
)
console.log(`centre of ${texts.length} listings, norm ${Math.hypot(...centre).toFixed(3)}`)
