import { Form } from '@remix-run/react'
import { getFormProps, useForm, type FormMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'
import { CsrfInput } from './csrf-input'
import { FieldError } from './field'

/**
 * A conform form checked by the same zod schema as the server: validated when a field is left,
 * re-validated as the user types once an error shows (a message vanishing on blur would shift
 * the layout under the pointer and swallow the click that caused the blur).
 */
export function useZodForm<Schema extends z.ZodType>(
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Record<string, unknown>,
) {
  return useForm<z.input<Schema> & Record<string, unknown>, z.output<Schema>>({
    lastResult,
    // Defaults are the form's text (e.g. keywords joined), not the schema's parsed output.
    defaultValue: defaultValue as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  })
}

/** The form element with its CSRF token and the form-level errors, shared by every zod form. */
export function ZodForm<Values extends Record<string, unknown>>({
  form,
  className = 'stack panel need-form',
  children,
}: {
  form: FormMetadata<Values, string[]>
  className?: string
  children: React.ReactNode
}) {
  return (
    <Form method="post" className={className} {...getFormProps(form)}>
      <CsrfInput />
      <FieldError id={`${form.id}-error`} errors={form.errors} />
      {children}
    </Form>
  )
}
