/**
 * `npm run bench:import [-- --scale 0.1]`: a 10,000-row results XLSX (times the scale) through the
 * browser import path: preview (a background job: dry run of every row), commit (another job), then the
 * search outbox until the rows are searchable. The last line is one JSON object.
 */
import { readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import ExcelJS from 'exceljs'
import { scaleArg, useScratchDatabase } from './support/scratch-db'

const scale = scaleArg()
const database = await useScratchDatabase('baodi_bench_import')
const { prisma, databaseUrl } = await import('~/utils/db.server')
const { stopEmbeddedPostgres } = await import('~/utils/database-url.server')
const { applyMigrations } = await import('../prisma/schema-engine')
const { seedReferenceData } = await import('../prisma/seed/seed')
const { TOPICS, METHODS, RESULT_PATTERNS, NEED_PROBLEMS } = await import('../prisma/seed/vocabulary')
const { previewImport, commitImport, importJobsHandler } = await import('~/imports/batches.server')
const { drain } = await import('~/jobs/worker.server')
const { searchEngine } = await import('~/search/engine.server')
const { searchQueueHandler, ensureIndexes } = await import('~/search/sync.server')

const ROWS = Math.round(10_000 * scale)
let seed = 7
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
const fields = Object.keys(TOPICS)

const timings: Array<[string, number]> = []
async function time<T>(label: string, fn: () => Promise<T>) {
  const started = performance.now()
  const value = await fn()
  timings.push([label, performance.now() - started])
  return value
}

try {
  await applyMigrations(databaseUrl)
  await seedReferenceData(prisma)
  const office = await prisma.organization.create({
    data: { kind: 'UNIVERSITY', name: '天津大学', regionCode: '120104' },
  })
  const user = await prisma.user.create({
    data: {
      email: 'bench@test.cn',
      name: '基准',
      passwordHash: 'x',
      memberships: { create: { organizationId: office.id, role: 'TTO_ADMIN' } },
    },
  })
  const actor = { userId: user.id, organizationId: office.id }

  const bytes = await time(`write a ${ROWS.toLocaleString()}-row XLSX`, async () => {
    // Written with the streaming writer to a file, so the bench's own memory stays out of the
    // preview's figure.
    const file = path.join(os.tmpdir(), `bench-import-${process.pid}.xlsx`)
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
    const sheet = book.addWorksheet('成果')
    sheet.addRow(['外部编号', '成果名称', '成果简介', '完成单位', '技术领域', '关键词', '成熟度', '转化方式']).commit()
    for (let i = 0; i < ROWS; i++) {
      const field = pick(fields)
      const topic = pick(TOPICS[field])
      sheet
        .addRow([
          `B-${i}`,
          pick(RESULT_PATTERNS).replace('{m}', pick(METHODS)).replace('{t}', topic) + `（${i}）`,
          `本成果围绕${topic}开展研究，${pick(NEED_PROBLEMS)}`,
          '天津大学',
          field,
          `${topic}、${pick(TOPICS[field])}`,
          pick(['小试', '中试', '产业化']),
          pick(['技术转让', '技术许可', '技术开发']),
        ])
        .commit()
    }
    await sheet.commit()
    await book.commit()
    const written = new Uint8Array(await readFile(file))
    await rm(file)
    return written
  })
  // The process's peak memory while the preview job runs (sampled every 50 ms), and how long the
  // event loop stalls meanwhile (what other requests served by this process would wait).
  global.gc?.()
  const rssBeforePreviewMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  const preview = await time('preview: the background job reads and checks every row (dry run)', async () => {
    const outcome = await previewImport(actor, 'results', 'bench.xlsx', bytes)
    if (!outcome.ok) throw new Error(outcome.error)
    await drain(prisma, importJobsHandler())
    return outcome
  })
  loopDelay.disable()
  clearInterval(sampler)
  const previewPeakRssMb = Math.round(peakRss / 1024 / 1024)
  const loopStallMs = Math.round(loopDelay.max / 1e6)
  const previewed = await prisma.importBatch.findUniqueOrThrow({ where: { id: preview.batchId } })
  if (previewed.status !== 'PREVIEWED') throw new Error(`preview ${previewed.status}`)
  const commitLoop = monitorEventLoopDelay({ resolution: 10 })
  commitLoop.enable()
  let commitPeakRss = process.memoryUsage().rss
  const commitSampler = setInterval(() => (commitPeakRss = Math.max(commitPeakRss, process.memoryUsage().rss)), 50)
  await time('commit: the background job writes all rows in one transaction', async () => {
    if (!(await commitImport(actor, preview.batchId))) throw new Error('commit refused')
    await drain(prisma, importJobsHandler())
  })
  clearInterval(commitSampler)
  commitLoop.disable()
  const commitStallMs = Math.round(commitLoop.max / 1e6)
  const commitPeakRssMb = Math.round(commitPeakRss / 1024 / 1024)
  const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id: preview.batchId } })
  if (batch.status !== 'COMMITTED') throw new Error(`batch ${batch.status}`)
  const engine = searchEngine()
  await ensureIndexes(engine)
  await time('index the imported rows through the search outbox', () =>
    drain(prisma, searchQueueHandler(prisma, engine)),
  )
  const found = await engine.search('results', {
    q: `（${ROWS - 1}）`,
    filter: [{ attribute: 'status', in: ['PUBLISHED'] }],
    limit: 1,
  })
  const searchable = (await engine.count('results')) === ROWS && found.total > 0

  const total = timings.slice(1).reduce((sum, [, ms]) => sum + ms, 0)
  console.log(`\nbench:import on ${database.kind}, ${ROWS.toLocaleString()} rows\n`)
  console.log('| step | time |')
  console.log('|---|---|')
  for (const [label, ms] of timings) console.log(`| ${label} | ${(ms / 1000).toFixed(1)} s |`)
  console.log(`| upload to searchable (preview + commit + index) | ${(total / 1000).toFixed(1)} s |`)
  console.log(`| process memory before / at peak of the preview | ${rssBeforePreviewMb} / ${previewPeakRssMb} MB |`)
  console.log(`| longest event-loop stall during the preview | ${loopStallMs} ms |`)
  console.log(`| process memory at peak of the commit | ${commitPeakRssMb} MB |`)
  console.log(`| longest event-loop stall during the commit | ${commitStallMs} ms |`)
  console.log(
    JSON.stringify({
      database: database.kind,
      rows: ROWS,
      previewMs: Math.round(timings[1][1]),
      commitMs: Math.round(timings[2][1]),
      indexMs: Math.round(timings[3][1]),
      totalMs: Math.round(total),
      previewPeakRssMb,
      loopStallMs,
      commitPeakRssMb,
      commitStallMs,
      searchable,
    }),
  )
} finally {
  await prisma.$disconnect()
  await stopEmbeddedPostgres()
  await database.cleanup()
}
