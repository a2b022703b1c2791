/**
 * A short-lived per-process cache for public data that is the same for everyone and may lag
 * a few seconds (the home page's figures and newest listings). Concurrent callers share one
 * computation. Never for anything personal, authorized per caller, or that must be exact.
 */
const entries = new Map<string, { expires: number; value: Promise<unknown> }>()

export function memoize<T>(key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
  const now = Date.now()
  const hit = entries.get(key)
  if (hit && hit.expires > now) return hit.value as Promise<T>
  const value = compute()
  entries.set(key, { expires: now + ttlMs, value })
  // A failure is not remembered: the next caller tries again.
  value.catch(() => entries.delete(key))
  return value
}

/** Forgets everything (tests). */
export function clearMemo() {
  entries.clear()
}
