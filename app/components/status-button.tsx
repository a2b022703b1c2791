import { Form } from '@remix-run/react'
import { CsrfInput } from './csrf-input'

/**
 * A one-button form posting a `statusChange` (publish, close, archive…) to the current route. It
 * is not called `intent`, so a page's main form may use the same words for its own buttons.
 */
export function StatusButton({ intent, label }: { intent: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <button type="submit" name="statusChange" value={intent}>
        {label}
      </button>
    </Form>
  )
}
