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

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  label: string
  name: string
  errors?: string[]
  hint?: string
}

/** Labelled input whose error keys are translated and announced to screen readers. */
export function Field({ label, name, errors, hint, id, ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`
  const errorId = `${fieldId}-error`
  const invalid = Boolean(errors?.length)
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <input
        id={fieldId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        {...input}
      />
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  )
}

interface SelectFieldProps extends React.SelectHTMLAttributes<HTMLSelectElement> {
  label: string
  name: string
  errors?: string[]
  options: Array<{ value: string; label: string }>
  placeholder?: string
}

export function SelectField({ label, name, errors, options, placeholder, id, ...select }: SelectFieldProps) {
  const fieldId = id ?? `field-${name}`
  const errorId = `${fieldId}-error`
  const invalid = Boolean(errors?.length)
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select
        id={fieldId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  )
}

interface TextAreaFieldProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string
  name: string
  errors?: string[]
  hint?: string
}

export function TextAreaField({ label, name, errors, hint, id, ...textarea }: TextAreaFieldProps) {
  const fieldId = id ?? `field-${name}`
  const errorId = `${fieldId}-error`
  const invalid = Boolean(errors?.length)
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        {...textarea}
      />
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  )
}
