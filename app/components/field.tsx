import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

/** Error keys translated and joined, announced to screen readers. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <span id={id} className="error" role="alert">
      {errors.map((e) => t(e)).join('；')}
    </span>
  )
}

interface Labelled {
  label: string
  name: string
  errors?: string[]
  hint?: string
}

/**
 * The frame every field shares: label, control, hint, translated errors. `control` gets the
 * attributes that tie it to its label and error message.
 */
function FieldFrame({
  label,
  name,
  errors,
  hint,
  id,
  control,
}: Labelled & {
  id?: string
  control: (wiring: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => React.ReactNode
}) {
  const fieldId = id ?? `field-${name}`
  const errorId = `${fieldId}-error`
  const invalid = Boolean(errors?.length)
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {control({
        id: fieldId,
        name,
        'aria-invalid': invalid || undefined,
        'aria-describedby': invalid ? errorId : undefined,
      })}
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  )
}

type FieldProps = Labelled & React.InputHTMLAttributes<HTMLInputElement>

/** Labelled input whose error keys are translated and announced to screen readers. */
export function Field({ label, name, errors, hint, id, ...input }: FieldProps) {
  return <FieldFrame {...{ label, name, errors, hint, id }} control={(wiring) => <input {...wiring} {...input} />} />
}

type SelectFieldProps = Labelled &
  React.SelectHTMLAttributes<HTMLSelectElement> & {
    options: Array<{ value: string; label: string }>
    placeholder?: string
  }

export function SelectField({ label, name, errors, hint, options, placeholder, id, ...select }: SelectFieldProps) {
  return (
    <FieldFrame
      {...{ label, name, errors, hint, id }}
      control={(wiring) => (
        <select {...wiring} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  )
}

type TextAreaFieldProps = Labelled & React.TextareaHTMLAttributes<HTMLTextAreaElement>

export function TextAreaField({ label, name, errors, hint, id, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame {...{ label, name, errors, hint, id }} control={(wiring) => <textarea {...wiring} {...textarea} />} />
  )
}

// ---------- bound to a conform field ----------

// conform's field metadata, whatever the form's value types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, string[]>
type Unbound<P> = Omit<P, 'name' | 'errors'> & { meta: Meta }

/** A labelled input wired to its conform field: name, id, value, validation and errors. */
export function InputFor({
  meta,
  type = 'text',
  ...rest
}: Unbound<FieldProps> & { type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'hidden' | 'datetime-local' }) {
  return <Field {...rest} {...getInputProps(meta, { type })} errors={meta.errors} />
}

export function TextAreaFor({ meta, ...rest }: Unbound<TextAreaFieldProps>) {
  return <TextAreaField {...rest} {...getTextareaProps(meta)} errors={meta.errors} />
}

export function SelectFor({ meta, ...rest }: Unbound<SelectFieldProps>) {
  return <SelectField {...rest} {...getSelectProps(meta)} errors={meta.errors} />
}
