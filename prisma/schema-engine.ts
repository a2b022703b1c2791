import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import { schemaEnginePoolConfig, withCharColumns, withWholeScripts } from './pg-config'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm'

/**
 * Prisma's own schema engine, loaded from its WebAssembly build, talking to PostgreSQL through
 * the pg driver adapter. It applies ordinary `prisma/migrations/<ts>_<name>/migration.sql`
 * folders and records them in `_prisma_migrations`, exactly as `prisma migrate deploy` does.
 */
const require = createRequire(import.meta.url)

export const prismaDir = path.resolve(process.env.PRISMA_DIR ?? 'prisma')
export const schemaPath = path.join(prismaDir, 'schema.prisma')
export const migrationsDir = path.join(prismaDir, 'migrations')

async function loadEngineModule() {
  const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg')
  const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'))
  const wasmPath = path.join(packageDir, 'schema_engine_bg.wasm')
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
    './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
  })
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void }
  bindings.__wbg_set_wasm(exports)
  exports.__wbindgen_start()
  return bindings
}

// The WebAssembly engine reports Rust panics through this global before throwing.
const panicRegistry = {
  message: '',
  set_message(message: string) {
    this.message = message
  },
}
;(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry

let enginePromise: ReturnType<typeof loadEngineModule> | undefined

/**
 * `shadowIsSelf`: the database is itself a throwaway, so the engine's shadow database is the
 * same one (used to diff on a scratch database).
 */
export async function openSchemaEngine(connectionString: string, { shadowIsSelf = false } = {}): Promise<SchemaEngine> {
  enginePromise ??= loadEngineModule()
  const bindings = await enginePromise
  const pgFactory = new PrismaPg(schemaEnginePoolConfig(connectionString))
  const connect = async () => withWholeScripts(withCharColumns(await pgFactory.connect()))
  const factory = {
    provider: 'postgres' as const,
    adapterName: pgFactory.adapterName,
    connect,
    connectToShadowDb: shadowIsSelf
      ? connect
      : async () => withWholeScripts(withCharColumns(await pgFactory.connectToShadowDb())),
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(factory)
  const datamodel = fs.readFileSync(schemaPath, 'utf8')
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message)
  }
  return bindings.SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, log, adapter)
}

export function readMigrations(): MigrationList {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml')
  const directories = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : []
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql')
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok' as const, value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      }
    }),
  }
}

const noFilters = { externalTables: [], externalEnums: [] }

/** Applies every pending migration; returns the names applied (empty on a second run). */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await openSchemaEngine(connectionString)
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilters })
    return result.appliedMigrationNames
  } finally {
    engine.free()
  }
}

/**
 * SQL that takes the database described by the migrations to the current schema.prisma.
 * `scratchUrl` must be an empty throwaway database: the migrations are replayed on it.
 */
export async function diffMigrationsToSchema(scratchUrl: string): Promise<string> {
  const engine = await openSchemaEngine(scratchUrl, { shadowIsSelf: true })
  try {
    const list = readMigrations()
    const from = list.migrationDirectories.length ? { tag: 'migrations' as const, ...list } : { tag: 'empty' as const }
    const result = await engine.diff({
      from,
      to: {
        tag: 'schemaDatamodel',
        files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }],
      },
      script: true,
      exitCode: null,
      filters: noFilters,
    })
    return result.stdout ?? ''
  } finally {
    engine.free()
  }
}
