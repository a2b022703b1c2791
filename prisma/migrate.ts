import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../app/utils/database-url.server'
import { applyMigrations } from './schema-engine'

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
try {
  const { url, embedded } = await resolveDatabaseUrl()
  const applied = await applyMigrations(url)
  const where = embedded ? 'embedded PostgreSQL (.data/)' : 'DATABASE_URL'
  console.log(applied.length ? `applied to ${where}: ${applied.join(', ')}` : `${where} is up to date`)
} finally {
  await stopEmbeddedPostgres()
}
