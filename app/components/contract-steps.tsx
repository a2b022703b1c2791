import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError } from '~/components/field'
import { Money } from '~/components/money'

const AMENDED_FIGURES = ['amend', 'proposeAmendment']
const ON_AMENDMENT = ['confirmAmendment', 'withdrawAmendment', 'registerAmendment']

/** One lifecycle step of a contract as a small form: the fields the step needs and its button. */
export function StepForm({
  step,
  errors,
  termsVersion,
  amendmentId,
}: {
  step: string
  errors: Record<string, string[]>
  termsVersion: number
  amendmentId?: string
}) {
  const { t } = useTranslation()
  return (
    <Form method="post" className="inline-form step-form" data-testid={`step-${step}`}>
      <CsrfInput />
      <input type="hidden" name="intent" value={step} />
      {step === 'confirm' ? <input type="hidden" name="termsVersion" value={termsVersion} /> : null}
      {ON_AMENDMENT.includes(step) ? <input type="hidden" name="amendmentId" value={amendmentId ?? ''} /> : null}
      {step === 'register' ? (
        <label>
          {t('contracts.registrationNumber')}{' '}
          <input name="registrationNumber" inputMode="numeric" maxLength={16} required pattern="\d{16}" />
          <FieldError id="registration-error" errors={errors.registrationNumber} />
        </label>
      ) : null}
      {AMENDED_FIGURES.includes(step) ? (
        <>
          <label>
            {t('contractForm.amount')} <input name="amountYuan" inputMode="decimal" required />
          </label>{' '}
          <label>
            {t('contractForm.techAmount')} <input name="techAmountYuan" inputMode="decimal" required />
          </label>
          <FieldError id={`${step}-error`} errors={errors.techAmountYuan ?? errors.amountYuan} />
        </>
      ) : null}
      {AMENDED_FIGURES.includes(step) || step === 'terminate' ? (
        <label>
          {t('contracts.reason')} <input name="reason" required minLength={4} maxLength={500} />
          <FieldError id={`${step}-reason-error`} errors={errors.reason} />
        </label>
      ) : null}
      <button type="submit" className={step === 'terminate' || step === 'withdrawAmendment' ? undefined : 'primary'}>
        {t(`contracts.step.${step}`)}
      </button>
    </Form>
  )
}

interface AmendmentView {
  id: string
  status: string
  proposedSide: string
  amountFen: string
  techAmountFen: string
  reason: string
  buyerConfirmedAt: string | null
  sellerConfirmedAt: string | null
  createdAt: string
  closedAt: string | null
}

/** Proposed changes after registration: the figures, who confirmed them and when, and the outcome. */
export function ContractAmendments({ amendments }: { amendments: AmendmentView[] }) {
  const { t } = useTranslation()
  if (amendments.length === 0) return null
  const confirmed = (at: string | null) => (at ? t('amendments.confirmedAt', { at }) : t('amendments.waiting'))
  return (
    <section className="panel" aria-labelledby="amendments-heading" data-testid="amendments">
      <h2 id="amendments-heading">{t('amendments.title')}</h2>
      <ul className="list">
        {amendments.map((a) => (
          <li key={a.id}>
            <span className="badge">{t(`amendments.status.${a.status}`)}</span> {t('contractForm.amount')}{' '}
            <Money fen={a.amountFen} /> · {t('contractForm.techAmount')} <Money fen={a.techAmountFen} /> · {a.reason}
            <br />
            <span className="muted">
              {t('amendments.proposedBy', { side: t(`contracts.side.${a.proposedSide}`), at: a.createdAt })} ·{' '}
              {t('contracts.side.BUYER')}：{confirmed(a.buyerConfirmedAt)} · {t('contracts.side.SELLER')}：
              {confirmed(a.sellerConfirmedAt)}
              {a.closedAt ? ` · ${a.closedAt}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
