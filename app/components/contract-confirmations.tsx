import { useTranslation } from 'react-i18next'

export interface ConfirmationRow {
  id: string
  side: 'BUYER' | 'SELLER'
  termsVersion: number
  termsDigest: string
  userName: string
  createdAt: string
}

/**
 * Who confirmed which version of the terms: the current version's state for each side, then
 * every confirmation ever given (the bureau reads this before registering).
 */
export function ContractConfirmations({
  termsVersion,
  status,
  buyerName,
  sellerName,
  bothOnPlatform,
  confirmations,
}: {
  termsVersion: number
  status: string
  buyerName: string
  sellerName: string
  bothOnPlatform: boolean
  confirmations: ConfirmationRow[]
}) {
  const { t } = useTranslation()
  const current = (side: 'BUYER' | 'SELLER') =>
    confirmations.find((c) => c.side === side && c.termsVersion === termsVersion)
  return (
    <section className="panel" aria-labelledby="confirmations-heading" data-testid="confirmations">
      <h2 id="confirmations-heading">{t('contracts.confirm.title', { version: termsVersion })}</h2>
      {status === 'DRAFT' ? <p className="muted">{t('contracts.confirm.lead')}</p> : null}
      {!bothOnPlatform ? <p className="warning-notice notice">{t('contracts.confirm.offPlatform')}</p> : null}
      <ul className="list">
        {(['SELLER', 'BUYER'] as const).map((side) => {
          const given = current(side)
          return (
            <li key={side} data-testid={`confirmation-${side.toLowerCase()}`}>
              {t(side === 'SELLER' ? 'contractForm.seller' : 'contractForm.buyer')}：
              {side === 'SELLER' ? sellerName : buyerName} ·{' '}
              {given ? (
                <span className="badge">
                  {t('contracts.confirm.confirmedBy', { name: given.userName, at: given.createdAt })}
                </span>
              ) : (
                <span className="badge warning">{t('contracts.confirm.waiting')}</span>
              )}
            </li>
          )
        })}
      </ul>
      {confirmations.length ? (
        <details>
          <summary>{t('contracts.confirm.history')}</summary>
          <ul className="reasons">
            {confirmations.map((c) => (
              <li key={c.id}>
                {t('contracts.confirm.historyRow', {
                  version: c.termsVersion,
                  side: t(c.side === 'SELLER' ? 'contractForm.seller' : 'contractForm.buyer'),
                  name: c.userName,
                  at: c.createdAt,
                })}{' '}
                <code className="muted">SHA-256 {c.termsDigest.slice(0, 12)}…</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
