/**
 * `npm run bench:engines [-- --scale 0.5]`: the measurement behind the embedded engine choice
 * (docs/decisions/002-embedded-search-engine.md). The same 100,000 generated results, the same
 * jieba tokenizer and the same queries (with a status + TRL filter, top 10) on MiniSearch 7.2,
 * FlexSearch 0.8 (filter applied after the search, over its first 1,000 hits) and our inverted
 * index. Prints build time, memory growth and p50/p95; the last line is JSON.
 */
import FlexSearch from 'flexsearch'
import MiniSearch from 'minisearch'
import { EmbeddedSearchEngine, tokenize } from '#search'
import { TOPICS, METHODS, RESULT_PATTERNS, NEED_PROBLEMS } from '../prisma/seed/vocabulary'
import { percentile, scaleArg } from './support/scratch-db'

const scale = scaleArg()
const N = Math.round(100_000 * scale)
let seed = 42
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
const fields = Object.keys(TOPICS)
const docs = Array.from({ length: N }, (_, i) => {
  const field = pick(fields)
  const topic = pick(TOPICS[field])
  const other = pick(TOPICS[pick(fields)])
  return {
    id: `r${i}`,
    title: pick(RESULT_PATTERNS).replace('{m}', pick(METHODS)).replace('{t}', topic),
    keywords: [topic, other],
    abstract: `本成果围绕${topic}开展研究，结合${other}，${pick(NEED_PROBLEMS)}`,
    status: random() < 0.9 ? 'PUBLISHED' : 'DRAFT',
    trl: 1 + Math.floor(random() * 9),
  }
})
const QUERIES = [
  '锂电池正极材料',
  '机器视觉 缺陷检测 良品率',
  '污水处理 节能',
  '工业机器人 减速器 国产化',
  '石墨烯 涂层',
  '数据安全 隐私计算',
  '农产品保鲜 冷链',
]
const accept = (d: (typeof docs)[number]) => d.status === 'PUBLISHED' && d.trl >= 3

async function measure(name: string, build: () => Promise<(q: string) => Promise<unknown>>) {
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const started = performance.now()
  const search = await build()
  const buildMs = performance.now() - started
  global.gc?.()
  const heapMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024)
  const times: number[] = []
  for (let i = 0; i < 210; i++) {
    const t0 = performance.now()
    await search(QUERIES[i % QUERIES.length])
    if (i >= 10) times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return {
    name,
    buildMs: Math.round(buildMs),
    heapMb,
    p50: Number(percentile(times, 50).toFixed(1)),
    p95: Number(percentile(times, 95).toFixed(1)),
  }
}

const byId = new Map(docs.map((d) => [d.id, d]))
const results = [
  await measure('MiniSearch 7.2', async () => {
    const index = new MiniSearch({
      fields: ['title', 'keywords', 'abstract'],
      tokenize,
      processTerm: (t) => t,
      extractField: (d, f) => (Array.isArray(d[f]) ? d[f].join(' ') : String(d[f] ?? '')),
    })
    index.addAll(docs)
    return async (q) =>
      index
        .search(q, { combineWith: 'OR', boost: { title: 3, keywords: 2 }, filter: (r) => accept(byId.get(r.id)!) })
        .slice(0, 10)
  }),
  await measure('FlexSearch 0.8 (post-filter)', async () => {
    const index = new FlexSearch.Document({
      document: { id: 'id', index: ['title', 'keywords', 'abstract'] },
      encode: tokenize,
      tokenize: 'strict',
    })
    for (const d of docs) index.add({ ...d, keywords: d.keywords.join(' ') })
    return async (q) =>
      (index.search(q, { limit: 1000, suggest: true, merge: true }) as unknown as Array<{ id: string }>)
        .filter((r) => accept(byId.get(r.id)!))
        .slice(0, 10)
  }),
  await measure('ours: inverted index + BM25', async () => {
    const engine = new EmbeddedSearchEngine()
    await engine.ensureIndex('results', {
      searchableAttributes: ['title', 'keywords', 'abstract'],
      filterableAttributes: ['status', 'trl'],
      sortableAttributes: [],
    })
    for (let i = 0; i < docs.length; i += 5000) await engine.upsert('results', docs.slice(i, i + 5000))
    return (q) =>
      engine.search('results', {
        q,
        limit: 10,
        filter: [
          { attribute: 'status', in: ['PUBLISHED'] },
          { attribute: 'trl', gte: 3 },
        ],
      })
  }),
]

console.log(`\nbench:engines — ${N.toLocaleString()} generated results, jieba tokens, filter + top 10\n`)
console.log('| engine | build | heap growth | p50 | p95 |')
console.log('|---|---|---|---|---|')
for (const r of results) console.log(`| ${r.name} | ${r.buildMs} ms | ${r.heapMb} MB | ${r.p50} ms | ${r.p95} ms |`)
console.log(JSON.stringify({ documents: N, engines: results }))
