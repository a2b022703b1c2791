import { useTranslation } from 'react-i18next'
import { FieldError } from './field'
import { COOPERATION_MODES } from '~/validation/needs'

/** The cooperation / transfer modes as checkboxes, shared by the need and result forms. */
export function ModeCheckboxes({
  legend,
  name,
  id,
  defaults,
  errors,
}: {
  legend: string
  name: string
  id: string
  defaults?: string[]
  errors?: string[]
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {COOPERATION_MODES.map((mode) => (
        <label className="checkbox" key={mode}>
          <input type="checkbox" name={name} value={mode} defaultChecked={defaults?.includes(mode)} />
          {t(`search.mode.${mode}`)}
        </label>
      ))}
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  )
}
