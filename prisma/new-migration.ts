import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { dropDatabase, recreateDatabase, withDatabaseName } from './databases'
import { diffMigrationsToSchema, migrationsDir } from './schema-engine'

/**
 * `npm run db:migration -- <name>`: writes the next migration folder from the schema diff.
 * The schema engine replays the existing migrations on a shadow database to learn where they
 * lead: a scratch database on DATABASE_URL's server, or an in-memory PGlite when no server is
 * configured. The real database is never touched.
 */
async function withShadowDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const configured = process.env.DATABASE_URL
  if (configured) {
    const url = withDatabaseName(configured, `shadow_${process.pid}_${Date.now()}`)
    await recreateDatabase(url)
    try {
      return await fn(url)
    } finally {
      await dropDatabase(url)
    }
  }
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadow-'))
  const db = await PGlite.create()
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, '.s.PGSQL.5432'), maxConnections: 8 })
  await server.start()
  try {
    return await fn(`postgresql://postgres:postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`)
  } finally {
    await server.stop()
    await db.close()
    fs.rmSync(socketDir, { recursive: true, force: true })
  }
}

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <snake_case_name>')
  process.exit(2)
}

const sql = await withShadowDatabase(diffMigrationsToSchema)
if (!sql.trim() || sql.includes('This is an empty migration')) {
  console.log('schema.prisma matches the migrations: nothing to write')
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const dir = path.join(migrationsDir, `${stamp}_${name}`)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql)
  const lock = path.join(migrationsDir, 'migration_lock.toml')
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n')
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`)
}
