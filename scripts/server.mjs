// The production HTTP server: Express in front of the Remix build. It exists for what a Remix
// request handler cannot do alone: know the client's address behind a known number of proxies,
// refuse oversized or malformed requests before they are read, send security headers on every
// response, run several worker processes, and shut down gracefully.
//
//   TRUST_PROXY_HOPS        proxies in front of the app whose X-Forwarded-For is trusted (0)
//   WEB_CONCURRENCY         worker processes on this machine (1)
//   SHUTDOWN_GRACE_SECONDS  how long in-flight requests may take after SIGTERM/SIGINT (10)
//   PORT, HOST              where to listen (3000, all interfaces)
import cluster from 'node:cluster'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import express from 'express'
import { refuseRequest } from './server-guards.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const int = (name, fallback, min = 0) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`)
  return value
}
const TRUST_PROXY_HOPS = int('TRUST_PROXY_HOPS', 0)
const WEB_CONCURRENCY = int('WEB_CONCURRENCY', 1, 1)
const GRACE_MS = int('SHUTDOWN_GRACE_SECONDS', 10, 1) * 1000
const PORT = int('PORT', 3000, 1)
/** How much of a refused request's body is read (and thrown away) so its sender sees the answer. */
const DRAIN_BYTES = 8 * 1024 * 1024

async function serve() {
  const build = await import(path.join(root, 'build/server/index.js'))
  const app = express()
  app.disable('x-powered-by')
  // Remix reads the URL itself; Express still parses every query string into req.query, and its
  // default parser (qs, nested objects) cost more than Node's flat one.
  app.set('query parser', 'simple')
  // req.ip: the socket's address, or the one the trusted proxies saw (counted from the right).
  app.set('trust proxy', TRUST_PROXY_HOPS)

  app.use((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'same-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    // The only client address the app reads; whatever a client sent under this name is replaced.
    req.headers['x-client-address'] = req.ip ?? 'unknown'
    const refused = refuseRequest(req)
    if (refused) {
      res.setHeader('Connection', 'close')
      const answer = () => {
        if (!res.headersSent) res.status(refused[0]).type('text/plain').send(refused[1])
      }
      // The body is read and discarded (up to DRAIN_BYTES) before the answer, so a client still
      // sending it gets the status instead of a broken pipe; a larger body is cut off.
      let seen = 0
      req.on('data', (chunk) => {
        seen += chunk.length
        if (seen > DRAIN_BYTES) {
          answer()
          req.destroy()
        }
      })
      req.on('end', answer)
      req.on('error', () => {})
      return
    }
    next()
  })
  app.use('/assets', express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }))
  // The other public files (favicon, robots.txt, fonts) all have an extension; a page path does
  // not, and asking the disk for it on every page (a stat call each) is skipped.
  const publicFiles = express.static(path.join(root, 'build/client'), { maxAge: '1h' })
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()))
  app.all('*', createRequestHandler({ build, mode: 'production' }))

  const server = app.listen(PORT, process.env.HOST, () => {
    console.log(`[server] ${process.pid} listening on http://localhost:${PORT}`)
  })
  let inFlight = 0
  server.on('request', (req, res) => {
    inFlight++
    res.on('close', () => inFlight--)
  })

  let stopping = false
  const stop = async (signal) => {
    if (stopping) return
    stopping = true
    console.log(`[server] ${process.pid} ${signal}: finishing ${inFlight} request(s)`)
    const deadline = Date.now() + GRACE_MS
    server.close()
    server.closeIdleConnections()
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    const forced = inFlight > 0
    server.closeAllConnections()
    let finished = false
    try {
      finished = await Promise.race([
        Promise.resolve(build.entry.module.shutdown?.()).then(() => true),
        new Promise((r) => setTimeout(() => r(false), Math.max(0, deadline - Date.now()))),
      ])
    } catch (error) {
      console.error('[server] shutdown:', error)
    }
    if (!finished) {
      // Background jobs still running: hand them to another server now rather than in a minute.
      const released = await Promise.race([
        Promise.resolve(build.entry.module.releaseUnfinishedJobs?.()).catch(() => 0),
        new Promise((r) => setTimeout(() => r(0), 2000)),
      ])
      console.log(`[server] ${process.pid} handed ${released ?? 0} unfinished job(s) back to the queue`)
    }
    const cut = [forced ? 'requests' : '', finished ? '' : 'background work'].filter(Boolean).join(' and ')
    console.log(`[server] ${process.pid} stopped${cut ? ` (${cut} cut off at the grace period)` : ''}`)
    process.exit(cut ? 1 : 0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

if (WEB_CONCURRENCY > 1 && !process.env.DATABASE_URL) {
  // The embedded database lives in one process; several processes share a real PostgreSQL
  // (and follow its index feed, app/search/feed.server.ts).
  console.error('[server] WEB_CONCURRENCY > 1 needs a PostgreSQL server (DATABASE_URL)')
  process.exit(1)
}

if (WEB_CONCURRENCY > 1 && cluster.isPrimary) {
  // Workers share the port; each boots the app (migrations are serialised by an advisory lock).
  for (let i = 0; i < WEB_CONCURRENCY; i++) cluster.fork()
  let exiting = false
  cluster.on('exit', (worker, code) => {
    if (!exiting) {
      console.error(`[server] worker ${worker.process.pid} exited (${code}); starting another`)
      cluster.fork()
    }
  })
  const stopAll = (signal) => {
    exiting = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
    const timer = setTimeout(() => process.exit(1), GRACE_MS + 5000)
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearTimeout(timer)
        process.exit(0)
      }
    })
  }
  process.on('SIGTERM', () => stopAll('SIGTERM'))
  process.on('SIGINT', () => stopAll('SIGINT'))
} else if (process.env.SERVER_NO_LISTEN !== '1') {
  await serve()
}
