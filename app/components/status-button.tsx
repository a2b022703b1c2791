import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from './csrf-input'

/** A one-button form posting an `intent` (and its hidden fields) to the current route. */
export function IntentButton({
  intent,
  fields = {},
  label,
}: {
  intent: string
  fields?: Record<string, string>
  label: string
}) {
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent}>
        {label}
      </button>
    </Form>
  )
}

/**
 * A status change (publish, close, archive…): the intent `changeStatus` with its `transition`,
 * so a page's main form keeps `draft` and `publish` for its own buttons.
 */
export function StatusButton({ transition, label }: { transition: string; label: string }) {
  return <IntentButton intent="changeStatus" fields={{ transition }} label={label} />
}

/**
 * A listing form's submit buttons: a draft can be saved as a draft or published; a published
 * listing is saved as it is.
 */
export function SaveButtons({ draft, publishLabel }: { draft: boolean; publishLabel: string }) {
  const { t } = useTranslation()
  return (
    <div className="actions">
      {draft ? (
        <button type="submit" name="intent" value="draft">
          {t('needForm.saveDraft')}
        </button>
      ) : null}
      <button type="submit" name="intent" value="publish" className="primary">
        {draft ? publishLabel : t('needForm.save')}
      </button>
    </div>
  )
}
