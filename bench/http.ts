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
 *
 * Then, signed in as the demo office, it uploads a spreadsheet of `--rows` results (50,000 by
 * default; 0 skips it) and, while the preview job checks it, drives the home page and samples
 * every server process's memory: the peak of the busiest process, and the home page's latency
 * while an import is being checked.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import autocannon from 'autocannon'
import { useScratchDatabase } from './support/scratch-db'

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}
const duration = arg('duration', 20)
const uploadRows = arg('rows', 50_000)
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
// Started as operators start it (`npm start`: its heap limit and malloc arenas), in a process
// group of its own so that npm, the primary and the workers stop together.
const server = spawn('npm', ['start', '--silent'], { env, stdio: 'ignore', detached: true })
// Being in a group of its own, the server does not hear the terminal's Ctrl-C: pass it on.
process.once('SIGINT', () => {
  process.kill(-server.pid!, 'SIGTERM')
  process.exit(130)
})

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Stops the server and waits for its own processes: npm and its shell exit at once on the signal,
 * while the server may take its grace period (the scratch database is dropped only after).
 */
async function stopServer() {
  const pids = await processTree(server.pid!)
  process.kill(-server.pid!, 'SIGTERM')
  while (pids.some(alive)) await new Promise((r) => setTimeout(r, 100))
}

/** Signs in through the login form (its CSRF cookie and token) and returns the session cookie. */
async function signIn(email: string) {
  const page = await fetch(`${base}/login`)
  const csrfCookie = page.headers.getSetCookie().map((c) => c.split(';')[0])
  const token = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie.join('; '), Origin: base },
    body: new URLSearchParams({ csrf: token, email, password: 'Baodi2026demo' }),
  })
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('__session='))
  if (!session) throw new Error(`sign-in failed (${login.status})`)
  return session
}

/** The process and every process below it. */
async function processTree(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')
  const below = await Promise.all(children.split(/\s+/).filter(Boolean).map(Number).map(processTree))
  return [pid, ...below.flat()]
}

/** Resident memory of the server's processes (the primary and its workers, not npm or its shell), in MB. */
async function serverRssMb(): Promise<number[]> {
  const [, ...pids] = await processTree(server.pid!)
  const sizes = await Promise.all(
    pids.map(async (pid) => {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
      if (!/^Name:\s+node/m.test(status)) return 0
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
    }),
  )
  return sizes
}

/**
 * Uploads a results spreadsheet as the demo office and waits for its preview, while the home page
 * is driven and the server's memory sampled.
 */
async function uploadDuringLoad(rows: number) {
  const session = await signIn('office-admin@baodi-demo.cn')
  const form = await (await fetch(`${base}/office/import`, { headers: { Cookie: session } })).text()
  const csrf = /name="csrf" value="([^"]+)"/.exec(form)?.[1] ?? ''
  const organization = /将成果或专家导入到([^。<]+?)。/.exec(form)?.[1]
  if (!organization) throw new Error('the import page did not name the office')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('成果')
  sheet.addRow(['外部编号', '成果名称', '成果简介', '完成单位', '技术领域', '关键词', '成熟度', '转化方式'])
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      `HTTP-${i}`,
      `高镍正极材料连续共沉淀工艺（${i}）`,
      '连续共沉淀制备前驱体，批次一致性好，已完成中试验证。',
      organization,
      '新能源',
      '正极材料、共沉淀',
      '中试',
      '技术转让',
    ])
  }
  const bytes = new Uint8Array(await book.xlsx.writeBuffer())
  const body = new FormData()
  body.set('csrf', csrf)
  body.set('kind', 'results')
  body.set('file', new File([bytes], 'bench.xlsx'))
  let peak = Math.max(...(await serverRssMb()))
  const before = peak
  const sampler = setInterval(() => void serverRssMb().then((s) => (peak = Math.max(peak, ...s))), 100)
  const started = performance.now()
  const uploaded = await fetch(`${base}/office/import`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: session, Origin: base },
    body,
  })
  const uploadMs = performance.now() - started
  const location = uploaded.headers.get('Location')
  if (uploaded.status !== 302 || !location) throw new Error(`upload answered ${uploaded.status}`)
  const home = new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${base}/`, connections: 2, duration: 600 }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
    void (async () => {
      // The batch page says 待提交 once the preview job has checked every row.
      while (!(await (await fetch(`${base}${location}`, { headers: { Cookie: session } })).text()).includes('待提交')) {
        await new Promise((r) => setTimeout(r, 500))
      }
      instance.stop()
    })()
  })
  const during = await home
  const previewMs = performance.now() - started
  clearInterval(sampler)
  return {
    rows,
    fileMb: Number((bytes.length / 1024 / 1024).toFixed(1)),
    uploadMs: Math.round(uploadMs),
    previewMs: Math.round(previewMs),
    rssBeforeMb: before,
    rssPeakMb: peak,
    homeP50: during.latency.p50,
    homeP99: during.latency.p99,
    homeMax: during.latency.max,
    homeErrors: during.errors + during.timeouts + during.non2xx,
  }
}

async function until(probe: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the server did not come up')
}

/** The p-th percentile of the response times (autocannon's summary has p90 and p97.5, not p95). */
function percentile(values: number[], p: number) {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)])
}

function run(title: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<autocannon.Result & { title: string; p95: number }>((resolve, reject) => {
    const times: number[] = []
    const instance = autocannon({ url: `${base}${path}`, connections, duration, headers }, (error, result) =>
      error ? reject(error) : resolve({ ...result, title, p95: percentile(times, 95) }),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
}

try {
  await until(async () => (await fetch(`${base}/healthz`)).ok, 180_000)
  const session = await signIn('enterprise-admin@baodi-demo.cn')
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
  console.log('| page | req/s | p50 ms | p90 ms | p95 ms | p99 ms | errors / non-2xx |')
  console.log('|---|---|---|---|---|---|---|')
  const figures = results.map((r) => ({
    page: r.title,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p95: r.p95,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  }))
  for (const f of figures) {
    console.log(`| ${f.page} | ${f.reqPerSec} | ${f.p50} | ${f.p90} | ${f.p95} | ${f.p99} | ${f.errors} |`)
  }
  const upload = uploadRows > 0 ? await uploadDuringLoad(uploadRows) : null
  if (upload) {
    console.log(`\nA ${upload.rows.toLocaleString()}-row XLSX (${upload.fileMb} MB) uploaded as the demo office\n`)
    console.log(
      '| upload answered | preview done | busiest server process, before / peak | / while checking: p50 / p99 / max ms | errors |',
    )
    console.log('|---|---|---|---|---|')
    console.log(
      `| ${upload.uploadMs} ms | ${(upload.previewMs / 1000).toFixed(1)} s | ${upload.rssBeforeMb} / ${upload.rssPeakMb} MB | ${upload.homeP50} / ${upload.homeP99} / ${upload.homeMax} | ${upload.homeErrors} |`,
    )
  }
  console.log(
    JSON.stringify({ database: database.kind, workers: Number(workers), connections, duration, figures, upload }),
  )
} finally {
  await stopServer()
  await database.cleanup()
}
