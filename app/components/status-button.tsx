import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
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
