import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listContractsForOrganization } from '~/contracts/lists.server'
import { listNeedsForOrganization, matchCounts } from '~/models/needs.server'
import { isOpenNeed } from '~/models/need-states'
import { serialize } from '~/utils/serialize'
import { requireEnterprise } from '~/utils/permissions.server'
import { pageTitle } from '~/utils/meta'
import { Money } from '~/components/money'
import { calendarDate, optionalCalendarDate } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'enterprise.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireEnterprise(request)
  const [needs, contracts, counts] = await Promise.all([
    listNeedsForOrganization(membership.organizationId),
    listContractsForOrganization(membership.organizationId),
    matchCounts(membership.organizationId),
  ])
  return {
    organizationName: membership.organizationName,
    needs: needs.map((n) => ({
      ...n,
      deadline: optionalCalendarDate(n.deadline),
      matches: counts.get(n.id) ?? { shown: 0, fresh: 0 },
    })),
    contracts: serialize(contracts.map((c) => ({ ...c, signedOn: calendarDate(c.signedOn) }))),
  }
}

export default function EnterpriseHome() {
  const { t, i18n } = useTranslation()
  const { organizationName, needs, contracts } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const zh = i18n.language === 'zh'
  const open = needs.filter((n) => isOpenNeed(n.status)).length
  const fresh = needs.reduce((sum, n) => sum + n.matches.fresh, 0)
  return (
    <>
      <h1>{t('enterprise.title')}</h1>
      <p>
        <Link to="/needs/new" className="button primary">
          {t('needForm.newNeed')}
        </Link>
      </p>
      <p className="muted">{organizationName}</p>
      {params.get('welcome') ? <p className="notice">{t('register.welcome')}</p> : null}
      <div className="grid">
        <div className="stat">
          <div className="value">{needs.length}</div>
          <div className="label">{t('enterprise.needCount')}</div>
        </div>
        <div className="stat">
          <div className="value">{open}</div>
          <div className="label">{t('enterprise.openNeeds')}</div>
        </div>
        <div className="stat">
          <div className="value" data-testid="fresh-matches">
            {fresh}
          </div>
          <div className="label">{t('enterprise.newMatches')}</div>
        </div>
        <div className="stat">
          <div className="value">{contracts.length}</div>
          <div className="label">{t('enterprise.contracts')}</div>
        </div>
      </div>
      <h2>{t('enterprise.myNeeds')}</h2>
      {needs.length === 0 ? (
        <p className="muted">{t('enterprise.noNeeds')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('fields.title')}</th>
                <th>{t('fields.field')}</th>
                <th>{t('fields.status')}</th>
                <th>{t('fields.deadline')}</th>
                <th>{t('enterprise.matchCount')}</th>
                <th>{t('enterprise.introCount')}</th>
              </tr>
            </thead>
            <tbody>
              {needs.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`/needs/${n.id}`}>{n.title}</Link>
                  </td>
                  <td>{n.field ? (zh ? n.field.nameZh : n.field.nameEn) : '—'}</td>
                  <td>
                    <span className="badge">{t(`needStatus.${n.status}`)}</span>
                  </td>
                  <td>{n.deadline ?? '—'}</td>
                  <td>
                    {n.matches.shown}
                    {n.matches.fresh ? (
                      <>
                        {' '}
                        <span className="badge new">{t('enterprise.freshCount', { count: n.matches.fresh })}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{n._count.introductions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('enterprise.myContracts')}</h2>
      {contracts.length === 0 ? (
        <p className="muted">{t('enterprise.noContracts')}</p>
      ) : (
        <ul className="list">
          {contracts.map((c) => (
            <li key={c.id}>
              <Link to={`/contracts/${c.id}`}>
                <strong>{c.projectName}</strong>
              </Link>{' '}
              · {t(`contractTypes.${c.type}`)} · <Money fen={c.amountFen} /> ·{' '}
              <span className="muted">
                {c.sellerName} → {c.buyerName} · {c.signedOn}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
