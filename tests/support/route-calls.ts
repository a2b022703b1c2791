import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

/** A route's loader or action, as the tests call it. */
export type Fn = (args: ActionFunctionArgs | LoaderFunctionArgs) => Promise<unknown>

/** Calls a loader or action; what it throws (a redirect, a 404) is returned like an answer. */
export async function run(fn: Fn, request: Request, params: Record<string, string> = {}) {
  try {
    return await fn({ request, params, context: {} })
  } catch (thrown) {
    return thrown
  }
}

/** The status of an answer: a Response's, a `data()` result's, or 200 for plain data. */
export const statusOf = (r: unknown) =>
  r instanceof Response ? r.status : ((r as { init?: { status?: number } })?.init?.status ?? 200)

/** The data of a `data()` result, or the plain data itself. */
export const dataOf = <T = Record<string, unknown>>(r: unknown) => ((r as { data?: T })?.data ?? r) as T
