import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { Money } from '~/components/money'
import { acceptAllRegistryOnly, acceptRegistryValues, flagDifference } from '~/registry/decisions.server'
import { ACCEPTABLE_FIELDS, reconcile } from '~/registry/reconcile.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { requireBureauStaff } from '~/utils/permissions.server'
import { beijingDateTime } from '~/utils/format'
import { serialize } from '~/utils/serialize'
import { ReconciliationActionSchema, ReconciliationPeriodSchema } from '~/validation/reconciliation'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reconciliation.title')

/** The platform's registered contracts against the latest registry export, for a year or a month. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const period = ReconciliationPeriodSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const result = await reconcile(period)
  return serialize({
    period,
    batch: result.batch ? { ...result.batch, createdAt: beijingDateTime(result.batch.createdAt) } : null,
    matched: result.matched,
    totals: result.totals,
    differences: result.differences.map((d) => ({
      ...d,
      decision: d.decision ? { ...d.decision, at: beijingDateTime(d.decision.at) } : null,
      acceptable:
        d.kind === 'REGISTRY_ONLY' || (d.kind === 'CHANGED' && d.fields.some((f) => ACCEPTABLE_FIELDS.includes(f))),
    })),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireBureauStaff(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = ReconciliationActionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    return data(
      { error: parsed.error.issues[0]?.message ?? 'errors.reconciliation.number', done: null },
      { status: 400 },
    )
  }
  const actor = { userId: user.id, organizationId: membership.organizationId }
  const input = parsed.data
  const outcome =
    input.intent === 'accept'
      ? await acceptRegistryValues(actor, input.registrationNumber)
      : input.intent === 'flag'
        ? await flagDifference(actor, input.registrationNumber, input.note)
        : input.intent === 'unflag'
          ? await flagDifference(actor, input.registrationNumber, null)
          : await acceptAllRegistryOnly(actor, { year: input.year, month: input.month })
  if (outcome.ok) return { error: null, done: input.intent }
  if (outcome.notFound) return data({ error: 'errors.reconciliation.notFound', done: null }, { status: 404 })
  if (outcome.error === 'notAcceptable')
    return data({ error: 'errors.reconciliation.notAcceptable', done: null }, { status: 409 })
  return data({ error: outcome.error, done: null }, { status: 400 })
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

function SideCell({ side }: { side: Loaded['differences'][number]['platform'] }) {
  const { t } = useTranslation()
  if (!side) return <span className="muted">{t('reconciliation.absent')}</span>
  return (
    <div className="stack-tight">
      <div>{side.projectName}</div>
      <div className="muted">
        {t(`contractTypes.${side.type}`)} · {side.sellerName} → {side.buyerName}
      </div>
      <div>
        <Money fen={side.amountFen} /> · {t('dashboard.techShort')} <Money fen={side.techAmountFen} />
      </div>
      <div className="muted">
        {t('dashboard.signedOn')} {side.signedOn} · {t('dashboard.registeredOn')} {side.registeredOn}
      </div>
    </div>
  )
}

export default function Reconciliation() {
  const { t } = useTranslation()
  const { period, batch, matched, totals, differences } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  const registryOnly = differences.filter((d) => d.kind === 'REGISTRY_ONLY' && !d.decision).length
  return (
    <>
      <p>
        <Link to={`/bureau?year=${period.year}`}>← {t('bureau.title')}</Link>
      </p>
      <h1>{t('reconciliation.title')}</h1>
      <Form method="get" className="panel filters" aria-label={t('dashboard.filters')}>
        <div className="field">
          <label htmlFor="year">{t('bureau.year')}</label>
          <input id="year" name="year" type="number" defaultValue={period.year} min={2000} max={2100} />
        </div>
        <div className="field">
          <label htmlFor="month">{t('dashboard.month')}</label>
          <select id="month" name="month" defaultValue={period.month ?? ''}>
            <option value="">{t('reconciliation.wholeYear')}</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {t('dashboard.monthShort', { month: i + 1 })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t('bureau.apply')}
        </button>
      </Form>
      {!batch ? (
        <p className="notice">
          {t('reconciliation.noImportYet')} <Link to="/bureau/import">{t('dashboard.importContracts')}</Link>
        </p>
      ) : (
        <>
          <p className="muted">
            {t('reconciliation.source', { file: batch.fileName, at: batch.createdAt, count: batch.records })}{' '}
            <Link to="/bureau/import">{t('reconciliation.newImport')}</Link>
          </p>
          <p className="muted">{t('dateBasis.note')}</p>
          {result?.error ? (
            <p className="form-error" role="alert">
              {t(result.error)}
            </p>
          ) : result?.done ? (
            <p className="notice" role="status">
              {t(`reconciliation.done.${result.done}`)}
            </p>
          ) : null}
          <p data-testid="reconciliation-summary">
            {differences.length === 0
              ? t('reconciliation.allConsistent', { matched })
              : t('reconciliation.summary', { matched, count: differences.length })}
          </p>
          <div className="table-wrap">
            <table data-testid="reconciliation-totals">
              <caption>{t('reconciliation.totals')}</caption>
              <thead>
                <tr>
                  <th>{t('bureau.basis')}</th>
                  <th>{t('reconciliation.platform')}</th>
                  <th>{t('reconciliation.registry')}</th>
                </tr>
              </thead>
              <tbody>
                {(['OUTFLOW', 'INFLOW', 'BOTH'] as const).map((basis) => (
                  <tr key={basis}>
                    <td>{t(`basis.${basis}`)}</td>
                    {[totals.platform[basis], totals.registry[basis]].map((v, i) => (
                      <td key={i} data-fen={v.amountFen}>
                        {t('reconciliation.count', { count: v.contracts })} · <Money fen={v.amountFen} /> ·{' '}
                        {t('dashboard.techShort')} <Money fen={v.techAmountFen} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {registryOnly > 0 ? (
            <Form method="post" className="actions">
              <CsrfInput />
              <input type="hidden" name="intent" value="acceptAll" />
              <input type="hidden" name="year" value={period.year} />
              <input type="hidden" name="month" value={period.month ?? ''} />
              <button type="submit" disabled={busy}>
                {t('reconciliation.acceptAll', { count: registryOnly })}
              </button>
            </Form>
          ) : null}
          {differences.length ? (
            <div className="table-wrap">
              <table data-testid="reconciliation-differences" className="wide">
                <caption>{t('reconciliation.differencesCaption')}</caption>
                <thead>
                  <tr>
                    <th>{t('dashboard.registration')}</th>
                    <th>{t('reconciliation.kind')}</th>
                    <th>{t('reconciliation.platform')}</th>
                    <th>{t('reconciliation.registry')}</th>
                    <th>{t('reconciliation.decision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {differences.map((d) => (
                    <tr key={d.registrationNumber} data-number={d.registrationNumber}>
                      <td>{d.registrationNumber}</td>
                      <td>
                        <span className="badge">{t(`reconciliation.kinds.${d.kind}`)}</span>
                        {d.fields.length ? (
                          <div className="muted">{d.fields.map((f) => t(`reconciliation.fields.${f}`)).join('、')}</div>
                        ) : null}
                      </td>
                      <td>
                        <SideCell side={d.platform} />
                      </td>
                      <td>
                        <SideCell side={d.registry} />
                      </td>
                      <td>
                        <div className="stack-tight">
                          {d.decision ? (
                            <div className="muted">
                              {t(`reconciliation.actions.${d.decision.action}`)} · {d.decision.by} · {d.decision.at}
                              {d.decision.note ? `：${d.decision.note}` : ''}
                            </div>
                          ) : null}
                          {d.acceptable ? (
                            <Form method="post">
                              <CsrfInput />
                              <input type="hidden" name="intent" value="accept" />
                              <input type="hidden" name="registrationNumber" value={d.registrationNumber} />
                              <button type="submit" className="primary" disabled={busy}>
                                {t('reconciliation.accept')}
                              </button>
                            </Form>
                          ) : null}
                          {d.decision?.action === 'FLAGGED' ? (
                            <Form method="post">
                              <CsrfInput />
                              <input type="hidden" name="intent" value="unflag" />
                              <input type="hidden" name="registrationNumber" value={d.registrationNumber} />
                              <button type="submit" disabled={busy}>
                                {t('reconciliation.unflag')}
                              </button>
                            </Form>
                          ) : (
                            <Form method="post" className="inline-form">
                              <CsrfInput />
                              <input type="hidden" name="intent" value="flag" />
                              <input type="hidden" name="registrationNumber" value={d.registrationNumber} />
                              <label className="visually-hidden" htmlFor={`note-${d.registrationNumber}`}>
                                {t('reconciliation.note')}
                              </label>
                              <input
                                id={`note-${d.registrationNumber}`}
                                name="note"
                                required
                                maxLength={500}
                                placeholder={t('reconciliation.note')}
                              />
                              <button type="submit" disabled={busy}>
                                {t('reconciliation.flag')}
                              </button>
                            </Form>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </>
  )
}
