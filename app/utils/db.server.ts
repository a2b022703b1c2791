import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'
import { resolveDatabaseUrl } from './database-url.server'

declare global {
  var __prisma: PrismaClient | undefined
}

const { url, embedded } = await resolveDatabaseUrl()

function createClient() {
  // The embedded server multiplexes one PGlite instance, so a small pool is all it can use.
  const adapter = new PrismaPg({ connectionString: url, max: embedded ? 4 : 10 })
  return new PrismaClient({ adapter })
}

/** One Prisma client per process, surviving dev-server reloads. */
export const prisma = (globalThis.__prisma ??= createClient())
export const databaseUrl = url
export const usingEmbeddedDatabase = embedded
