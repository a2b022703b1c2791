import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) with its data under `.data/`,
 * served over a Unix socket so the app, the CLI and Prisma's schema engine all speak plain
 * PostgreSQL to it. PGlite is single-process, so whichever process starts first owns the data
 * folder and the others connect to its socket.
 */
export interface EmbeddedPostgres {
  url: string
  owned: boolean
  stop(): Promise<void>
}

const SOCKET_NAME = '.s.PGSQL.5432'

export function embeddedDataDir() {
  return path.resolve(process.env.EMBEDDED_DATA_DIR ?? '.data')
}

function connectionUrl(socketDir: string) {
  return `postgresql://postgres:postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`
}

function socketAnswers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

function processAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitForSocket(socketPath: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await socketAnswers(socketPath)) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

/** Takes the data folder's lock file, or returns false when a live process holds it. */
function takeLock(lockPath: string): boolean {
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
    return true
  } catch {
    const holder = Number(fs.readFileSync(lockPath, 'utf8'))
    if (holder && holder !== process.pid && processAlive(holder)) return false
    fs.writeFileSync(lockPath, String(process.pid))
    return true
  }
}

export async function startEmbeddedPostgres(baseDir = embeddedDataDir()): Promise<EmbeddedPostgres> {
  const socketDir = path.join(baseDir, 'run')
  const socketPath = path.join(socketDir, SOCKET_NAME)
  const lockPath = path.join(baseDir, 'pglite.lock')
  fs.mkdirSync(socketDir, { recursive: true })
  const url = connectionUrl(socketDir)
  const shared = { url, owned: false, stop: async () => {} }

  if (await socketAnswers(socketPath)) return shared
  if (!takeLock(lockPath)) {
    if (await waitForSocket(socketPath, 60_000)) return shared
    throw new Error(`Embedded PostgreSQL at ${baseDir} is locked by another process that does not answer`)
  }
  fs.rmSync(socketPath, { force: true })

  const db = await PGlite.create({ dataDir: path.join(baseDir, 'pglite') })
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 32 })
  await server.start()
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await server.stop()
    await db.close()
    fs.rmSync(socketPath, { force: true })
    fs.rmSync(lockPath, { force: true })
  }
  return { url, owned: true, stop }
}
