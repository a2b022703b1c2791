import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from './csrf-input'
import { DECLINE_REASONS } from '~/validation/introductions'

/**
 * Accept, or decline with a structured reason and an optional note. `ns` is the catalog section
 * with the labels (`match` for feedback on a match, `intro` for an introduction request).
 */
export function AcceptDecline({
  ns,
  hidden,
  action,
  defaultReason,
  acceptClassName,
}: {
  ns: 'match' | 'intro'
  hidden: Record<string, string>
  action?: string
  defaultReason: (typeof DECLINE_REASONS)[number]
  acceptClassName?: string
}) {
  const { t } = useTranslation()
  const fields = Object.entries(hidden).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ))
  return (
    <div className="feedback">
      <Form method="post" action={action} className="inline-form">
        <CsrfInput />
        {fields}
        <button type="submit" name="decision" value="ACCEPTED" className={acceptClassName}>
          {t(`${ns}.accept`)}
        </button>
      </Form>
      <Form method="post" action={action} className="inline-form feedback">
        <CsrfInput />
        {fields}
        <label>
          {t(`${ns}.declineReason`)}{' '}
          <select name="reason" defaultValue={defaultReason}>
            {DECLINE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`${ns}.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <input name="note" maxLength={500} placeholder={t(`${ns}.note`)} aria-label={t(`${ns}.note`)} />
        <button type="submit" name="decision" value="DECLINED">
          {t(`${ns}.decline`)}
        </button>
      </Form>
    </div>
  )
}
