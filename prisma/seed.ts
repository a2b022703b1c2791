import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../app/generated/prisma/client'
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../app/utils/database-url.server'
import { applyMigrations } from './schema-engine'
import { seedDatabase } from './seed/seed'

/** `npm run db:seed`: applies migrations, then the deterministic demo data (safe to repeat). */
const { url } = await resolveDatabaseUrl()
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) })
try {
  await applyMigrations(url)
  const started = Date.now()
  await seedDatabase(prisma, (m) => console.log(`  ${m}`))
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
} finally {
  await prisma.$disconnect()
  await stopEmbeddedPostgres()
}
