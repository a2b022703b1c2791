/**
 * `npm run bench:search [-- --scale 0.1]`: generates 100,000 results, 20,000 experts and 300 needs
 * (times the scale) in a scratch database, then measures on the embedded engine:
 * reindex from the database (first with every vector computed, then again reusing the stored
 * vectors), memory, hybrid search (the query embedded, filter, top 10), a full hybrid match
 * (experts + results with reasons), embedding one new listing, and how soon a committed change is
 * visible through the outbox worker.
 * With MEILI_HOST set it measures Meilisearch instead. The last line is one JSON object.
 */
import { percentile, scaleArg, useScratchDatabase } from './support/scratch-db'

const scale = scaleArg()
const database = await useScratchDatabase('baodi_bench_search')

const { prisma, databaseUrl } = await import('~/utils/db.server')
const { stopEmbeddedPostgres } = await import('~/utils/database-url.server')
const { applyMigrations } = await import('../prisma/schema-engine')
const { seedReferenceData } = await import('../prisma/seed/seed')
const { INSTITUTIONS } = await import('../prisma/seed/reference')
const { TOPICS, METHODS, RESULT_PATTERNS, NEED_PATTERNS, NEED_PROBLEMS, SURNAMES, GIVEN, TITLES } =
  await import('../prisma/seed/vocabulary')
const { searchEngine } = await import('~/search/engine.server')
const { reindexAll, searchQueueHandler } = await import('~/search/sync.server')
const { startWorker } = await import('~/jobs/worker.server')
const { matchNeed } = await import('~/matching/match-need.server')
const { getEmbedder, embeddingText } = await import('~/search/vectors.server')
const { SEARCH_SEMANTIC_RATIO } = await import('~/search/listings.server')

const COUNTS = {
  results: Math.round(100_000 * scale),
  experts: Math.round(20_000 * scale),
  needs: Math.max(20, Math.round(300 * scale)),
}

let seed = 20261127
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
const fields = Object.keys(TOPICS)
const STAGES = ['LAB', 'SMALL_PILOT', 'PILOT', 'INDUSTRIAL'] as const
const MODES = ['DEVELOPMENT', 'TRANSFER', 'LICENSE', 'CONSULTING', 'SERVICE'] as const
const fill = (pattern: string, topic: string) => pattern.replace('{m}', pick(METHODS)).replace('{t}', topic)

const rows: Array<[string, string | number]> = []
const time = async <T>(label: string, fn: () => Promise<T>) => {
  const started = performance.now()
  const value = await fn()
  const ms = performance.now() - started
  rows.push([label, `${Math.round(ms)} ms`])
  return { value, ms }
}

try {
  await applyMigrations(databaseUrl)
  await seedReferenceData(prisma)
  const rssAtStartMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
  const institutions = INSTITUTIONS.map((inst, i) => ({
    id: `bench-inst-${i}`,
    kind: inst.kind,
    name: inst.name,
    regionCode: inst.regionCode,
    legalEntityType: inst.kind,
    verification: 'APPROVED' as const,
  }))
  await prisma.organization.createMany({ data: institutions })
  await prisma.organization.create({
    data: { id: 'bench-ent', kind: 'ENTERPRISE', name: '基准测试企业', regionCode: '120115' },
  })

  await time(
    `generate ${COUNTS.results.toLocaleString()} results, ${COUNTS.experts.toLocaleString()} experts`,
    async () => {
      for (let start = 0; start < COUNTS.experts; start += 5000) {
        await prisma.expert.createMany({
          data: Array.from({ length: Math.min(5000, COUNTS.experts - start) }, (_, k) => {
            const field = pick(fields)
            const topics = [pick(TOPICS[field]), pick(TOPICS[field])]
            return {
              id: `bench-e-${start + k}`,
              organizationId: pick(institutions).id,
              name: pick([...SURNAMES]) + pick([...GIVEN]) + pick([...GIVEN]),
              title: pick(TITLES),
              directions: topics,
              keywords: [pick(TOPICS[field])],
              fieldCodes: [field],
              bio: `长期从事${topics.join('、')}研究，${pick(NEED_PROBLEMS)}`,
            }
          }),
        })
      }
      for (let start = 0; start < COUNTS.results; start += 5000) {
        await prisma.researchResult.createMany({
          data: Array.from({ length: Math.min(5000, COUNTS.results - start) }, (_, k) => {
            const field = pick(fields)
            const topic = pick(TOPICS[field])
            const other = pick(TOPICS[pick(fields)])
            return {
              id: `bench-r-${start + k}`,
              organizationId: pick(institutions).id,
              title: fill(pick(RESULT_PATTERNS), topic),
              abstract: `本成果围绕${topic}开展研究，结合${other}，${pick(NEED_PROBLEMS)}`,
              fieldCode: field,
              keywords: [topic, other],
              trl: 1 + Math.floor(random() * 9),
              stage: pick(STAGES),
              transferModes: [pick(MODES)],
              status: 'PUBLISHED' as const,
              publishedAt: new Date(),
            }
          }),
        })
      }
      await prisma.need.createMany({
        data: Array.from({ length: COUNTS.needs }, (_, i) => {
          const field = pick(fields)
          const topic = pick(TOPICS[field])
          return {
            id: `bench-n-${i}`,
            organizationId: 'bench-ent',
            title: fill(pick(NEED_PATTERNS), topic),
            summary: `${pick(NEED_PROBLEMS)}主要涉及${topic}和${pick(TOPICS[field])}。`,
            fieldCode: field,
            keywords: [topic],
            cooperationModes: [pick(MODES)],
            status: 'PUBLISHED' as const,
            publishedAt: new Date(),
          }
        }),
      })
    },
  )

  global.gc?.()
  const rssAfterGenerateMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
  const embedStarted = performance.now()
  const embedder = await getEmbedder()
  const embedderLoadMs = performance.now() - embedStarted
  global.gc?.()
  const rssWithModelMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
  rows.push([
    `embedder ${embedder.id}: load / process RSS with it`,
    `${Math.round(embedderLoadMs)} ms / ${rssWithModelMb} MB`,
  ])
  const engine = searchEngine()
  const firstReindex = await time('reindex, computing and storing every vector', () => reindexAll(prisma, engine))
  const reindex = await time('reindex again, reusing the stored vectors', () => reindexAll(prisma, engine))
  global.gc?.()
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024)
  rows.push(['JS heap after indexing (the index and its documents)', `${heapMb} MB`])
  const vectorMb = ((COUNTS.results + COUNTS.experts + COUNTS.needs) * embedder.dimensions) / 1024 / 1024
  rows.push(['vectors in the embedded index (int8)', `${vectorMb.toFixed(1)} MB`])
  rows.push([
    'process RSS: at start / after generating / after indexing',
    `${rssAtStartMb} / ${rssAfterGenerateMb} / ${rssMb} MB`,
  ])

  const searchTimes: number[] = []
  for (let i = 0; i < 400; i++) {
    const field = pick(fields)
    const q = `${pick(TOPICS[field])} ${pick(METHODS)}`
    const started = performance.now()
    const [vector] = await embedder.embed([q])
    await engine.search('results', {
      q,
      vector: Array.from(vector),
      semanticRatio: SEARCH_SEMANTIC_RATIO,
      filter: [
        { attribute: 'status', in: ['PUBLISHED'] },
        { attribute: 'fieldCodes', in: [field.split('.')[0]] },
      ],
      limit: 10,
    })
    searchTimes.push(performance.now() - started)
  }
  searchTimes.sort((a, b) => a - b)

  const listings = await prisma.researchResult.findMany({
    select: { id: true, title: true, abstract: true, keywords: true },
    take: 400,
  })
  const embedTimes: number[] = []
  for (const listing of listings) {
    const started = performance.now()
    await embedder.embed([embeddingText('results', listing)])
    embedTimes.push(performance.now() - started)
  }
  embedTimes.sort((a, b) => a - b)

  const matchTimes: number[] = []
  for (let i = 0; i < Math.min(100, COUNTS.needs); i++) {
    const started = performance.now()
    await matchNeed(prisma, engine, `bench-n-${i}`, 'results', { limit: 10 })
    await matchNeed(prisma, engine, `bench-n-${i}`, 'experts', { limit: 10 })
    matchTimes.push(performance.now() - started)
  }
  matchTimes.sort((a, b) => a - b)

  // Commit → visible: the app's worker polls every 250 ms and is woken at once by local enqueues;
  // here the change comes "from another server" (no wake-up), the slower case.
  const worker = startWorker(prisma, searchQueueHandler(prisma, engine), { pollMs: 250, log: () => {} })
  const visibleTimes: number[] = []
  for (let i = 0; i < 40; i++) {
    const marker = `可见性标记${String.fromCharCode(0x4e00 + i * 7)}${i}号`
    const id = `bench-r-${i}`
    await prisma.$transaction(async (tx) => {
      await tx.researchResult.update({ where: { id }, data: { keywords: [marker] } })
      await tx.job.create({ data: { queue: 'search', kind: 'index', payload: { index: 'results', id } } })
    })
    const started = performance.now()
    while ((await engine.search('results', { q: marker, limit: 1 })).hits[0]?.document.id !== id) {
      await new Promise((r) => setTimeout(r, 5))
      if (performance.now() - started > 10_000) break
    }
    visibleTimes.push(performance.now() - started)
  }
  await worker.stop()
  visibleTimes.sort((a, b) => a - b)

  // Commit → searchable in another app process: a second embedded index follows the index feed
  // (woken by LISTEN/NOTIFY on a real PostgreSQL, polling every second otherwise).
  const { EmbeddedSearchEngine } = await import('#search')
  const { feedHead, followIndexFeed } = await import('~/search/feed.server')
  const { ensureIndexes } = await import('~/search/sync.server')
  const { enqueueIndexing } = await import('~/search/enqueue.server')
  const other = new EmbeddedSearchEngine()
  await ensureIndexes(other)
  const follower = await followIndexFeed(prisma, other, await feedHead(prisma), {
    processId: 'bench-other-process',
    listenUrl: database.kind === 'embedded' ? undefined : databaseUrl,
    pollMs: 1000,
  })
  const otherTimes: number[] = []
  for (let i = 0; i < 40; i++) {
    const marker = `跨进程标记${String.fromCharCode(0x4e00 + i * 11)}${i}号`
    const id = `bench-r-${40 + i}`
    const started = performance.now()
    await prisma.$transaction(async (tx) => {
      await tx.researchResult.update({ where: { id }, data: { keywords: [marker] } })
      await enqueueIndexing(tx, 'results', [id])
    })
    while ((await other.search('results', { q: marker, limit: 1 })).hits[0]?.document.id !== id) {
      await new Promise((r) => setTimeout(r, 5))
      if (performance.now() - started > 10_000) break
    }
    otherTimes.push(performance.now() - started)
  }
  await follower.stop()
  otherTimes.sort((a, b) => a - b)

  const figures = {
    engine: engine.kind,
    database: database.kind,
    scale,
    results: COUNTS.results,
    experts: COUNTS.experts,
    reindexMs: Math.round(reindex.ms),
    rssMb,
    heapMb,
    searchP50Ms: Number(percentile(searchTimes, 50).toFixed(1)),
    searchP95Ms: Number(percentile(searchTimes, 95).toFixed(1)),
    matchP50Ms: Number(percentile(matchTimes, 50).toFixed(1)),
    matchP95Ms: Number(percentile(matchTimes, 95).toFixed(1)),
    visibleP95Ms: Math.round(percentile(visibleTimes, 95)),
    otherProcessP50Ms: Math.round(percentile(otherTimes, 50)),
    otherProcessP95Ms: Math.round(percentile(otherTimes, 95)),
    firstReindexMs: Math.round(firstReindex.ms),
    embedMs: Number(percentile(embedTimes, 95).toFixed(2)),
    embedder: embedder.id,
    vectorMb: Number(vectorMb.toFixed(1)),
    rssWithModelMb,
  }
  rows.push([
    'hybrid search p50 / p95 (query embedded, filter, top 10)',
    `${figures.searchP50Ms} / ${figures.searchP95Ms} ms`,
  ])
  rows.push([
    'full hybrid match p50 / p95 (results + experts, reasons)',
    `${figures.matchP50Ms} / ${figures.matchP95Ms} ms`,
  ])
  rows.push(['embed one listing p50 / p95', `${percentile(embedTimes, 50).toFixed(2)} / ${figures.embedMs} ms`])
  rows.push(['commit → searchable p95 (polling worker)', `${figures.visibleP95Ms} ms`])
  rows.push([
    'commit → searchable in another process p50 / p95 (index feed)',
    `${figures.otherProcessP50Ms} / ${figures.otherProcessP95Ms} ms`,
  ])
  console.log(`\nbench:search on ${database.kind}, ${engine.kind} engine, scale ${scale}\n`)
  console.log('| measure | value |')
  console.log('|---|---|')
  for (const [label, value] of rows) console.log(`| ${label} | ${value} |`)
  console.log(JSON.stringify(figures))
} finally {
  await prisma.$disconnect()
  await stopEmbeddedPostgres()
  await database.cleanup()
}
