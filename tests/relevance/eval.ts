/**
 * `npm run eval:relevance`: scores the matcher on each relevance suite (tests/relevance/suites.ts)
 * against a character-bigram cosine baseline computed in the same run, with nDCG@10 and P@5 for
 * the full ranking and for the default view (confidence ≥ 3), and a reliability table: the share
 * of relevant items at each confidence. Each suite runs in a child process on its own scratch
 * embedded database, loaded through the import code and indexed like production.
 * `EVAL_POOL=file` also writes the candidates to grade (pooled from several rankers).
 * The last line printed is one JSON object with the figures of both suites.
 */
import { spawnSync } from 'node:child_process'
import { SUITES, type SuiteName } from './suites'

const suite = process.env.EVAL_SUITE as SuiteName | undefined

if (!suite) {
  const figures: Record<string, unknown> = {}
  for (const name of SUITES) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename], {
      env: { ...process.env, EVAL_SUITE: name },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    const lines = child.stdout.trim().split('\n')
    console.log(lines.slice(0, -1).join('\n'))
    if (child.status !== 0) throw new Error(`suite ${name} failed (${child.status})`)
    figures[name] = JSON.parse(lines[lines.length - 1])
    console.log('')
  }
  console.log(JSON.stringify(figures))
} else {
  const { runSuite } = await import('./run-suite')
  const result = await runSuite(suite)
  console.log(JSON.stringify(result))
}
