import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FacetCheckboxes, FacetPanel, SearchBar } from '~/components/facet-checkboxes'
import { RewardRange } from '~/components/call-terms'
import { Money } from '~/components/money'
import { parseCallSearch, searchCalls } from '~/calls/listing.server'
import { CLOSING_WITHIN_DAYS, REWARD_BANDS } from '~/validation/calls'
import { listFieldNames } from '~/models/tech-fields.server'
import { SEARCH_PAGE_SIZE } from '~/search/listings.server'
import { beijingDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { serialize } from '~/utils/serialize'
import { getSessionUser } from '~/utils/session.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'calls.listTitle')

/** 揭榜挂帅: the open calls, searchable by their needs' words and meaning, closing soonest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseCallSearch(new URL(request.url))
  const user = await getSessionUser(request)
  const [found, fieldNames] = await Promise.all([searchCalls(params, user), listFieldNames()])
  return {
    params,
    total: found.total,
    pages: Math.max(1, Math.ceil(found.total / SEARCH_PAGE_SIZE)),
    calls: serialize(found.calls.map((c) => ({ ...c, deadlineText: beijingDateTime(c.deadline) }))),
    facets: {
      field: Object.entries(found.facets.fieldCodes ?? {})
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12),
      region: Object.entries(found.facets.callRegionGroups ?? {}).sort((a, b) => b[1] - a[1]),
    },
    fieldNames,
  }
}

export default function Calls() {
  const { t, i18n } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const zh = i18n.language === 'zh'
  const pageLink = (page: number) => {
    const next = new URLSearchParams(searchParams)
    next.set('page', String(page))
    return `?${next.toString()}`
  }
  return (
    <>
      <h1>{t('calls.listTitle')}</h1>
      <p className="muted">{t('calls.listIntro')}</p>
      <Form method="get" className="search-layout" role="search">
        <SearchBar defaultValue={data.params.q} placeholder={t('calls.placeholder')} />
        <FacetPanel id="call-facets">
          <FacetCheckboxes
            legend={t('search.facet.fieldCodes')}
            param="field"
            values={data.facets.field}
            checked={data.params.field}
            label={(value) => data.fieldNames[value]?.[zh ? 0 : 1] ?? value}
          />
          <FacetCheckboxes
            legend={t('calls.eligibleRegion')}
            param="region"
            values={data.facets.region}
            checked={data.params.region}
            label={(value) => t(`search.region.${value}`)}
          />
          <fieldset>
            <legend>{t('calls.rewardBand')}</legend>
            <label className="checkbox">
              <input type="radio" name="reward" value="" defaultChecked={!data.params.reward} />
              {t('calls.any')}
            </label>
            {Object.keys(REWARD_BANDS).map((band) => (
              <label className="checkbox" key={band}>
                <input type="radio" name="reward" value={band} defaultChecked={data.params.reward === band} />
                {t(`calls.reward.${band}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('calls.closing')}</legend>
            <label className="checkbox">
              <input type="radio" name="closing" value="" defaultChecked={!data.params.closing} />
              {t('calls.any')}
            </label>
            {CLOSING_WITHIN_DAYS.map((days) => (
              <label className="checkbox" key={days}>
                <input type="radio" name="closing" value={days} defaultChecked={data.params.closing === days} />
                {t('calls.closingWithin', { days })}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t('search.filters')}</button> <Link to="/calls">{t('search.clear')}</Link>
        </FacetPanel>
        <section className="hits" aria-live="polite">
          <p className="muted" data-testid="calls-total">
            {t('calls.total', { count: data.total })}
          </p>
          {data.calls.length === 0 ? <p>{t('calls.none')}</p> : null}
          <ol className="hit-list">
            {data.calls.map((call) => (
              <li key={call.id} className="panel" data-testid="call-hit">
                <h3>
                  <Link to={`/calls/${call.id}`}>{call.title}</Link>
                </h3>
                <p className="muted">
                  {call.organization.name}
                  {call.need.field ? ` · ${zh ? call.need.field.nameZh : call.need.field.nameEn}` : ''} ·{' '}
                  {t('calls.deadlineShort', { at: call.deadlineText })}
                </p>
                {call.bundle ? (
                  <p>
                    <span className="badge">{t('calls.bundle.label')}</span>{' '}
                    <Link to={`/calls/bundles/${call.bundle.id}`}>{call.bundle.title}</Link>
                  </p>
                ) : null}
                <p>
                  <strong>
                    {t('calls.rewardLabel')}
                    <RewardRange minFen={call.rewardMinFen} maxFen={call.rewardMaxFen} />
                  </strong>
                  {call.districtFundingFen ? (
                    <span className="badge">
                      {t('calls.districtFunding')} <Money fen={call.districtFundingFen} />
                    </span>
                  ) : null}{' '}
                  <span className="muted">{t('calls.entered', { count: call._count.proposals })}</span>
                </p>
                <p className="clamp">{call.statement}</p>
              </li>
            ))}
          </ol>
          {data.pages > 1 ? (
            <nav className="pager" aria-label={t('search.page', { page: data.params.page, pages: data.pages })}>
              {data.params.page > 1 ? <Link to={pageLink(data.params.page - 1)}>{t('search.previous')}</Link> : null}
              <span>{t('search.page', { page: data.params.page, pages: data.pages })}</span>
              {data.params.page < data.pages ? (
                <Link to={pageLink(data.params.page + 1)}>{t('search.next')}</Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      </Form>
    </>
  )
}
