import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Money } from '~/components/money'
import { reconciliation } from '~/payments/reconciliation.server'
import { pageTitle } from '~/utils/meta'
import { CONTRACT_ROLES, requireRole } from '~/utils/permissions.server'
import { beijingDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'payments.title')

/** Reconciliation for bureau staff and contract parties. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, CONTRACT_ROLES)
  const r = await reconciliation(user)
  const fen = (v: bigint) => v.toString()
  return {
    bureau: r.bureau,
    byStatus: r.byStatus.map((s) => ({ ...s, amountFen: fen(s.amountFen), refundedFen: fen(s.refundedFen) })),
    contracts: r.contracts.map((c) => ({
      ...c,
      contractedFen: fen(c.contractedFen),
      receivedFen: fen(c.receivedFen),
      outstandingFen: fen(c.outstandingFen),
    })),
    overpaid: r.overpaid.map((m) => ({ ...m, excessFen: fen(m.excessFen) })),
    unmatched: r.unmatched.map((e) => ({
      ...e,
      receivedAt: beijingDateTime(e.receivedAt),
    })),
  }
}

export default function Payments() {
  const { t } = useTranslation()
  const { bureau, byStatus, contracts, overpaid, unmatched } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('payments.title')}</h1>
      {byStatus.length === 0 ? <p className="muted">{t('payments.none')}</p> : null}
      <h2>{t('payments.byStatus')}</h2>
      <div className="table-wrap">
        <table data-testid="payments-by-status">
          <thead>
            <tr>
              <th>{t('fields.status')}</th>
              <th>{t('dashboard.count')}</th>
              <th>{t('bureau.amountShort')}</th>
              <th>{t('payments.refunded')}</th>
            </tr>
          </thead>
          <tbody>
            {byStatus.map((s) => (
              <tr key={s.status}>
                <td>{t(`payments.status.${s.status}`)}</td>
                <td>{s.count}</td>
                <td>
                  <Money fen={s.amountFen} />
                </td>
                <td>
                  <Money fen={s.refundedFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('payments.perContract')}</h2>
      <div className="table-wrap">
        <table data-testid="payments-per-contract">
          <thead>
            <tr>
              <th>{t('dashboard.project')}</th>
              <th>{t('dashboard.parties')}</th>
              <th>{t('payments.contracted')}</th>
              <th>{t('payments.received')}</th>
              <th>{t('payments.outstanding')}</th>
            </tr>
          </thead>
          <tbody>
            {contracts.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/contracts/${c.id}`}>{c.projectName}</Link>
                </td>
                <td>{c.parties}</td>
                <td>
                  <Money fen={c.contractedFen} />
                </td>
                <td data-fen={c.receivedFen}>
                  <Money fen={c.receivedFen} />
                </td>
                <td>
                  <Money fen={c.outstandingFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('payments.overpaidTitle')}</h2>
      {overpaid.length === 0 ? (
        <p className="muted">{t('payments.noOverpaid')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="overpaid-milestones">
            <thead>
              <tr>
                <th>{t('dashboard.project')}</th>
                <th>{t('payments.milestoneName')}</th>
                <th>{t('payments.overpaidAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {overpaid.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/contracts/${m.contractId}`}>{m.projectName}</Link>
                  </td>
                  <td>{m.title}</td>
                  <td data-fen={m.excessFen}>
                    <Money fen={m.excessFen} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {bureau ? (
        <>
          <h2>{t('payments.unmatched')}</h2>
          {unmatched.length === 0 ? <p className="muted">{t('payments.noUnmatched')}</p> : null}
          <ul className="list" data-testid="unmatched-events">
            {unmatched.map((e) => (
              <li key={e.id}>
                <code>{e.id}</code> · {e.type} · <span className="muted">{e.receivedAt}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
