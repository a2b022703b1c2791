import pg from 'pg'

/** The same server, another database name. */
export function withDatabaseName(url: string, name: string): string {
  const next = new URL(url)
  next.pathname = `/${name}`
  return next.toString()
}

async function onServer(url: string, sql: string) {
  const admin = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

/** Drops (closing its connections) and creates the database `url` names, empty. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1)
  await onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await onServer(url, `CREATE DATABASE "${name}"`)
}

export async function dropDatabase(url: string): Promise<void> {
  await onServer(url, `DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`)
}
