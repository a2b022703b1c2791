import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Money } from '~/components/money'
import { listContracts } from '~/contracts/lifecycle.server'
import { isBureau } from '~/utils/permissions.server'
import { pageTitle } from '~/utils/meta'
import { CONTRACT_ROLES, requireRole } from '~/utils/permissions.server'
import { calendarDate } from '~/utils/format'
import { serialize } from '~/utils/serialize'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'contracts.title')

const STATUSES = ['DRAFT', 'SIGNED', 'SUBMITTED', 'REGISTERED', 'AMENDED', 'TERMINATED'] as const
const Query = z.object({ status: z.enum(STATUSES).optional().catch(undefined) })

/** Our technology contracts; bureau staff see all, e.g. those waiting for registration. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, CONTRACT_ROLES)
  const { status } = Query.parse(Object.fromEntries(new URL(request.url).searchParams))
  const contracts = await listContracts(user, status)
  return serialize({
    status: status ?? null,
    bureau: isBureau(user),
    contracts: contracts.map(({ updatedAt: _updatedAt, ...c }) => ({ ...c, signedOn: calendarDate(c.signedOn) })),
  })
}

export default function Contracts() {
  const { t } = useTranslation()
  const { contracts, status, bureau } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('contracts.title')}</h1>
      <p className="actions">
        {!bureau ? (
          <Link to="/contracts/new" className="button primary">
            {t('contractForm.newTitle')}
          </Link>
        ) : null}
        <Link to="/contracts" aria-current={status === null ? 'page' : undefined}>
          {t('contracts.all')}
        </Link>
        {STATUSES.map((s) => (
          <Link key={s} to={`/contracts?status=${s}`} aria-current={status === s ? 'page' : undefined}>
            {t(`dashboard.status.${s}`)}
          </Link>
        ))}
      </p>
      {contracts.length === 0 ? <p className="muted">{t('contracts.none')}</p> : null}
      <div className="table-wrap">
        <table data-testid="contracts">
          <thead>
            <tr>
              <th>{t('dashboard.project')}</th>
              <th>{t('dashboard.dim.type')}</th>
              <th>{t('dashboard.parties')}</th>
              <th>{t('bureau.amountShort')}</th>
              <th>{t('dashboard.signedOn')}</th>
              <th>{t('fields.status')}</th>
            </tr>
          </thead>
          <tbody>
            {contracts.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/contracts/${c.id}`}>{c.projectName}</Link>{' '}
                  {c.needsExpertReview ? <span className="badge warning">{t('contracts.expertReview')}</span> : null}
                </td>
                <td>{t(`contractTypes.${c.type}`)}</td>
                <td>
                  {c.sellerName} → {c.buyerName}
                </td>
                <td>
                  <Money fen={c.amountFen} />
                </td>
                <td>{c.signedOn}</td>
                <td>
                  <span className="badge">{t(`dashboard.status.${c.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
