/**
 * `npm run bench:http [-- --duration 20 --connections 10]`: starts the production build
 * (`scripts/server.mjs`, WEB_CONCURRENCY from the environment, 2 by default) on a scratch
 * database with the demo data, signs in as the demo enterprise, and drives four pages with
 * autocannon one after another: the home page, a search, a need page and the signed-in
 * enterprise home. Prints req/s, latency percentiles and errors per page; the last line is JSON.
 *
 * With DATABASE_URL the scratch database is on that PostgreSQL server (dropped afterwards);
 * without it, the server runs on the embedded database (one process only). Run `npm run build`
 * first. The load generator shares the machine's cores with the server.
 */
import { execFileSync, spawn } from 'node:child_process'
import autocannon from 'autocannon'
import { useScratchDatabase } from './support/scratch-db'

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}
const duration = arg('duration', 20)
const connections = arg('connections', 10)
const port = 3400
const base = `http://127.0.0.1:${port}`

const database = await useScratchDatabase('baodi_bench_http')
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: String(port),
  SESSION_SECRET: 'bench-http-session-secret-0123456789abcdef',
  PUBLIC_BASE_URL: base,
  SEED_DEMO_DATA: '0',
  WEB_CONCURRENCY: process.env.DATABASE_URL ? (process.env.WEB_CONCURRENCY ?? '2') : '1',
  // A benchmark signs in from one address many times over.
  LOGIN_RATE_LIMIT: '1000',
}
// Migrations and the demo data first, so the workers start on a ready database.
execFileSync('npx', ['tsx', 'prisma/seed.ts'], { env, stdio: 'ignore' })
const server = spawn('node', ['scripts/server.mjs'], { env, stdio: 'ignore' })

async function until(probe: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the server did not come up')
}

function run(title: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<autocannon.Result & { title: string }>((resolve, reject) => {
    autocannon({ url: `${base}${path}`, connections, duration, headers }, (error, result) =>
      error ? reject(error) : resolve({ ...result, title }),
    )
  })
}

try {
  await until(async () => (await fetch(`${base}/healthz`)).ok, 180_000)
  // Sign in as the demo enterprise: the login page's CSRF cookie and token, then the form.
  const page = await fetch(`${base}/login`)
  const csrfCookie = page.headers.getSetCookie().map((c) => c.split(';')[0])
  const token = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie.join('; '), Origin: base },
    body: new URLSearchParams({ csrf: token, email: 'enterprise-admin@baodi-demo.cn', password: 'Baodi2026demo' }),
  })
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('__session='))
  if (!session) throw new Error(`sign-in failed (${login.status})`)
  // Warm each page once (route modules, caches) before measuring.
  const targets: Array<[string, string, Record<string, string>]> = [
    ['/ (public home)', '/', {}],
    ['/search/results?q=锂电池', `/search/results?q=${encodeURIComponent('锂电池')}`, {}],
    ['/needs/need-0002 (public teaser)', '/needs/need-0002', {}],
    ['/enterprise (signed in)', '/enterprise', { Cookie: session }],
  ]
  for (const [, path, headers] of targets) await fetch(`${base}${path}`, { headers })
  const results = []
  for (const [title, path, headers] of targets) results.push(await run(title, path, headers))

  const workers = env.WEB_CONCURRENCY
  console.log(
    `\nbench:http on ${database.kind}, WEB_CONCURRENCY=${workers}, ${connections} connections × ${duration} s each\n`,
  )
  console.log('| page | req/s | p50 ms | p90 ms | p97.5 ms | p99 ms | errors / non-2xx |')
  console.log('|---|---|---|---|---|---|---|')
  const figures = results.map((r) => ({
    page: r.title,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  }))
  for (const f of figures) {
    console.log(`| ${f.page} | ${f.reqPerSec} | ${f.p50} | ${f.p90} | ${f.p97_5} | ${f.p99} | ${f.errors} |`)
  }
  console.log(JSON.stringify({ database: database.kind, workers: Number(workers), connections, duration, figures }))
} finally {
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  await database.cleanup()
}
