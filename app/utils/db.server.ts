import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'
import { resolveDatabaseUrl } from './database-url.server'
import { preparedStatementNames } from './prepared-statements.server'

declare global {
  var __prisma: PrismaClient | undefined
}

const { url, embedded } = await resolveDatabaseUrl()

function createClient() {
  // The embedded server runs every connection's messages on one PGlite session, so two
  // connections would interleave inside each other's transactions and unnamed statements. One
  // connection keeps transactions whole; queries wait their turn in the pool.
  // On PostgreSQL each connection keeps its parsed statements (ADR 012). The embedded server
  // shares one session among its connections, so a reconnect would meet names it already has.
  const adapter = new PrismaPg(
    // A connection lives at most five minutes: one whose prepared statements a migration made
    // stale (ADR 012) is replaced rather than kept failing.
    { connectionString: url, max: embedded ? 1 : 10, maxLifetimeSeconds: embedded ? 0 : 300 },
    embedded ? undefined : { statementNameGenerator: preparedStatementNames() },
  )
  // Prisma's defaults (2 s to get a connection for a transaction, 5 s to finish it) turn a burst
  // of writes queueing for the pool (ten API drafts at once, one embedded connection) into 500s.
  // Waiting longer is the better answer; a statement that truly hangs still ends at 30 s.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } })
}

/** One Prisma client per process, surviving dev-server reloads. */
export const prisma = (globalThis.__prisma ??= createClient())
export const databaseUrl = url
export const usingEmbeddedDatabase = embedded
