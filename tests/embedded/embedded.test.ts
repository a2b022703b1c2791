import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '~/utils/embedded-postgres.server'
import { applyMigrations } from '../../prisma/schema-engine'

/**
 * Smoke suite for the embedded default: PGlite served on a Unix socket, migrated by the same
 * runner, and compared with the real PostgreSQL so both give the same schema.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baodi-embedded-'))
let embedded: EmbeddedPostgres

const SCHEMA_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
  constraints: `SELECT conrelid::regclass::text AS tbl, conname, contype::text, pg_get_constraintdef(oid) AS def
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                -- PostgreSQL 18 (PGlite) also catalogs NOT NULL as constraints; nullability is
                -- compared through the columns instead.
                AND contype <> 'n' ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, e.enumsortorder`,
}

async function describeSchema(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const out: Record<string, unknown[]> = {}
    for (const [name, sql] of Object.entries(SCHEMA_QUERIES)) out[name] = (await client.query(sql)).rows
    return out
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  embedded = await startEmbeddedPostgres(dataDir)
})

afterAll(async () => {
  await embedded?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('embedded PostgreSQL (PGlite)', () => {
  it('applies the migrations once; a second run applies nothing', async () => {
    expect((await applyMigrations(embedded.url)).length).toBeGreaterThan(0)
    expect(await applyMigrations(embedded.url)).toEqual([])
  })

  it('gives the same tables, columns, constraints, indexes and enums as the real PostgreSQL', async () => {
    const base = new URL(process.env.TEST_DATABASE_URL!)
    const name = `baodi_parity_${process.pid}`
    const admin = new pg.Client({ connectionString: new URL('/postgres', base).toString() })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.query(`CREATE DATABASE "${name}"`)
    try {
      const realUrl = new URL(`/${name}`, base).toString()
      await applyMigrations(realUrl)
      const [real, lite] = await Promise.all([describeSchema(realUrl), describeSchema(embedded.url)])
      for (const key of Object.keys(SCHEMA_QUERIES)) expect(lite[key], key).toEqual(real[key])
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.end()
    }
  })

  it('boots like the app does: seeds demo data once, keeps it across a restart, and demo logins work', async () => {
    process.env.EMBEDDED_DATA_DIR = dataDir
    delete process.env.DATABASE_URL
    const { bootServer } = await import('~/boot.server')
    await bootServer()
    const { prisma } = await import('~/utils/db.server')
    const counts = async () => ({
      experts: await prisma.expert.count(),
      results: await prisma.researchResult.count(),
      needs: await prisma.need.count(),
      contracts: await prisma.contract.count(),
      users: await prisma.user.count(),
    })
    const first = await counts()
    expect(first.experts).toBeGreaterThanOrEqual(300)
    expect(first.results).toBeGreaterThanOrEqual(1000)
    expect(first.needs).toBeGreaterThanOrEqual(150)
    expect(first.contracts).toBeGreaterThanOrEqual(400)
    await bootServer()
    expect(await counts()).toEqual(first)
    // Believable demo data: nothing signed or registered after the demo's today.
    const demoToday = new Date('2026-12-01T00:00:00Z')
    expect(
      await prisma.contract.count({
        where: { OR: [{ signedOn: { gt: demoToday } }, { registeredAt: { gt: demoToday } }] },
      }),
    ).toBe(0)
    // No institution lists a title twice, no enterprise posts one twice; no templated abstracts.
    const twice = await prisma.$queryRaw<unknown[]>`
      SELECT 1 FROM "ResearchResult" GROUP BY "organizationId", "title" HAVING count(*) > 1
      UNION ALL SELECT 1 FROM "Need" GROUP BY "organizationId", "title" HAVING count(*) > 1`
    expect(twice).toHaveLength(0)
    expect(await prisma.researchResult.count({ where: { abstract: { startsWith: '本成果围绕' } } })).toBe(0)
    // The demo year's target is in reach: registered turnover is a believable share of it.
    const [year] = await prisma.$queryRaw<Array<{ registered: bigint; target: bigint }>>`
      SELECT (SELECT sum("amountFen") FROM "Contract" WHERE "status" IN ('REGISTERED', 'AMENDED')
                AND "registeredAt" >= '2026-01-01' AND "registeredAt" < '2027-01-01')::bigint AS registered,
             (SELECT "value" FROM "Target" WHERE "year" = 2026 AND "metric" = 'CONTRACT_AMOUNT')::bigint AS target`
    const share = Number(year.registered) / Number(year.target)
    expect(share).toBeGreaterThan(0.5)
    expect(share).toBeLessThan(1.2)

    const { authenticate } = await import('~/models/accounts.server')
    const { DEMO_LOGINS, DEMO_PASSWORD } = await import('../../prisma/seed/seed')
    for (const login of DEMO_LOGINS) {
      expect(await authenticate(login.email, DEMO_PASSWORD, 'embedded-test'), login.email).toMatchObject({ ok: true })
    }
    const { stopWorkers } = await import('~/boot.server')
    await stopWorkers()
    await prisma.$disconnect()
  })
})
