import { Writable } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { bootServer, stopWorkers } from './boot.server'
import { prisma } from './utils/db.server'
import { stopEmbeddedPostgres } from './utils/database-url.server'
import { getEnv } from './utils/env.server'
import { NonceContext } from './utils/nonce'
import { documentSecurityHeaders, newNonce } from './utils/security-headers.server'
import { releaseOwnJobs } from '~/jobs/queue.server'

declare global {
  var __booted: Promise<void> | undefined
}

// Migrations (and demo data on the embedded default) before the first request is served.
await (globalThis.__booted ??= bootServer())

const ABORT_DELAY = 5_000

/**
 * Called by the production server (scripts/server.mjs) once it stopped accepting requests and
 * the in-flight ones finished: background workers finish their current batch (jobs not started
 * stay queued for another process), then the database pool and the embedded database close.
 */
/** The jobs still running when the grace period ends, handed back to the queue (scripts/server.mjs). */
export const releaseUnfinishedJobs = () => releaseOwnJobs(prisma)

export async function shutdown() {
  await stopWorkers()
  await prisma.$disconnect()
  await stopEmbeddedPostgres()
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const nonce = newNonce()
  const security = documentSecurityHeaders(nonce, {
    production: process.env.NODE_ENV === 'production',
    publicBaseUrl: getEnv().PUBLIC_BASE_URL,
  })
  return new Promise((resolve, reject) => {
    let shellRendered = false
    // The pages stream nothing (no deferred data), so the document is rendered whole and sent as
    // one body: React's few dozen small chunks each cost a trip through a Node stream, a web
    // stream and a socket write, a measurable share of a page's CPU time (issue 14).
    const chunks: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        done()
      },
    })
    sink.on('finish', () => {
      clearTimeout(timer)
      const body = Buffer.concat(chunks)
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
      responseHeaders.set('Content-Length', String(body.byteLength))
      for (const [name, value] of Object.entries(security)) responseHeaders.set(name, value)
      resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }))
    })
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true
          pipe(sink)
        },
        onShellError(error: unknown) {
          clearTimeout(timer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    // Cleared once the document is out (React calls back only after this returns): a pending
    // timer kept the whole render, its tree and chunks, reachable for five seconds, so every
    // page's garbage outlived the young generation.
    const timer = setTimeout(abort, ABORT_DELAY)
  })
}
