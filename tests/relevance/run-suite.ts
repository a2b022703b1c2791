import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { BigramBaseline } from './bigram'
import { loadSuite, type SuiteName } from './suites'
import { organizationCreditCode } from '../../prisma/seed/credit-codes'

function ndcgAt(ranked: string[], grades: Record<string, number>, k: number): number {
  const gain = (g: number) => 2 ** g - 1
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(grades[id] ?? 0) / Math.log2(i + 2), 0)
  const ideal = Object.values(grades)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0)
  return ideal === 0 ? 0 : dcg / ideal
}

const precisionAt = (ranked: string[], grades: Record<string, number>, k: number) =>
  ranked.slice(0, k).filter((id) => (grades[id] ?? 0) > 0).length / k

const round = (v: number) => Number(v.toFixed(3))

/** One suite on a scratch embedded database; returns its figures and prints its tables. */
export async function runSuite(name: SuiteName) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `baodi-relevance-${name}-`))
  process.env.EMBEDDED_DATA_DIR = dataDir
  delete process.env.DATABASE_URL
  const { prisma, databaseUrl } = await import('~/utils/db.server')
  const { stopEmbeddedPostgres } = await import('~/utils/database-url.server')
  const { applyMigrations } = await import('../../prisma/schema-engine')
  const { seedReferenceData } = await import('../../prisma/seed/seed')
  const { importTable } = await import('~/imports/importer.server')
  const { searchEngine } = await import('~/search/engine.server')
  const { reindexAll } = await import('~/search/sync.server')
  const { getEmbedder, embeddingText } = await import('~/search/vectors.server')
  const { matchNeed } = await import('~/matching/match-need.server')
  const { CONFIDENCE_BOUNDS } = await import('~/matching/score')

  try {
    const data = await loadSuite(name)
    await applyMigrations(databaseUrl)
    await seedReferenceData(prisma)
    for (const kind of ['experts', 'results', 'needs'] as const) {
      const rows = data[kind].map((row) => {
        const cells = Object.fromEntries(
          Object.entries(row).map(([k, v]) => [k, Array.isArray(v) ? v.join('；') : String(v ?? '')]),
        )
        // The collected listings name their institutions; imports link by credit code only.
        return { ...cells, creditCode: organizationCreditCode(cells.institution ?? cells.enterprise) }
      })
      const table = { headers: Object.keys(rows[0] ?? {}), rows, rowNumbers: rows.map((_, i) => i + 1) }
      const report = await importTable(prisma, kind, table, { fileName: `${name}-${kind}.json`, dryRun: false })
      if (report.errors.length) throw new Error(`${name} ${kind}: ${JSON.stringify(report.errors.slice(0, 5))}`)
    }
    // The import created the institutions; a reviewer approves them before they are public.
    await prisma.organization.updateMany({ where: { verification: 'PENDING' }, data: { verification: 'APPROVED' } })
    const engine = searchEngine()
    await reindexAll(prisma, engine)
    const embedder = await getEmbedder()

    const needs = await prisma.need.findMany({
      select: { id: true, externalId: true, title: true, summary: true, keywords: true },
      orderBy: { externalId: 'asc' },
    })
    const results = await prisma.researchResult.findMany({
      select: { id: true, externalId: true, title: true, abstract: true, keywords: true },
    })
    const experts = await prisma.expert.findMany({
      select: { id: true, externalId: true, name: true, directions: true, keywords: true, bio: true },
    })
    const baselines = {
      results: new BigramBaseline(
        results.map((r) => ({ id: r.externalId!, text: `${r.title} ${r.keywords.join(' ')} ${r.abstract}` })),
      ),
      experts: new BigramBaseline(
        experts.map((e) => ({
          id: e.externalId!,
          text: `${e.directions.join(' ')} ${e.keywords.join(' ')} ${e.bio ?? ''}`,
        })),
      ),
    }

    const sums = { matcher: { ndcg: 0, p5: 0 }, shown: { ndcg: 0, p5: 0 }, baseline: { ndcg: 0, p5: 0 } }
    let queries = 0
    let unjudged = 0
    // Reliability: among the full top 10, how many items of each grade got each confidence.
    const reliability = [1, 2, 3, 4, 5].map(() => [0, 0, 0])
    const lines: string[] = []
    const scores: Array<[number, number, number]> = []
    const pool: Record<string, { need: string; results: string[]; experts: string[] }> = {}

    for (const need of needs) {
      const labels = data.judgments[need.externalId!]
      const needText = `${need.title}。${need.summary}`
      if (process.env.EVAL_POOL) {
        // Candidates to grade: the union of four rankers' top 10s, so no one ranker picks them.
        const [vector] = await embedder.embed([embeddingText('needs', need)])
        const entry = { need: needText, results: new Set<string>(), experts: new Set<string>() }
        for (const kind of ['results', 'experts'] as const) {
          const full = await matchNeed(prisma, engine, need.id, kind, { limit: 10, minConfidence: 1 })
          full!.items.forEach((m) => entry[kind].add(m.externalId!))
          baselines[kind].rank(needText, 10).forEach((id) => entry[kind].add(id))
          const semantic = await engine.search(kind, { q: '', vector: Array.from(vector), semanticRatio: 1, limit: 10 })
          const lexical = await engine.search(kind, { q: full!.terms.join(' '), limit: 10 })
          for (const hit of [...semantic.hits, ...lexical.hits]) entry[kind].add(String(hit.document.externalId))
        }
        pool[need.externalId!] = { need: needText, results: [...entry.results], experts: [...entry.experts] }
      }
      if (!labels) continue
      for (const kind of ['results', 'experts'] as const) {
        const grades = labels[kind]
        if (Object.values(grades).every((g) => g === 0)) continue
        const all = (await matchNeed(prisma, engine, need.id, kind, { limit: 10, minConfidence: 1 }))!
        const shown = (await matchNeed(prisma, engine, need.id, kind, { limit: 10 }))!
        const ours = all.items.map((m) => m.externalId!)
        const oursShown = shown.items.map((m) => m.externalId!)
        const theirs = baselines[kind].rank(needText, 10)
        const row = {
          matcher: { ndcg: ndcgAt(ours, grades, 10), p5: precisionAt(ours, grades, 5) },
          shown: { ndcg: ndcgAt(oursShown, grades, 10), p5: precisionAt(oursShown, grades, 5) },
          baseline: { ndcg: ndcgAt(theirs, grades, 10), p5: precisionAt(theirs, grades, 5) },
        }
        for (const m of all.items) {
          if (process.env.EVAL_SCORES) scores.push([m.score, grades[m.externalId!] ?? 0, m.confidence])
          if (!(m.externalId! in grades)) unjudged++
          reliability[m.confidence - 1][grades[m.externalId!] ?? 0]++
        }
        if (process.env.EVAL_DEBUG) {
          lines.push(`${need.externalId} ${kind} terms=${all.terms.join(',')}`)
          for (const m of all.items.slice(0, 6)) {
            lines.push(
              `   ${grades[m.externalId!] ?? '?'} ${m.externalId} s=${m.score} c=${m.confidence} sim=${m.similarity} ${m.title} [${m.matchedTerms.join(',')}]`,
            )
          }
        }
        for (const key of ['matcher', 'shown', 'baseline'] as const) {
          sums[key].ndcg += row[key].ndcg
          sums[key].p5 += row[key].p5
        }
        queries++
        lines.push(
          `${need.externalId} ${kind.padEnd(8)} ${row.matcher.ndcg.toFixed(3)}  ${row.shown.ndcg.toFixed(3)}  ${row.baseline.ndcg.toFixed(3)}   ${need.title.slice(0, 30)}`,
        )
      }
    }
    if (process.env.EVAL_POOL) await writeFile(process.env.EVAL_POOL, JSON.stringify(pool, null, 1))
    if (process.env.EVAL_SCORES) await writeFile(process.env.EVAL_SCORES, JSON.stringify(scores))

    const mean = (v: number) => round(v / Math.max(queries, 1))
    const precisionByConfidence = reliability.map((row) => {
      const n = row[0] + row[1] + row[2]
      return n === 0 ? null : round((row[1] + row[2]) / n)
    })
    const figures = {
      suite: name,
      engine: engine.kind,
      embedder: embedder.id,
      needs: needs.length,
      results: results.length,
      experts: experts.length,
      queries,
      ndcg10: mean(sums.matcher.ndcg),
      p5: mean(sums.matcher.p5),
      shownNdcg10: mean(sums.shown.ndcg),
      shownP5: mean(sums.shown.p5),
      bigramNdcg10: mean(sums.baseline.ndcg),
      bigramP5: mean(sums.baseline.p5),
      ndcgRatio: round(sums.matcher.ndcg / Math.max(sums.baseline.ndcg, 1e-9)),
      precisionByConfidence,
      unjudgedInTop10: unjudged,
    }
    console.log(`## suite: ${name} (${needs.length} needs, ${results.length} results, ${experts.length} experts)`)
    console.log('need kind      nDCG@10 full  shown  bigram')
    for (const line of lines) console.log(line)
    console.log('')
    console.log('| metric  | matcher (full ranking) | matcher (default view, confidence ≥ 3) | bigram cosine |')
    console.log('|---------|------------------------|----------------------------------------|---------------|')
    console.log(`| nDCG@10 | ${figures.ndcg10} | ${figures.shownNdcg10} | ${figures.bigramNdcg10} |`)
    console.log(`| P@5     | ${figures.p5} | ${figures.shownP5} | ${figures.bigramP5} |`)
    console.log('')
    console.log(`Reliability (top 10 of every query; score bounds ${CONFIDENCE_BOUNDS.join(' / ')}):`)
    console.log('| confidence | grade 0 | grade 1 | grade 2 | relevant |')
    console.log('|------------|---------|---------|---------|----------|')
    reliability.forEach((row, i) => {
      const p = precisionByConfidence[i]
      console.log(`| ${i + 1} | ${row.join(' | ')} | ${p === null ? '–' : `${Math.round(p * 100)} %`} |`)
    })
    return figures
  } finally {
    await prisma.$disconnect()
    await stopEmbeddedPostgres()
    await rm(dataDir, { recursive: true, force: true })
  }
}
