import { Form } from '@remix-run/react'
import { CsrfInput } from './csrf-input'

/** A one-button form posting an `intent` (publish, close, archive…) to the current route. */
export function StatusButton({ intent, label }: { intent: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <button type="submit" name="intent" value={intent}>
        {label}
      </button>
    </Form>
  )
}
