import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldError } from '~/components/field'
import { CsrfInput } from '~/components/csrf-input'
import { Money } from '~/components/money'
import { takeContractStep } from '~/contracts/lifecycle.server'
import { linkContractParty } from '~/contracts/linking.server'
import { getContractPage } from '~/contracts/page.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { CONTRACT_ROLES, notFound, requireRole } from '~/utils/permissions.server'
import { ContractPageActionSchema, type ContractPageAction } from '~/validation/contracts'
import { isPaymentIntent } from '~/validation/payments'
import {
  refundPayment,
  requestMilestonePayment,
  startMilestoneCheckout,
  type PaymentOutcome,
} from '~/payments/milestones.server'
import { confirmBankTransfer, recordRemittance } from '~/payments/bank-transfer.server'
import { MilestoneActions, PaymentForm } from '~/components/milestone-actions'
import { stripeEnabled } from '~/payments/stripe.server'
import { getEnv } from '~/utils/env.server'
import { ContractConfirmations } from '~/components/contract-confirmations'
import { ContractAmendments, StepForm } from '~/components/contract-steps'
import { actionDone, actionFailed } from '~/utils/action-result'
import { serialize } from '~/utils/serialize'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'contracts.pageTitle', { name: data?.contract.projectName ?? '' })

/** A contract as registered, its milestones and history, and the steps the viewer may take. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, membership } = await requireRole(request, CONTRACT_ROLES)
  const page = await getContractPage(user, membership, params.id ?? '')
  if (!page) notFound()
  return serialize({
    ...page,
    stripe: stripeEnabled(),
    returned: new URL(request.url).searchParams.get('payment'),
  })
}

type Intent = ContractPageAction['intent']

/** Invalid input: a step's errors by field, a payment's all beside the milestones (`payment`). */
function invalid(intent: FormDataEntryValue | null, issues: Array<{ path: PropertyKey[]; message: string }>) {
  const errors: Record<string, string[]> = {}
  for (const issue of issues) {
    const key = isPaymentIntent(intent) ? 'payment' : String(issue.path[0] ?? 'statusChange')
    errors[key] = [...(errors[key] ?? []), issue.message]
  }
  return actionFailed<Intent>(errors)
}

/** A lifecycle step or a payment action, one `intent` each; a contract the user may not see is 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireRole(request, CONTRACT_ROLES)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = ContractPageActionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return invalid(formData.get('intent'), parsed.error.issues)
  const input = parsed.data
  const payment = (outcome: PaymentOutcome) => {
    if (!outcome.ok && outcome.notFound) notFound()
    if (!outcome.ok) return actionFailed<Intent>({ payment: [outcome.error] }, 409)
    // Off to Stripe Checkout; the milestone is marked paid only when Stripe's webhook says so.
    if (outcome.url) return redirect(outcome.url)
    return actionDone(input.intent)
  }
  switch (input.intent) {
    case 'request':
      return payment(await requestMilestonePayment(user, input.milestoneId))
    case 'checkout': {
      const baseUrl = getEnv().PUBLIC_BASE_URL ?? new URL(request.url).origin
      return payment(await startMilestoneCheckout(user, input.milestoneId, baseUrl))
    }
    case 'remit':
      return payment(await recordRemittance(user, input.milestoneId, input))
    case 'bankTransfer':
      return payment(await confirmBankTransfer(user, input.milestoneId, input.reference))
    case 'refund':
      return payment(await refundPayment(user, input.paymentId, input.amountYuan))
    case 'linkParty': {
      const outcome = await linkContractParty(user, params.id ?? '', input)
      if (!outcome.ok && outcome.notFound) notFound()
      if (!outcome.ok) return actionFailed<Intent>({ [`link${input.side}`]: [outcome.error] }, 409)
      return actionDone(input.intent)
    }
    default: {
      // Every other intent is a lifecycle step.
      const outcome = await takeContractStep(user, params.id ?? '', input)
      if (!outcome.ok && outcome.notFound) notFound()
      if (!outcome.ok) return actionFailed<Intent>(outcome.fieldErrors ?? {}, 409)
      return actionDone(input.intent)
    }
  }
}

export default function ContractPage() {
  const { t, i18n } = useTranslation()
  const { contract: c, steps, canEdit, canLink, side, stripe, returned } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors = result && !result.ok ? result.errors : {}
  const zh = i18n.language === 'zh'
  const row = (label: string, value: React.ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{value ?? '—'}</td>
    </tr>
  )
  return (
    <>
      <p>
        <Link to="/contracts">← {t('contracts.title')}</Link>
      </p>
      <h1>{c.projectName}</h1>
      <p className="muted">
        <span className="badge" data-testid="contract-status">
          {t(`dashboard.status.${c.status}`)}
        </span>{' '}
        {t(`contractTypes.${c.type}`)} · {t('contracts.version', { version: c.version })}
        {c.needsExpertReview ? (
          <>
            {' '}
            <span className="badge warning">{t('contracts.expertReview')}</span>
          </>
        ) : null}
      </p>
      {result?.ok ? (
        <p className="notice" role="status">
          {t('contracts.stepDone')}
        </p>
      ) : null}
      <FieldError id="step-error" errors={errors.statusChange} />
      <div className="actions">
        {canEdit ? <Link to={`/contracts/${c.id}/edit`}>{t('contracts.edit')}</Link> : null}
        {steps.map((s) => (
          <StepForm
            key={s}
            step={s}
            errors={errors}
            termsVersion={c.termsVersion}
            amendmentId={c.amendments.find((a) => a.status === 'PROPOSED')?.id}
          />
        ))}
      </div>
      <ContractAmendments amendments={c.amendments} />
      <ContractConfirmations
        termsVersion={c.termsVersion}
        status={c.status}
        buyerName={c.buyerName}
        sellerName={c.sellerName}
        bothOnPlatform={c.bothOnPlatform}
        confirmations={c.confirmations}
      />
      <div className="table-wrap">
        <table className="facts">
          <tbody>
            {row(t('contractForm.seller'), <PartyCell contract={c} side="SELLER" canLink={canLink} errors={errors} />)}
            {row(t('contractForm.buyer'), <PartyCell contract={c} side="BUYER" canLink={canLink} errors={errors} />)}
            {row(t('contractForm.amount'), <Money fen={c.amountFen} />)}
            {row(t('contractForm.techAmount'), <Money fen={c.techAmountFen} />)}
            {row(t('contractForm.signedOn'), c.signedOn)}
            {row(
              t('contracts.validity'),
              c.validFrom || c.validTo ? `${c.validFrom ?? ''} – ${c.validTo ?? ''}` : null,
            )}
            {row(t('contractForm.paymentMode'), t(`contractForm.payment.${c.paymentMode}`))}
            {row(t('needForm.field'), c.field ? (zh ? c.field.nameZh : c.field.nameEn) : null)}
            {row(t('resultForm.ipType'), t(`resultForm.ip.${c.ipType}`))}
            {row(t('fields.area'), c.area ? (zh ? c.area.nameZh : c.area.nameEn) : null)}
            {row(t('contracts.zone'), c.inDevelopmentZone ? t('contracts.yes') : t('contracts.no'))}
            {row(t('contracts.registrationNumber'), c.registrationNumber)}
            {c.expectedInvestmentFen
              ? row(t('contractForm.expectedInvestment'), <Money fen={c.expectedInvestmentFen} />)
              : null}
            {c.expectedOutputFen ? row(t('contractForm.expectedOutput'), <Money fen={c.expectedOutputFen} />) : null}
            {c.need ? row(t('contracts.need'), <Link to={`/needs/${c.need.id}`}>{c.need.title}</Link>) : null}
            {c.introduction
              ? row(
                  t('contracts.introduction'),
                  <Link to={`/introductions/${c.introduction.id}`}>{t('intro.open')}</Link>,
                )
              : null}
            {c.proposal
              ? row(
                  t('calls.fromCall'),
                  <Link to={`/calls/${c.proposal.call.id}`} data-testid="contract-call">
                    {c.proposal.call.title}
                  </Link>,
                )
              : null}
          </tbody>
        </table>
      </div>
      {c.milestones.length ? (
        <section aria-labelledby="milestones-heading">
          <h2 id="milestones-heading">{t('contractForm.milestones')}</h2>
          {returned === 'returned' ? (
            <p className="notice" role="status">
              {t('payments.returned')}
            </p>
          ) : null}
          <FieldError id="payment-error" errors={errors.payment} />
          <ol className="match-list" data-testid="milestones">
            {c.milestones.map((m) => (
              <li key={m.id}>
                <strong>{m.title}</strong> · <Money fen={m.amountFen} /> {m.dueOn ? `· ${m.dueOn}` : ''}{' '}
                <span className="badge" data-testid={`milestone-${m.seq}-status`}>
                  {t(`payments.milestone.${m.status}`)}
                </span>
                {m.overpaidFen !== '0' ? (
                  <>
                    {' '}
                    <span className="badge warning" data-testid={`milestone-${m.seq}-overpaid`}>
                      {t('payments.overpaid')}
                      <Money fen={m.overpaidFen} />
                    </span>
                  </>
                ) : null}
                {c.status !== 'DRAFT' && c.status !== 'TERMINATED' ? (
                  <MilestoneActions milestone={m} side={side} stripe={stripe} account={c.sellerAccount} />
                ) : null}
                {m.payments.length ? (
                  <ul className="reasons">
                    {m.payments.map((p) => (
                      <li key={p.id}>
                        {t(`payments.method.${p.method}`)} · <Money fen={p.amountFen} /> ·{' '}
                        <span className="badge">{t(`payments.status.${p.status}`)}</span>
                        {p.refundedFen !== '0' ? (
                          <>
                            {' '}
                            · {t('payments.refunded')} <Money fen={p.refundedFen} />
                          </>
                        ) : null}
                        {p.reference ? ` · ${p.reference}` : ''}
                        {p.remittedAt ? ` · ${t('payments.remittedAt', { at: p.remittedAt, on: p.remittedOn })}` : ''}
                        {p.remittedAt && p.paidAt ? ` · ${t('payments.receivedOn', { on: p.paidAt })}` : ''}
                        {(side.seller || side.admin) && p.paidAt && p.status !== 'REFUNDED' ? (
                          <PaymentForm intent="refund" hidden={{ paymentId: p.id }} label={t('payments.refund')}>
                            <label>
                              {t('payments.refundAmount')}{' '}
                              <input name="amountYuan" inputMode="decimal" size={10} required />
                            </label>{' '}
                          </PaymentForm>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {c.revisions.length ? (
        <>
          <h2>{t('contracts.history')}</h2>
          <ul className="list" data-testid="revisions">
            {c.revisions.map((r) => (
              <li key={r.version}>
                {t('contracts.version', { version: r.version })} · <Money fen={r.snapshot.amountFen} /> · {r.reason}{' '}
                <span className="muted">{r.createdAt}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}

/**
 * A party as the contract names it; one known by name only is marked unlinked, and bureau staff
 * get a form to link it by credit code.
 */
function PartyCell({
  contract: c,
  ...props
}: {
  contract: Record<'sellerName' | 'buyerName' | 'sellerRegionCode' | 'buyerRegionCode', string> &
    Record<'sellerOrgId' | 'buyerOrgId', string | null>
  side: 'BUYER' | 'SELLER'
  canLink: boolean
  errors: Record<string, string[] | undefined>
}) {
  const { t } = useTranslation()
  const party = props.side === 'SELLER' ? 'seller' : 'buyer'
  const name = c[`${party}Name`]
  const region = c[`${party}RegionCode`]
  const linked = c[`${party}OrgId`] !== null
  const errorKey = `link${props.side}`
  return (
    <>
      {name}（{region}）
      {linked ? null : (
        <>
          {' '}
          <span className="badge warning" data-testid={`party-${props.side}-unlinked`}>
            {t('contracts.unlinked')}
          </span>
        </>
      )}
      {!linked && props.canLink ? (
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="side" value={props.side} />{' '}
          <label>
            {t('contracts.linkCreditCode')}{' '}
            <input name="creditCode" size={20} maxLength={18} required aria-describedby={`${errorKey}-error`} />
          </label>{' '}
          <button type="submit" name="intent" value="linkParty">
            {t('contracts.link')}
          </button>
          <FieldError id={`${errorKey}-error`} errors={props.errors[errorKey]} />
        </Form>
      ) : null}
    </>
  )
}
