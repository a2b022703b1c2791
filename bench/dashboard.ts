/**
 * `npm run bench:dashboard [-- --scale 0.1]`: loads 1,000,000 contracts (times the scale) over
 * six years into a scratch database, then measures the bureau dashboard's requests and each of
 * their queries, the drill-down, and what the rollup trigger adds to a contract write.
 * Run it against the real PostgreSQL: `DATABASE_URL=postgresql://… npm run bench:dashboard`.
 * The last line is one JSON object.
 */
import { percentile, scaleArg, useScratchDatabase } from './support/scratch-db'

const scale = scaleArg()
const database = await useScratchDatabase('baodi_bench_dashboard')

const { prisma, databaseUrl } = await import('~/utils/db.server')
const { stopEmbeddedPostgres } = await import('~/utils/database-url.server')
const { applyMigrations } = await import('../prisma/schema-engine')
const { seedReferenceData } = await import('../prisma/seed/seed')
const { getDashboard, rollupFigures } = await import('~/contracts/turnover.server')
const { DIMENSIONS } = await import('~/contracts/turnover-query.server')
const { drillDown } = await import('~/contracts/drill-down.server')

const CONTRACTS = Math.round(1_000_000 * scale)
const ENTERPRISES = 2000
const INSTITUTIONS = 300
const YEARS = [2021, 2022, 2023, 2024, 2025, 2026]
const SAMPLES = 200
const NOW = new Date('2026-11-27T08:00:00Z')

let seed = 20261127
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]

const rows: Array<[string, string]> = []
const timed = async (label: string, fn: () => Promise<unknown>) => {
  const started = performance.now()
  await fn()
  const ms = performance.now() - started
  rows.push([label, `${(ms / 1000).toFixed(1)} s`])
  return ms
}
async function sample(fn: () => Promise<unknown>, n = SAMPLES) {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { p50: Number(percentile(times, 50).toFixed(1)), p95: Number(percentile(times, 95).toFixed(1)) }
}

try {
  await applyMigrations(databaseUrl)
  await seedReferenceData(prisma)
  const areas = (await prisma.area.findMany({ select: { id: true } })).map((a) => a.id)
  const fields = (await prisma.techField.findMany({ select: { code: true } })).map((f) => f.code)
  const institutionRegions = ['110108', '110105', '120101', '120104', '130100', '130200', '310000', '440300']
  await prisma.organization.createMany({
    data: [
      ...Array.from({ length: ENTERPRISES }, (_, i) => ({
        id: `bench-e-${i}`,
        kind: 'ENTERPRISE' as const,
        name: `宝坻测试企业${i}`,
        regionCode: '120115',
        areaId: areas[i % areas.length],
        inDevelopmentZone: i % 7 === 0,
      })),
      ...Array.from({ length: INSTITUTIONS }, (_, i) => ({
        id: `bench-i-${i}`,
        kind: 'UNIVERSITY' as const,
        name: `测试高校${i}`,
        regionCode: institutionRegions[i % institutionRegions.length],
        legalEntityType: 'UNIVERSITY' as const,
      })),
    ],
  })

  // Bulk load with the trigger off, then one set-based rebuild of the rollup.
  await prisma.$executeRawUnsafe('ALTER TABLE "Contract" DISABLE TRIGGER contract_rollup')
  const load = await timed(`load ${CONTRACTS.toLocaleString('en')} contracts`, async () => {
    const chunk = 100_000
    for (let from = 1; from <= CONTRACTS; from += chunk) {
      const to = Math.min(CONTRACTS, from + chunk - 1)
      await prisma.$executeRaw`
        INSERT INTO "Contract" ("id", "type", "projectName", "status", "registrationNumber",
          "buyerOrgId", "buyerName", "buyerRegionCode", "buyerEntityType",
          "sellerOrgId", "sellerName", "sellerRegionCode", "sellerEntityType",
          "amountFen", "techAmountFen", "signedOn", "registeredAt", "fieldCode", "areaId", "inDevelopmentZone", "updatedAt")
        SELECT 'bench-c-' || g,
          (ARRAY['DEVELOPMENT_COMMISSIONED','DEVELOPMENT_COOPERATIVE','TRANSFER','LICENSE','CONSULTING','SERVICE'])[1 + g % 6]::"ContractType",
          '测试合同' || g,
          (CASE WHEN g % 20 = 0 THEN 'SIGNED' WHEN g % 50 = 1 THEN 'TERMINATED' WHEN g % 25 = 2 THEN 'AMENDED'
                ELSE 'REGISTERED' END)::"ContractStatus",
          CASE WHEN g % 20 = 0 THEN NULL ELSE lpad(g::text, 16, '0') END,
          -- 吸纳 half the time (a Baodi enterprise buys), 输出 40 %, both parties in Baodi 10 %.
          CASE WHEN g % 10 < 5 OR g % 10 = 9 THEN 'bench-e-' || (g % ${ENTERPRISES}) ELSE 'bench-i-' || (g % ${INSTITUTIONS}) END,
          '买方' || g,
          CASE WHEN g % 10 < 5 OR g % 10 = 9 THEN '120115'
               ELSE (${institutionRegions}::text[])[1 + (g % ${INSTITUTIONS}) % ${institutionRegions.length}] END,
          'ENTERPRISE'::"LegalEntityType",
          CASE WHEN g % 10 < 5 THEN 'bench-i-' || (g % ${INSTITUTIONS}) ELSE 'bench-e-' || ((g * 7) % ${ENTERPRISES}) END,
          '卖方' || g,
          CASE WHEN g % 10 < 5 THEN (${institutionRegions}::text[])[1 + (g % ${INSTITUTIONS}) % ${institutionRegions.length}]
               ELSE '120115' END,
          'UNIVERSITY'::"LegalEntityType",
          (g::bigint * 104729 % 500000000) + 100000,
          ((g::bigint * 104729 % 500000000) + 100000) * (70 + g % 31) / 100,
          date '2021-01-01' + ((g::bigint * 7919) % 2190)::int,
          -- Registered 1 to 45 days after signing (so some cross a year), at 10:00 in Beijing.
          CASE WHEN g % 20 = 0 THEN NULL
               ELSE (date '2021-01-01' + ((g::bigint * 7919) % 2190)::int + (1 + g % 45))::timestamp + interval '2 hours' END,
          (${fields}::text[])[1 + g % ${fields.length}],
          (${areas}::text[])[1 + (CASE WHEN g % 10 < 5 OR g % 10 = 9 THEN g % ${ENTERPRISES} ELSE (g * 7) % ${ENTERPRISES} END) % ${areas.length}],
          (CASE WHEN g % 10 < 5 OR g % 10 = 9 THEN g % ${ENTERPRISES} ELSE (g * 7) % ${ENTERPRISES} END) % 7 = 0,
          now()
        FROM generate_series(${from}::int, ${to}::int) AS g`
    }
  })
  await prisma.$executeRawUnsafe('ALTER TABLE "Contract" ENABLE TRIGGER contract_rollup')
  const rebuild = await timed('rollup rebuild (set-based)', () => prisma.$executeRaw`SELECT contract_rollup_rebuild()`)
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Contract"')
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "ContractRollup"')
  const rollupRows = Number(
    (await prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "ContractRollup"`)[0].n,
  )

  const filters = () => {
    const s = random()
    return {
      year: pick(YEARS),
      basis: pick(['OUTFLOW', 'INFLOW', 'BOTH'] as const),
      scope:
        s < 0.5
          ? ({ kind: 'district' } as const)
          : s < 0.85
            ? ({ kind: 'area', areaId: pick(areas) } as const)
            : ({ kind: 'zone' } as const),
    }
  }
  // Warm-up, as a running server would be.
  for (let i = 0; i < 20; i++) await getDashboard(filters(), NOW)

  const queries: Record<string, { p50: number; p95: number }> = {}
  queries['monthly trend (registered)'] = await sample(() => rollupFigures(filters(), 'COUNTED', 'all', true))
  queries['pipeline (signed, unregistered)'] = await sample(() => rollupFigures(filters(), 'PIPELINE', 'all', true))
  for (const dim of DIMENSIONS) {
    queries[`breakdown: ${dim}`] = await sample(() => rollupFigures(filters(), 'COUNTED', dim, false))
  }
  // Drill-downs by kind of figure: the total, a month, a type, a counterpart region, a town, a seller.
  const drills: Record<string, { p50: number; p95: number }> = {}
  const drillKeys: Record<string, () => string> = {
    total: () => '',
    month: () => String(1 + Math.floor(random() * 12)),
    type: () => pick(['TRANSFER', 'SERVICE', 'LICENSE']),
    counterpart: () => pick(['BEIJING', 'HEBEI', 'TIANJIN']),
    area: () => pick(areas),
    seller: () => `bench-i-${Math.floor(random() * INSTITUTIONS)}`,
  }
  for (const [dim, key] of Object.entries(drillKeys)) {
    drills[dim] = await sample(
      () =>
        drillDown(
          filters(),
          dim === 'total' ? {} : { dim: dim as 'month' | 'type' | 'counterpart' | 'area' | 'seller', key: key() },
          1 + Math.floor(random() * 3),
          NOW,
        ),
      50,
    )
  }
  const drill = {
    p50: Math.max(...Object.values(drills).map((d) => d.p50)),
    p95: Math.max(...Object.values(drills).map((d) => d.p95)),
  }
  const dashboard = await sample(() => getDashboard(filters(), NOW))

  // What the trigger adds to a write: one contract inserted, then amended, with the rollup kept.
  let n = 0
  const write = await sample(async () => {
    const id = `bench-w-${n++}`
    await prisma.contract.create({
      data: {
        id,
        type: 'TRANSFER',
        projectName: '写入测试',
        status: 'REGISTERED',
        registrationNumber: `9${String(n).padStart(15, '0')}`,
        buyerName: '买方',
        buyerRegionCode: '120115',
        buyerEntityType: 'ENTERPRISE',
        sellerName: '卖方',
        sellerRegionCode: '110108',
        sellerEntityType: 'UNIVERSITY',
        amountFen: 1_000_000n,
        techAmountFen: 900_000n,
        signedOn: new Date('2026-05-05'),
        registeredAt: new Date('2026-05-20T02:00:00Z'),
        areaId: pick(areas),
      },
    })
    await prisma.contract.update({ where: { id }, data: { status: 'AMENDED', amountFen: 1_200_000n, version: 2 } })
  }, 100)

  const worst = Object.entries(queries).sort((a, b) => b[1].p95 - a[1].p95)[0]
  console.log(`\nbench:dashboard on ${database.kind}, scale ${scale}\n`)
  console.log('| measure | p50 | p95 |')
  console.log('|---|---|---|')
  for (const [label, value] of rows) console.log(`| ${label} | ${value} | |`)
  console.log(`| rollup rows | ${rollupRows.toLocaleString('en')} | |`)
  for (const [label, t] of Object.entries(queries)) console.log(`| query: ${label} | ${t.p50} ms | ${t.p95} ms |`)
  for (const [dim, t] of Object.entries(drills))
    console.log(`| drill-down page by ${dim} (50 contracts + total) | ${t.p50} ms | ${t.p95} ms |`)
  console.log(`| whole dashboard request (all queries) | ${dashboard.p50} ms | ${dashboard.p95} ms |`)
  console.log(`| contract insert + amendment, rollup kept | ${write.p50} ms | ${write.p95} ms |`)
  console.log(
    JSON.stringify({
      dashboardP50Ms: dashboard.p50,
      dashboardP95Ms: dashboard.p95,
      worstQuery: worst[0],
      worstQueryP95Ms: Math.max(worst[1].p95, drill.p95),
      drillDownP95Ms: drill.p95,
      writeP95Ms: write.p95,
      loadS: Number((load / 1000).toFixed(1)),
      rollupRebuildS: Number((rebuild / 1000).toFixed(1)),
      rollupRows,
      contracts: CONTRACTS,
      database: database.kind,
      scale,
    }),
  )
} finally {
  await prisma.$disconnect()
  await stopEmbeddedPostgres()
  // BENCH_KEEP=1 leaves the scratch database for a look at the query plans.
  if (process.env.BENCH_KEEP !== '1') await database.cleanup()
}
