/**
 * `npm run eval:relevance`: loads the labelled set (experts.json, results.json, needs.json) through
 * the import code into a scratch embedded database, indexes it, and scores our matcher against a
 * plain keyword baseline (SQL ILIKE on title and keywords) with nDCG@10 and P@5.
 * Grades in judgments.json: 2 = solves the need, 1 = related, unlisted = 0.
 * With MEILI_HOST set, the matcher runs on Meilisearch instead of the embedded engine.
 * The last line printed is one JSON object with the figures.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const here = import.meta.dirname
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'baodi-relevance-'))
process.env.EMBEDDED_DATA_DIR = dataDir
delete process.env.DATABASE_URL

const { prisma, databaseUrl } = await import('~/utils/db.server')
const { stopEmbeddedPostgres } = await import('~/utils/database-url.server')
const { applyMigrations } = await import('../../prisma/schema-engine')
const { seedReferenceData } = await import('../../prisma/seed/seed')
const { readTable } = await import('~/imports/read.server')
const { importTable } = await import('~/imports/importer.server')
const { searchEngine } = await import('~/search/engine.server')
const { reindexAll } = await import('~/search/sync.server')
const { matchNeed } = await import('~/matching/matcher.server')
const { segment } = await import('../../search')
const { Prisma } = await import('~/generated/prisma/client')

type Grades = Record<string, number>
const judgments: Record<string, { results: Grades; experts: Grades }> = JSON.parse(
  await readFile(path.join(here, 'judgments.json'), 'utf8'),
)

function ndcgAt(ranked: string[], grades: Grades, k: number): number {
  const gain = (g: number) => 2 ** g - 1
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(grades[id] ?? 0) / Math.log2(i + 2), 0)
  const ideal = Object.values(grades)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0)
  return ideal === 0 ? 0 : dcg / ideal
}

function precisionAt(ranked: string[], grades: Grades, k: number): number {
  return ranked.slice(0, k).filter((id) => (grades[id] ?? 0) > 0).length / k
}

/** The baseline: count of the need's keywords and title words found (ILIKE) in title or keywords. */
async function baseline(kind: 'results' | 'experts', terms: string[]): Promise<string[]> {
  if (terms.length === 0) return []
  const table = kind === 'results' ? Prisma.sql`"ResearchResult"` : Prisma.sql`"Expert"`
  const titleColumn = kind === 'results' ? Prisma.sql`"title"` : Prisma.sql`array_to_string("directions", ' ')`
  const hits = terms.map(
    (t) =>
      Prisma.sql`(${titleColumn} ILIKE ${'%' + t + '%'})::int + (array_to_string("keywords", ' ') ILIKE ${'%' + t + '%'})::int`,
  )
  const rows = await prisma.$queryRaw<Array<{ externalId: string; s: number }>>`
    SELECT "externalId", s FROM (SELECT "externalId", (${Prisma.join(hits, ' + ')}) AS s FROM ${table}) scored
    WHERE s > 0 ORDER BY s DESC, "externalId" LIMIT 10`
  return rows.map((r) => r.externalId)
}

try {
  await applyMigrations(databaseUrl)
  await seedReferenceData(prisma)
  for (const kind of ['experts', 'results', 'needs'] as const) {
    const file = path.join(here, `${kind}.json`)
    const table = await readTable(await readFile(file), file)
    const report = await importTable(prisma, kind, table, { fileName: `${kind}.json`, dryRun: false })
    if (report.errors.length) throw new Error(`${kind}.json: ${JSON.stringify(report.errors.slice(0, 5))}`)
  }
  const engine = searchEngine()
  await reindexAll(prisma, engine)

  const needs = await prisma.need.findMany({ select: { id: true, externalId: true, title: true, keywords: true } })
  needs.sort((a, b) => a.externalId!.localeCompare(b.externalId!))
  const sums = { matcher: { ndcg: 0, p5: 0 }, shown: { ndcg: 0, p5: 0 }, baseline: { ndcg: 0, p5: 0 } }
  let queries = 0
  // Confidence calibration: among the top 10, how many items of each grade got each confidence.
  const calibration = [1, 2, 3, 4, 5].map(() => [0, 0, 0])
  const lines: string[] = []
  for (const need of needs) {
    const labels = judgments[need.externalId!]
    if (!labels) continue
    const words = [...new Set([...need.keywords, ...segment(need.title).filter((w) => w.length >= 2)])]
    for (const kind of ['results', 'experts'] as const) {
      const grades = labels[kind]
      if (Object.values(grades).every((g) => g === 0)) continue
      const all = await matchNeed(prisma, engine, need.id, kind, { limit: 10, minConfidence: 1 })
      const shown = await matchNeed(prisma, engine, need.id, kind, { limit: 10 })
      const ours = all!.items.map((m) => m.externalId!)
      const oursShown = shown!.items.map((m) => m.externalId!)
      const theirs = await baseline(kind, words)
      const row = {
        matcher: { ndcg: ndcgAt(ours, grades, 10), p5: precisionAt(ours, grades, 5) },
        shown: { ndcg: ndcgAt(oursShown, grades, 10), p5: precisionAt(oursShown, grades, 5) },
        baseline: { ndcg: ndcgAt(theirs, grades, 10), p5: precisionAt(theirs, grades, 5) },
      }
      for (const m of all!.items) calibration[m.confidence - 1][grades[m.externalId!] ?? 0]++
      if (process.env.EVAL_DEBUG) {
        console.log(`${need.externalId} ${kind} terms=${all!.terms.join(',')}`)
        for (const m of all!.items.slice(0, 6)) {
          console.log(
            `   ${grades[m.externalId!] ?? 0} ${m.externalId} s=${m.score} c=${m.confidence} ${m.title} [${m.matchedTerms.join(',')}]`,
          )
        }
      }
      for (const key of ['matcher', 'shown', 'baseline'] as const) {
        sums[key].ndcg += row[key].ndcg
        sums[key].p5 += row[key].p5
      }
      queries++
      lines.push(
        `${need.externalId} ${kind.padEnd(8)} ${row.matcher.ndcg.toFixed(3)}  ${row.shown.ndcg.toFixed(3)}  ${row.baseline.ndcg.toFixed(3)}   ${need.title}`,
      )
    }
  }
  const mean = (v: number) => Number((v / queries).toFixed(3))
  const figures = {
    engine: engine.kind,
    needs: needs.length,
    queries,
    ndcg10: mean(sums.matcher.ndcg),
    p5: mean(sums.matcher.p5),
    shownNdcg10: mean(sums.shown.ndcg),
    shownP5: mean(sums.shown.p5),
    baselineNdcg10: mean(sums.baseline.ndcg),
    baselineP5: mean(sums.baseline.p5),
    ndcgRatio: Number((sums.matcher.ndcg / Math.max(sums.baseline.ndcg, 1e-9)).toFixed(2)),
  }
  console.log('need kind      nDCG@10 ours  shown  baseline')
  for (const line of lines) console.log(line)
  console.log('')
  console.log('| metric  | matcher (ranked) | matcher (confident only) | ILIKE baseline |')
  console.log('|---------|------------------|--------------------------|----------------|')
  console.log(`| nDCG@10 | ${figures.ndcg10} | ${figures.shownNdcg10} | ${figures.baselineNdcg10} |`)
  console.log(`| P@5     | ${figures.p5} | ${figures.shownP5} | ${figures.baselineP5} |`)
  console.log('')
  console.log('| confidence | grade 0 | grade 1 | grade 2 |')
  console.log('|------------|---------|---------|---------|')
  calibration.forEach((row, i) => console.log(`| ${i + 1}          | ${row.join(' | ')} |`))
  console.log(JSON.stringify(figures))
} finally {
  await prisma.$disconnect()
  await stopEmbeddedPostgres()
  await rm(dataDir, { recursive: true, force: true })
}
