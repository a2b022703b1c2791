import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { advanceTestClock, testClockEnabled } from '~/utils/clock.server'
import { notFound } from '~/utils/permissions.server'

const AdvanceSchema = z.object({
  hours: z.coerce
    .number()
    .min(0)
    .max(24 * 400),
})

/**
 * End-to-end tests move the platform's clock forward (past a call's deadline) instead of waiting.
 * Exists only when the server runs with TEST_CLOCK=1; everywhere else it is 404.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (!testClockEnabled()) notFound()
  const parsed = AdvanceSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ error: 'hours: a number from 0 to 9600' }, { status: 400 })
  const now = await advanceTestClock(parsed.data.hours * 3_600_000)
  return Response.json({ now: now.toISOString() })
}

export const loader = () => notFound()
