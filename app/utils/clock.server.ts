import { prisma } from './db.server'
import { getEnv } from './env.server'

/**
 * The platform's "now" for rules that turn on a deadline (an open call's closing time). It is the
 * system clock, except in end-to-end tests (TEST_CLOCK=1), where every process adds the same
 * offset read from PostgreSQL, so a test moves past a deadline instead of waiting for it.
 */
export async function platformNow(): Promise<Date> {
  if (getEnv().TEST_CLOCK !== '1') return new Date()
  const clock = await prisma.testClock.findUnique({ where: { id: 1 } })
  return new Date(Date.now() + Number(clock?.offsetMs ?? 0n))
}

export const testClockEnabled = () => getEnv().TEST_CLOCK === '1'

/** Moves the test clock forward (one conditional statement, safe from several processes). */
export async function advanceTestClock(ms: number): Promise<Date> {
  if (!testClockEnabled()) throw new Error('The test clock is off (TEST_CLOCK is not 1)')
  const offset = BigInt(Math.round(ms))
  await prisma.testClock.upsert({
    where: { id: 1 },
    create: { id: 1, offsetMs: offset },
    update: { offsetMs: { increment: offset } },
  })
  return platformNow()
}
