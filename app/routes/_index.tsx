import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listPublicNeedTeasers } from '~/models/needs.server'
import { getMarketplaceStats } from '~/models/organizations.server'
import { listRecentPublishedResults } from '~/models/results.server'
import { getSessionUser } from '~/utils/session.server'
import { homePathFor } from '~/utils/permissions.server'
import { memoize } from '~/utils/memo.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'home.title')

const HOME_TTL_MS = 10_000

export async function loader({ request }: LoaderFunctionArgs) {
  // The public part is the same for every visitor; it may lag a few seconds.
  const [user, { stats, needs, results }] = await Promise.all([
    getSessionUser(request),
    memoize('home', HOME_TTL_MS, async () => {
      const [stats, needs, results] = await Promise.all([
        getMarketplaceStats(),
        listPublicNeedTeasers(),
        listRecentPublishedResults(),
      ])
      return { stats, needs, results }
    }),
  ])
  return { workspace: user ? homePathFor(user) : null, stats, needs, results }
}

export default function Index() {
  const { t, i18n } = useTranslation()
  const { workspace, stats, needs, results } = useLoaderData<typeof loader>()
  const zh = i18n.language === 'zh'
  return (
    <>
      <section className="hero">
        <h1>{t('home.heading')}</h1>
        <p>{t('home.lead')}</p>
        {workspace ? (
          <Link to={workspace} style={{ color: '#fff', fontWeight: 600 }}>
            {t('home.toWorkspace')} →
          </Link>
        ) : (
          <Link to="/register" style={{ color: '#fff', fontWeight: 600 }}>
            {t('home.join')} →
          </Link>
        )}
      </section>
      <div className="grid" aria-label={t('home.statsLabel')}>
        {(['needs', 'results', 'experts', 'institutions'] as const).map((k) => (
          <div className="stat" key={k}>
            <div className="value">{stats[k].toLocaleString()}</div>
            <div className="label">{t(`home.stats.${k}`)}</div>
          </div>
        ))}
      </div>
      <div className="grid" style={{ marginTop: '1rem' }}>
        <section className="panel">
          <h2>{t('home.latestNeeds')}</h2>
          <ul className="list">
            {needs.map((n) => (
              <li key={n.id}>
                <strong>{n.title}</strong>
                <div className="muted">{n.summary}</div>
                <div className="tags">
                  {n.field ? <span className="badge">{zh ? n.field.nameZh : n.field.nameEn}</span> : null}
                  {n.organization.area ? (
                    <span className="badge">{zh ? n.organization.area.nameZh : n.organization.area.nameEn}</span>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          <h2>{t('home.latestResults')}</h2>
          <ul className="list">
            {results.map((r) => (
              <li key={r.id}>
                <strong>
                  <Link to={`/results/${r.id}`}>{r.title}</Link>
                </strong>
                <div className="muted">
                  {r.organization.name}
                  {r.trl ? ` · TRL ${r.trl}` : ''}
                  {r.stage ? ` · ${t(`stages.${r.stage}`)}` : ''}
                </div>
                {r.field ? <span className="badge">{zh ? r.field.nameZh : r.field.nameEn}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  )
}
