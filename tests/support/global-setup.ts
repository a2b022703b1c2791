import pg from 'pg'
import { applyMigrations } from '../../prisma/schema-engine'
import { TEST_DATABASE_URL } from './test-db'

/** A fresh test database on the real PostgreSQL, migrated once per run. */
export default async function setup() {
  const url = new URL(TEST_DATABASE_URL)
  const name = url.pathname.slice(1)
  const adminUrl = new URL(url)
  adminUrl.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: adminUrl.toString() })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  await applyMigrations(url.toString())
}
