/**
 * Command line: `npm run cli -- <command>`.
 *   import <file.json|.csv|.xlsx> --kind organizations|experts|results|needs|contracts [--dry-run]
 *   match --need <id|externalId> --kind experts|results|groups [--limit 10] [--min-confidence 3] [--json]
 *   reindex            (also `npm run search:reindex`)
 * Uses DATABASE_URL and MEILI_HOST like the app; without them, the embedded defaults in .data/.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { createI18n } from '~/i18n'
import { IMPORT_KINDS, type ImportKindName } from '~/imports/columns'
import { importTable, type ImportIssue } from '~/imports/importer.server'
import { readTable, TableReadError } from '~/imports/read.server'
import { matchNeed, type MatchKind } from '~/matching/match-need.server'
import { prepareSearch, searchEngine } from '~/search/engine.server'
import { reindexAll, searchQueueHandler } from '~/search/sync.server'
import { drain } from '~/jobs/worker.server'
import { applyMigrations } from '../../prisma/schema-engine'
import { seedReferenceData } from '../../prisma/seed/seed'
import { stopEmbeddedPostgres } from '~/utils/database-url.server'
import { databaseUrl, prisma } from '~/utils/db.server'

const t = createI18n('zh').t

class UsageError extends Error {}

function describe(issue: ImportIssue): string {
  const where =
    issue.row === 1 && !issue.column ? '文件' : `第 ${issue.row} 行${issue.column ? `「${issue.column}」` : ''}`
  return `${where}：${t(issue.key, issue.params ?? {})}`
}

async function runImport(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { kind: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  })
  const file = positionals[0]
  if (!file) throw new UsageError('usage: import <file.json|.csv|.xlsx> --kind <kind> [--dry-run]')
  if (!IMPORT_KINDS.includes(values.kind as ImportKindName)) {
    throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`)
  }
  const kind = values.kind as ImportKindName
  const buffer = await readFile(file)
  let table
  try {
    table = await readTable(buffer, path.basename(file))
  } catch (error) {
    if (error instanceof TableReadError) {
      console.error(t(error.key, error.params))
      return 1
    }
    throw error
  }
  const report = await importTable(prisma, kind, table, { fileName: path.basename(file), dryRun: values['dry-run'] })
  for (const warning of report.warnings) console.error(`提示 ${describe(warning)}`)
  for (const error of report.errors) console.error(`错误 ${describe(error)}`)
  if (report.newOrganizations.length) {
    console.error(`新建并标记待审核的单位：${report.newOrganizations.join('、')}`)
  }
  if (report.errors.length) {
    console.error(`共 ${report.rows} 行，${report.errors.length} 处错误，未写入任何数据。`)
    return 1
  }
  if (report.dryRun) {
    console.log(`预检通过：${report.rows} 行，将新增 ${report.created} 条、更新 ${report.updated} 条（未写入）。`)
    return 0
  }
  console.log(`导入完成：${report.rows} 行，新增 ${report.created} 条，更新 ${report.updated} 条。`)
  if (searchEngine().kind === 'meilisearch') {
    await drain(prisma, searchQueueHandler(prisma, searchEngine()))
  }
  return 0
}

async function findNeed(ref: string) {
  const byId = await prisma.need.findUnique({ where: { id: ref }, select: { id: true } })
  if (byId) return byId.id
  const byExternal = await prisma.need.findMany({ where: { externalId: ref }, select: { id: true } })
  if (byExternal.length === 1) return byExternal[0].id
  if (byExternal.length > 1) {
    throw new UsageError(
      `externalId ${ref} is used by ${byExternal.length} needs; pass the id: ${byExternal.map((n) => n.id).join(', ')}`,
    )
  }
  throw new UsageError(`no need with id or externalId ${ref}`)
}

async function runMatch(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      need: { type: 'string' },
      kind: { type: 'string', default: 'experts' },
      limit: { type: 'string', default: '10' },
      'min-confidence': { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  })
  if (!values.need)
    throw new UsageError('usage: match --need <id|externalId> --kind experts|results|groups [--limit 10] [--json]')
  if (!['experts', 'results', 'groups'].includes(values.kind))
    throw new UsageError('--kind must be experts, results or groups')
  const limit = Number(values.limit)
  const minConfidence = Number(values['min-confidence'])
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit must be 1–100')
  if (!Number.isInteger(minConfidence) || minConfidence < 1 || minConfidence > 5)
    throw new UsageError('--min-confidence must be 1–5')
  const needId = await findNeed(values.need)
  await prepareSearch({ consumeOutbox: searchEngine().kind === 'meilisearch' })
  const matches = await matchNeed(prisma, searchEngine(), needId, values.kind as MatchKind, { limit, minConfidence })
  if (!matches) throw new UsageError(`need ${values.need} not found`)
  const rows =
    values.kind === 'groups'
      ? matches.groups.map((g) => ({
          id: g.id,
          externalId: null,
          score: Number(g.score.toFixed(3)),
          confidence: g.confidence,
          reasons: g.reasons.map((r) => r.zh),
          coverage: Number(g.coverage.toFixed(3)),
          members: g.members,
          uncovered: g.uncovered,
        }))
      : matches.items.map((m) => ({
          id: m.id,
          externalId: m.externalId,
          name: m.title,
          institution: m.institution,
          score: m.score,
          confidence: m.confidence,
          reasons: m.reasons.map((r) => r.zh),
          matchedTerms: m.matchedTerms,
        }))
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2))
  } else {
    console.log(`需求关键词：${matches.terms.join('、')}`)
    rows.forEach((row, i) => {
      const name = 'name' in row ? `${row.name}（${row.institution}）` : row.id
      console.log(`${i + 1}. ${name}  得分 ${row.score}  匹配度 ${row.confidence}/5`)
      for (const reason of row.reasons) console.log(`     · ${reason}`)
    })
    if (matches.hidden) console.log(`另有 ${matches.hidden} 条低置信度匹配未显示（--min-confidence 1 可显示）`)
  }
  return 0
}

async function runReindex() {
  const engine = searchEngine()
  const started = Date.now()
  // A progress bar on a terminal; plain lines in logs.
  const tty = Boolean(process.stdout.isTTY)
  const bars = new cliProgress.MultiBar(
    { format: ' {index} |{bar}| {value}/{total}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  )
  const bar = new Map<string, cliProgress.SingleBar>()
  const counts = await reindexAll(prisma, engine, ({ index, done, total }) => {
    if (!tty) {
      if (done === total) console.log(`${index}: ${done}/${total}`)
      return
    }
    let b = bar.get(index)
    if (!b) bar.set(index, (b = bars.create(total, 0, { index: index.padEnd(8) })))
    b.update(done)
  })
  bars.stop()
  console.log(
    `reindexed ${counts.needs} needs, ${counts.results} results, ${counts.experts} experts in ${Date.now() - started} ms (${engine.kind})`,
  )
  if (engine.kind === 'embedded') {
    console.log('embedded engine: the running app server rebuilds its own index from the database at every start')
  }
  return 0
}

async function main() {
  const [command, ...rest] = process.argv.slice(2)
  await applyMigrations(databaseUrl)
  // Fields and towns are reference data every import resolves against (idempotent).
  await seedReferenceData(prisma)
  if (command === 'import') return runImport(rest)
  if (command === 'match') return runMatch(rest)
  if (command === 'reindex') return runReindex()
  throw new UsageError('commands: import, match, reindex')
}

let code = 1
try {
  code = await main()
} catch (error) {
  if (error instanceof UsageError) console.error(error.message)
  else console.error(error)
  code = error instanceof UsageError ? 2 : 1
} finally {
  await prisma.$disconnect()
  await stopEmbeddedPostgres()
}
process.exit(code)
