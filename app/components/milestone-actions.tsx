import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from './csrf-input'
import { beijingToday } from '~/utils/time'

/** One payment action of the contract's page: its `intent`, the ids it is about, then its fields. */
export function PaymentForm({
  intent,
  hidden,
  label,
  children,
}: {
  intent: string
  hidden: Record<string, string>
  label: string
  children?: React.ReactNode
}) {
  return (
    <Form method="post" className="inline-form payment-form">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit">{label}</button>
    </Form>
  )
}

interface Account {
  bankAccountName: string | null
  bankName: string | null
  bankAccountNumber: string | null
}

/**
 * What each side can do with a milestone now: ask for it, pay it online (when Stripe is on), or by
 * bank transfer: the buyer reads the seller's account and says it remitted (已汇款), the seller
 * confirms receipt (已到账).
 */
export function MilestoneActions({
  milestone: m,
  side,
  stripe,
  account,
}: {
  milestone: {
    id: string
    status: string
    payments: Array<{ method: string; status: string; remittedAt: string | null }>
  }
  side: { seller: boolean; buyer: boolean }
  stripe: boolean
  account: Account | null
}) {
  const { t } = useTranslation()
  const hidden = { milestoneId: m.id }
  if (m.status === 'PENDING' && side.seller) {
    return <PaymentForm intent="request" hidden={hidden} label={t('payments.request')} />
  }
  if (m.status !== 'PAYMENT_REQUESTED') return null
  const remitted = m.payments.some((p) => p.method === 'BANK_TRANSFER' && p.status === 'PENDING' && p.remittedAt)
  return (
    <>
      {side.buyer && stripe && !remitted ? (
        <PaymentForm intent="checkout" hidden={hidden} label={t('payments.payOnline')} />
      ) : null}
      {/* Bank transfer (对公转账) is always open: most enterprises pay that way. */}
      {side.buyer ? (
        <div className="bank-transfer" data-testid="bank-account">
          {account ? (
            <p>
              {t('payments.accountIntro')} {account.bankAccountName} · {account.bankName} ·{' '}
              <span className="account-number">{account.bankAccountNumber}</span>
            </p>
          ) : (
            <p className="muted">{t('payments.noAccount')}</p>
          )}
          {remitted ? (
            <p className="muted">{t('payments.awaitingReceipt')}</p>
          ) : (
            <PaymentForm intent="remit" hidden={hidden} label={t('payments.remit')}>
              <label>
                {t('payments.reference')} <input name="reference" required minLength={4} maxLength={100} />
              </label>{' '}
              <label>
                {t('payments.remittedOnLabel')}{' '}
                <input type="date" name="remittedOn" required defaultValue={beijingToday()} />
              </label>{' '}
            </PaymentForm>
          )}
        </div>
      ) : null}
      {side.seller && (remitted || !stripe) ? (
        <PaymentForm
          intent="bankTransfer"
          hidden={hidden}
          label={remitted ? t('payments.confirmReceipt') : t('payments.confirmTransfer')}
        >
          <label>
            {t('payments.reference')} <input name="reference" required minLength={4} maxLength={100} />
          </label>{' '}
        </PaymentForm>
      ) : null}
      {side.seller && stripe && !remitted ? <span className="muted">{t('payments.awaitingBuyer')}</span> : null}
    </>
  )
}
