import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError } from '~/components/field'
import { Money } from '~/components/money'
import { allowedSteps, getContract, takeContractStep } from '~/models/contract-lifecycle.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { CONTRACT_ROLES, notFound, requireRole } from '~/utils/permissions.server'
import { ContractStepSchema } from '~/validation/contracts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'contracts.pageTitle', { name: data?.contract.projectName ?? '' })

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null

/** A contract as registered, its milestones and history, and the steps the viewer may take. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, membership } = await requireRole(request, CONTRACT_ROLES)
  const contract = await getContract(user, params.id ?? '')
  if (!contract) notFound()
  return {
    steps: allowedSteps(user, contract),
    canEdit: contract.status === 'DRAFT' && contract.createdByOrgId === membership.organizationId,
    contract: {
      ...contract,
      amountFen: contract.amountFen.toString(),
      techAmountFen: contract.techAmountFen.toString(),
      expectedInvestmentFen: contract.expectedInvestmentFen?.toString() ?? null,
      expectedOutputFen: contract.expectedOutputFen?.toString() ?? null,
      signedOn: iso(contract.signedOn),
      validFrom: iso(contract.validFrom),
      validTo: iso(contract.validTo),
      registeredAt: iso(contract.registeredAt),
      milestones: contract.milestones.map((m) => ({
        id: m.id,
        seq: m.seq,
        title: m.title,
        amountFen: m.amountFen.toString(),
        dueOn: iso(m.dueOn),
        status: m.status,
      })),
      revisions: contract.revisions.map((r) => ({
        version: r.version,
        reason: r.reason,
        snapshot: r.snapshot as { amountFen: string; techAmountFen: string },
        createdAt: iso(r.createdAt),
      })),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireRole(request, CONTRACT_ROLES)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = ContractStepSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const errors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues)
      (errors[String(issue.path[0] ?? 'statusChange')] ??= []).push(issue.message)
    return data({ ok: false as const, errors }, { status: 400 })
  }
  const outcome = await takeContractStep(user, params.id ?? '', parsed.data)
  if (!outcome.ok && outcome.notFound) notFound()
  if (!outcome.ok) return data({ ok: false as const, errors: outcome.fieldErrors ?? {} }, { status: 409 })
  return { ok: true as const, errors: {} as Record<string, string[]> }
}

function StepForm({ step, errors }: { step: string; errors: Record<string, string[]> }) {
  const { t } = useTranslation()
  return (
    <Form method="post" className="inline-form step-form" data-testid={`step-${step}`}>
      <CsrfInput />
      <input type="hidden" name="statusChange" value={step} />
      {step === 'register' ? (
        <label>
          {t('contracts.registrationNumber')}{' '}
          <input name="registrationNumber" inputMode="numeric" maxLength={16} required pattern="\d{16}" />
          <FieldError id="registration-error" errors={errors.registrationNumber} />
        </label>
      ) : null}
      {step === 'amend' ? (
        <>
          <label>
            {t('contractForm.amount')} <input name="amountYuan" inputMode="decimal" required />
          </label>{' '}
          <label>
            {t('contractForm.techAmount')} <input name="techAmountYuan" inputMode="decimal" required />
          </label>
          <FieldError id="amend-error" errors={errors.techAmountYuan ?? errors.amountYuan} />
        </>
      ) : null}
      {step === 'amend' || step === 'terminate' ? (
        <label>
          {t('contracts.reason')} <input name="reason" required minLength={4} maxLength={500} />
          <FieldError id={`${step}-reason-error`} errors={errors.reason} />
        </label>
      ) : null}
      <button type="submit" className={step === 'terminate' ? undefined : 'primary'}>
        {t(`contracts.step.${step}`)}
      </button>
    </Form>
  )
}

export default function ContractPage() {
  const { t, i18n } = useTranslation()
  const { contract: c, steps, canEdit } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
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
      <FieldError id="step-error" errors={result?.errors.statusChange} />
      <div className="actions">
        {canEdit ? <Link to={`/contracts/${c.id}/edit`}>{t('contracts.edit')}</Link> : null}
        {steps.map((s) => (
          <StepForm key={s} step={s} errors={result?.errors ?? {}} />
        ))}
      </div>
      <div className="table-wrap">
        <table className="facts">
          <tbody>
            {row(t('contractForm.seller'), `${c.sellerName}（${c.sellerRegionCode}）`)}
            {row(t('contractForm.buyer'), `${c.buyerName}（${c.buyerRegionCode}）`)}
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
          </tbody>
        </table>
      </div>
      {c.milestones.length ? (
        <>
          <h2>{t('contractForm.milestones')}</h2>
          <ol className="list">
            {c.milestones.map((m) => (
              <li key={m.id}>
                {m.title} · <Money fen={m.amountFen} /> {m.dueOn ? `· ${m.dueOn}` : ''}
              </li>
            ))}
          </ol>
        </>
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
