import type { NewJob } from '~/jobs/queue.server'

export const CALLS_QUEUE = 'calls'

/** The job that opens a call's evaluation at its deadline (one per call, whatever happens to it). */
export const deadlineJob = (call: { id: string; deadline: Date }): NewJob => ({
  queue: CALLS_QUEUE,
  kind: 'deadline',
  payload: { callId: call.id },
  runAt: call.deadline,
  dedupeKey: `call:${call.id}:deadline`,
})
