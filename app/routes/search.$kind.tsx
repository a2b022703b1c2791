import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { IndexName } from '#search'
import { FacetCheckboxes, FacetPanel, SearchBar } from '~/components/facet-checkboxes'
import { Highlighted } from '~/components/highlighted'
import { FACETS, SEARCH_PAGE_SIZE, parseSearchParams, searchListings, viewerOf } from '~/search/listings.server'
import { listFieldNames } from '~/models/tech-fields.server'
import { hitView, type ExpertHitView, type NeedHitView, type ResultHitView } from '~/search/hits'
import { pageTitle } from '~/utils/meta'
import { getSessionUser } from '~/utils/session.server'

const KINDS: IndexName[] = ['results', 'experts', 'needs']

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, `search.title.${data?.kind ?? 'results'}`)

/** Public search of published results, experts (never their contacts) and need teasers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const kind = params.kind as IndexName
  if (!KINDS.includes(kind)) throw new Response('Not Found', { status: 404 })
  const url = new URL(request.url)
  const searchParams = parseSearchParams(url)
  const user = await getSessionUser(request)
  const [response, fieldNames] = await Promise.all([
    searchListings(kind, searchParams, viewerOf(user)),
    listFieldNames(),
  ])
  const facets = FACETS[kind].map(({ attribute, param }) => ({
    attribute,
    param,
    values: Object.entries(response.facets[attribute] ?? {})
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12),
  }))
  // Only the names of the fields the facets show travel to the page.
  const shownFields = facets.find((f) => f.attribute === 'fieldCodes')?.values ?? []
  return {
    kind,
    q: searchParams.q,
    sort: searchParams.sort,
    page: searchParams.page,
    pages: Math.max(1, Math.ceil(response.total / SEARCH_PAGE_SIZE)),
    total: response.total,
    hits: response.hits.map((h) => hitView(kind, h.document, h.highlights)),
    facets,
    fieldNames: Object.fromEntries(
      shownFields.flatMap(([code]) => (Object.hasOwn(fieldNames, code) ? [[code, fieldNames[code]]] : [])),
    ),
  }
}

function ResultHit({ doc }: { doc: ResultHitView }) {
  const { t } = useTranslation()
  return (
    <>
      <h3>
        <Link to={`/results/${doc.id}`}>
          <Highlighted text={doc.title} />
        </Link>
      </h3>
      <p className="muted">
        <Link to={`/institutions/${doc.organizationId}`}>{doc.institution}</Link>
        {doc.stage ? ` · ${t(`search.stage.${doc.stage}`)}` : ''}
        {doc.trl ? ` · ${t('search.trl', { trl: doc.trl })}` : ''}
        {doc.transferModes.length ? ` · ${doc.transferModes.map((m) => t(`search.mode.${m}`)).join('、')}` : ''}
      </p>
      <p className="clamp">
        <Highlighted text={doc.abstract} />
      </p>
      {doc.keywords.length ? (
        <p className="tags">
          {doc.keywords.map((k) => (
            <span className="badge" key={k}>
              {k}
            </span>
          ))}
        </p>
      ) : null}
    </>
  )
}

function ExpertHit({ doc }: { doc: ExpertHitView }) {
  return (
    <>
      <h3>
        <Link to={`/experts/${doc.id}`}>
          <Highlighted text={doc.name} />
        </Link>
        {doc.title ? <span className="muted"> · {doc.title}</span> : null}
      </h3>
      <p className="muted">
        <Link to={`/institutions/${doc.organizationId}`}>{doc.institution}</Link>
      </p>
      <p>
        <Highlighted text={doc.directions} />
      </p>
      {doc.bio ? (
        <p className="clamp">
          <Highlighted text={doc.bio} />
        </p>
      ) : null}
    </>
  )
}

function NeedHit({ doc }: { doc: NeedHitView }) {
  const { t } = useTranslation()
  return (
    <>
      <h3>
        <Link to={`/needs/${doc.id}`}>
          <Highlighted text={doc.title} />
        </Link>
      </h3>
      <p className="muted">
        {doc.enterprise}
        {doc.cooperationModes.length ? ` · ${doc.cooperationModes.map((m) => t(`search.mode.${m}`)).join('、')}` : ''}
      </p>
      <p className="clamp">
        <Highlighted text={doc.summary} />
      </p>
    </>
  )
}

export default function Search() {
  const { t, i18n } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  // On a phone the filters fold behind a button so results are not pushed a screen down.
  const zh = i18n.language === 'zh'
  const label = (attribute: string, value: string) => {
    if (attribute === 'fieldCodes') return data.fieldNames[value]?.[zh ? 0 : 1] ?? value
    if (attribute === 'regionGroup') return t(`search.region.${value}`)
    if (attribute === 'stage') return t(`search.stage.${value}`)
    if (attribute === 'transferModes' || attribute === 'cooperationModes') return t(`search.mode.${value}`)
    if (attribute === 'available') return value === 'true' ? t('search.yes') : t('search.no')
    return value
  }
  const pageLink = (page: number) => {
    const next = new URLSearchParams(searchParams)
    next.set('page', String(page))
    return `?${next.toString()}`
  }
  return (
    <>
      <h1>{t(`search.title.${data.kind}`)}</h1>
      <nav className="tabs" aria-label={t('search.filters')}>
        {KINDS.map((k) => (
          <Link
            key={k}
            to={`/search/${k}${data.q ? `?q=${encodeURIComponent(data.q)}` : ''}`}
            aria-current={k === data.kind ? 'page' : undefined}
          >
            {t(`search.title.${k}`)}
          </Link>
        ))}
      </nav>
      <Form method="get" className="search-layout" role="search">
        <SearchBar defaultValue={data.q} placeholder={t(`search.placeholder.${data.kind}`)}>
          <label htmlFor="sort" className="visually-hidden">
            {t('search.sort.label')}
          </label>
          <select id="sort" name="sort" defaultValue={data.sort}>
            <option value="relevance">{t('search.sort.relevance')}</option>
            <option value="newest">{t(data.kind === 'experts' ? 'search.sort.name' : 'search.sort.newest')}</option>
          </select>
        </SearchBar>
        <FacetPanel id="search-facets">
          {data.facets.map((facet) => (
            <FacetCheckboxes
              key={facet.attribute}
              legend={t(`search.facet.${facet.attribute}`)}
              param={facet.param}
              values={facet.values}
              checked={searchParams.getAll(facet.param)}
              label={(value) => label(facet.attribute, value)}
            />
          ))}
          <button type="submit">{t('search.filters')}</button>{' '}
          <Link to={`/search/${data.kind}`}>{t('search.clear')}</Link>
        </FacetPanel>
        <section className="hits" aria-live="polite">
          <p className="muted" data-testid="search-total">
            {t('search.total', { count: data.total })}
          </p>
          {data.hits.length === 0 ? <p>{t('search.none')}</p> : null}
          <ol className="hit-list">
            {data.hits.map((view) => (
              <li key={view.hit.id} className="panel">
                {view.kind === 'results' ? (
                  <ResultHit doc={view.hit} />
                ) : view.kind === 'experts' ? (
                  <ExpertHit doc={view.hit} />
                ) : (
                  <NeedHit doc={view.hit} />
                )}
              </li>
            ))}
          </ol>
          {data.pages > 1 ? (
            <nav className="pager" aria-label={t('search.page', { page: data.page, pages: data.pages })}>
              {data.page > 1 ? <Link to={pageLink(data.page - 1)}>{t('search.previous')}</Link> : null}
              <span>{t('search.page', { page: data.page, pages: data.pages })}</span>
              {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>{t('search.next')}</Link> : null}
            </nav>
          ) : null}
        </section>
      </Form>
    </>
  )
}
