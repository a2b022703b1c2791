import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from './csrf-input'
import { DECLINE_REASONS } from '~/validation/introductions'

/** Accept, or decline with a structured reason and an optional note. */
export function IntroResponse({ action }: { action: string }) {
  const { t } = useTranslation()
  return (
    <div className="feedback">
      <Form method="post" action={action} className="inline-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="respond" />
        <button type="submit" name="decision" value="ACCEPTED" className="primary">
          {t('intro.accept')}
        </button>
      </Form>
      <Form method="post" action={action} className="inline-form feedback">
        <CsrfInput />
        <input type="hidden" name="intent" value="respond" />
        <label>
          {t('intro.declineReason')}{' '}
          <select name="reason" defaultValue="CAPACITY">
            {DECLINE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`intro.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <input name="note" maxLength={500} placeholder={t('intro.note')} aria-label={t('intro.note')} />
        <button type="submit" name="decision" value="DECLINED">
          {t('intro.decline')}
        </button>
      </Form>
    </div>
  )
}
