import { data } from '@remix-run/node'

/**
 * The one reply of a multi-action route, whichever `intent` it ran: the intent done (with a count
 * when the page says how many), or the errors by field, '' for the form as a whole.
 */
export type ActionResult<Intent extends string = string> =
  { ok: true; intent: Intent; count?: number } | { ok: false; errors: Record<string, string[]> }

export const actionDone = <Intent extends string>(intent: Intent, count?: number): ActionResult<Intent> =>
  count === undefined ? { ok: true, intent } : { ok: true, intent, count }

/** A refusal with its HTTP status: 400 for invalid input, 409 for a state that does not allow it. */
export const actionFailed = <Intent extends string = never>(errors: Record<string, string[]>, status = 400) =>
  data<ActionResult<Intent>>({ ok: false, errors }, { status })

/** Conform's and zod's errors by field, without the fields that passed. */
export function fieldErrors(
  error: Record<string, string[] | null | undefined> | null | undefined,
): Record<string, string[]> {
  return Object.fromEntries(Object.entries(error ?? {}).filter((entry): entry is [string, string[]] => !!entry[1]))
}
