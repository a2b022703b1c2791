import { dropDatabase, recreateDatabase } from '../../prisma/databases'
import { applyMigrations } from '../../prisma/schema-engine'
import { TEST_DATABASE_URL } from './test-db'

/** A fresh test database on the real PostgreSQL, migrated once per run. */
export default async function setup() {
  await recreateDatabase(TEST_DATABASE_URL)
  await applyMigrations(TEST_DATABASE_URL)
  return async () => {
    if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(TEST_DATABASE_URL)
  }
}
