/** What `serialize` makes of a value: bigints and dates become strings, at any depth. */
export type Serialized<T> = T extends bigint | Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Array<Serialized<U>>
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T

/**
 * Page data as JSON can carry it: money in fen (bigint) as a decimal string, an instant as its
 * ISO string. Dates a page shows are formatted by its model first (utils/format.ts); this is
 * for whatever is left.
 */
export function serialize<T>(value: T): Serialized<T> {
  return convert(value) as Serialized<T>
}

function convert(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(convert)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, convert(v)]))
  }
  return value
}
