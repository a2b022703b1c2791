import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.server'

declare global {
  var __embeddedPostgres: Promise<EmbeddedPostgres> | undefined
}

/** `DATABASE_URL` when set, otherwise the embedded PGlite server (started once per process). */
export async function resolveDatabaseUrl(): Promise<{ url: string; embedded: boolean }> {
  const configured = process.env.DATABASE_URL
  if (configured) return { url: configured, embedded: false }
  globalThis.__embeddedPostgres ??= startEmbeddedPostgres()
  const server = await globalThis.__embeddedPostgres
  return { url: server.url, embedded: true }
}

export async function stopEmbeddedPostgres() {
  const pending = globalThis.__embeddedPostgres
  globalThis.__embeddedPostgres = undefined
  if (pending) await (await pending).stop()
}
