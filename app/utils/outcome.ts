/**
 * What a model command comes to, one shape for all of them. Success carries the command's own
 * data; a refusal carries a message key (`error`, with the form field it belongs to when there is
 * one) or per-field message keys (`fieldErrors`), and says when the record was not found. A record
 * of another organization is "not found" too, so a probe learns nothing.
 */
export type FieldErrors = Record<string, string[]>

export type Refusal<E extends string = string> = { ok: false; error: E; field?: string; notFound?: boolean }

export type FieldRefusal = { ok: false; fieldErrors: FieldErrors; notFound?: boolean }

export type Outcome<T extends object = object, R extends Refusal<string> | FieldRefusal = Refusal> =
  ({ ok: true } & T) | R

/** The refusal for a record that is missing or not the caller's. */
export const NOT_FOUND = { ok: false, error: 'notFound', notFound: true } as const
