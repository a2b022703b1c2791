import pg from 'pg'
import { parse } from 'pg-connection-string'
import { ColumnTypeEnum, type SqlQueryable, type SqlResultSet } from '@prisma/driver-adapter-utils'

/**
 * The schema engine reads the catalog (`pg_constraint.contype` and friends), whose one-byte
 * `"char"` type (OID 18) the pg driver adapter does not map. The client relabels those columns
 * as text (their values already arrive as strings) and remembers where they were, and the
 * adapter wrapper reports them to the engine as the Character type it expects.
 */
const CHAR_OID = 18
const TEXT_OID = 25
const charColumns = new WeakMap<object, number[]>()

type QueryResultLike = { fields?: Array<{ dataTypeID: number }>; rows?: object }

function relabelCharColumns<T>(result: T): T {
  const { fields, rows } = (result ?? {}) as QueryResultLike
  const indexes: number[] = []
  fields?.forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return
    field.dataTypeID = TEXT_OID
    indexes.push(index)
  })
  if (indexes.length && rows) charColumns.set(rows, indexes)
  return result
}

class CatalogFriendlyClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const query = super.query as (...a: unknown[]) => unknown
    const last = args[args.length - 1]
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, relabelCharColumns(res))
      return query.apply(this, args)
    }
    const out = query.apply(this, args)
    return out instanceof Promise ? out.then(relabelCharColumns) : out
  }
}

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  for (const index of charColumns.get(result.rows) ?? []) {
    result.columnTypes[index] = ColumnTypeEnum.Character
  }
  return result
}

type Queryable = SqlQueryable & { startTransaction?: (...args: never[]) => Promise<SqlQueryable> }

export function withCharColumns<T extends Queryable>(adapter: T): T {
  const queryRaw = adapter.queryRaw.bind(adapter)
  adapter.queryRaw = async (query) => restoreCharColumns(await queryRaw(query))
  const startTransaction = adapter.startTransaction?.bind(adapter)
  if (startTransaction) {
    adapter.startTransaction = async (...args: never[]) => withCharColumns(await startTransaction(...args))
  }
  return adapter
}

/**
 * Discrete pg settings for the schema engine (a `connectionString` would override the
 * `database` the adapter sets for a shadow database).
 */
export function schemaEnginePoolConfig(connectionString: string): pg.PoolConfig {
  const parsed = parse(connectionString)
  return {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user ?? undefined,
    password: parsed.password ?? undefined,
    database: parsed.database ?? undefined,
    max: 1,
    Client: CatalogFriendlyClient,
  }
}

/**
 * The pg adapter runs a migration script by splitting it at every `;`, which cuts dollar-quoted
 * function bodies apart. PostgreSQL runs a multi-statement script as one simple query, as
 * `prisma migrate deploy` does, so the script goes over whole.
 */
export function withWholeScripts<T extends { executeScript(script: string): Promise<void> }>(adapter: T): T {
  const inner = adapter as unknown as { client: pg.Pool; onError(error: unknown): never }
  adapter.executeScript = async (script: string) => {
    try {
      await inner.client.query(script)
    } catch (error) {
      inner.onError(error)
    }
  }
  return adapter
}
