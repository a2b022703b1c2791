import { useTranslation } from 'react-i18next'
import { FieldError } from './field'
import { COOPERATION_MODES } from '~/validation/needs'

interface GroupProps {
  legend: string
  name: string
  id: string
  defaults?: string[]
  errors?: string[]
}

/** A labelled group of checkboxes sharing one name, with the group's translated errors. */
export function CheckboxGroup({
  legend,
  name,
  id,
  defaults,
  errors,
  options,
  className,
}: GroupProps & { options: Array<{ value: string; label: string }>; className?: string }) {
  return (
    <fieldset className={className ? `field ${className}` : 'field'}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label className="checkbox" key={option.value}>
          <input type="checkbox" name={name} value={option.value} defaultChecked={defaults?.includes(option.value)} />
          {option.label}
        </label>
      ))}
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  )
}

/** The cooperation / transfer modes as checkboxes, shared by the need and result forms. */
export function ModeCheckboxes(props: GroupProps) {
  const { t } = useTranslation()
  return (
    <CheckboxGroup {...props} options={COOPERATION_MODES.map((m) => ({ value: m, label: t(`search.mode.${m}`) }))} />
  )
}
