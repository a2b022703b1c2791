import { afterAll, beforeEach } from 'vitest'
import { prisma } from '~/utils/db.server'
import { AREAS, FIELDS } from '../../prisma/seed/reference'

/** Clean state per test: every table emptied, then the reference data put back. */
beforeEach(async () => {
  const tables = await prisma.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`)
  await prisma.area.createMany({ data: AREAS.map((a, i) => ({ id: `area-${a.code}`, ...a, sortOrder: i })) })
  await prisma.techField.createMany({ data: FIELDS.filter((f) => !f.parentCode) })
  await prisma.techField.createMany({ data: FIELDS.filter((f) => f.parentCode) })
})

afterAll(async () => {
  await prisma.$disconnect()
})
