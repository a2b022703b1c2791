import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { BestMatchCell } from '~/components/need-coverage'
import { listAreas } from '~/models/areas.server'
import { listCampaigns, listUnmatchedNeeds } from '~/models/curation.server'
import { pageTitle } from '~/utils/meta'
import { requireBureauStaff } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'curation.unmatched')

const FilterSchema = z.object({
  campaign: z.string().optional().catch(undefined),
  area: z.string().optional().catch(undefined),
})

/** Open needs the matcher has no good answer for: where the bureau's own work is needed. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [needs, campaigns, areas] = await Promise.all([
    listUnmatchedNeeds({ campaignId: filter.campaign || undefined, areaId: filter.area || undefined }),
    listCampaigns(),
    listAreas(),
  ])
  const now = Date.now()
  return {
    filter,
    campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })),
    areas: areas.map((a) => ({ id: a.id, nameZh: a.nameZh, nameEn: a.nameEn })),
    needs: needs.map((n) => ({
      id: n.id,
      title: n.title,
      enterprise: n.organization.name,
      area: n.organization.area,
      field: n.field,
      waitingDays: n.publishedAt ? Math.floor((now - n.publishedAt.getTime()) / 86_400_000) : 0,
      best: n.best,
      curated: n.curated,
    })),
  }
}

export default function UnmatchedNeeds() {
  const { t, i18n } = useTranslation()
  const { needs, campaigns, areas, filter } = useLoaderData<typeof loader>()
  const zh = i18n.language === 'zh'
  const name = (x: { nameZh: string; nameEn: string } | null) => (x ? (zh ? x.nameZh : x.nameEn) : '—')
  return (
    <>
      <p>
        <Link to="/bureau">← {t('bureau.title')}</Link> · <Link to="/bureau/campaigns">{t('curation.campaigns')}</Link>
      </p>
      <h1>{t('curation.unmatched')}</h1>
      <p className="muted">{t('curation.unmatchedIntro')}</p>
      <Form method="get" className="panel filters">
        <div className="field">
          <label htmlFor="campaign">{t('curation.campaign')}</label>
          <select id="campaign" name="campaign" defaultValue={filter.campaign ?? ''}>
            <option value="">{t('curation.all')}</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="area">{t('fields.area')}</label>
          <select id="area" name="area" defaultValue={filter.area ?? ''}>
            <option value="">{t('curation.all')}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {name(a)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t('bureau.apply')}
        </button>
      </Form>
      {needs.length === 0 ? <p className="muted">{t('curation.noUnmatched')}</p> : null}
      <div className="table-wrap">
        <table data-testid="unmatched-needs">
          <thead>
            <tr>
              <th>{t('fields.title')}</th>
              <th>{t('curation.enterprise')}</th>
              <th>{t('fields.area')}</th>
              <th>{t('fields.field')}</th>
              <th>{t('curation.waiting')}</th>
              <th>{t('curation.bestMatch')}</th>
            </tr>
          </thead>
          <tbody>
            {needs.map((n) => (
              <tr key={n.id}>
                <td>
                  <Link to={`/bureau/needs/${n.id}`}>{n.title}</Link>{' '}
                  {n.curated ? <span className="badge new">{t('curation.hasGroup')}</span> : null}
                </td>
                <td>{n.enterprise}</td>
                <td>{name(n.area)}</td>
                <td>{name(n.field)}</td>
                <td>{t('curation.days', { count: n.waitingDays })}</td>
                <td>
                  <BestMatchCell best={n.best} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
