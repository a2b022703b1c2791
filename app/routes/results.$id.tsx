import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Money } from '~/components/money'
import { ListingIntroRequest } from '~/components/listing-intro-request'
import { regionName } from '~/data/regions'
import { listOpenNeedTitles } from '~/models/needs.server'
import { getPublicResult } from '~/models/profiles.server'
import { pageTitle } from '~/utils/meta'
import { enterpriseMembership, notFound } from '~/utils/permissions.server'
import { serialize } from '~/utils/serialize'
import { getSessionUser } from '~/utils/session.server'
import { beijingDate } from '~/utils/format'
import { listingIntroductionAction } from '~/introductions/listing-request.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'resultPage.title', {
    title: data?.result.title ?? '',
    institution: data?.result.organization.name ?? '',
  })

/** A published result for anyone; an enterprise member can ask for an introduction about one of its needs. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [user, result] = await Promise.all([getSessionUser(request), getPublicResult(params.id ?? '')])
  if (!result) notFound()
  const enterprise = enterpriseMembership(user)
  return serialize({
    result: {
      ...result,
      publishedAt: result.publishedAt ? beijingDate(result.publishedAt) : null,
      region: regionName(result.organization.regionCode),
    },
    needs: enterprise ? await listOpenNeedTitles(enterprise.organizationId) : null,
    signedIn: Boolean(user),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  return listingIntroductionAction(request, 'result', params.id ?? '')
}

export default function ResultPage() {
  const { t, i18n } = useTranslation()
  const { result, needs, signedIn } = useLoaderData<typeof loader>()
  const zh = i18n.language === 'zh'
  return (
    <>
      <h1>{result.title}</h1>
      <p className="muted">
        <Link to={`/institutions/${result.organization.id}`}>{result.organization.name}</Link> · {result.region}
        {result.publishedAt ? ` · ${t('resultPage.published', { date: result.publishedAt })}` : ''}
      </p>
      <div className="table-wrap">
        <table className="facts">
          <tbody>
            <tr>
              <th scope="row">{t('needForm.field')}</th>
              <td>{result.field ? (zh ? result.field.nameZh : result.field.nameEn) : '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('resultForm.stage')}</th>
              <td>
                {result.stage ? t(`search.stage.${result.stage}`) : '—'}
                {result.trl ? ` · ${t('search.trl', { trl: result.trl })}` : ''}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('resultForm.ipType')}</th>
              <td>
                {t(`resultForm.ip.${result.ipType}`)}
                {result.patentNumbers.length ? ` · ${result.patentNumbers.join('、')}` : ''}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('resultForm.modes')}</th>
              <td>{result.transferModes.map((m) => t(`search.mode.${m}`)).join('、') || '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('resultPage.price')}</th>
              <td>
                {result.priceMinFen || result.priceMaxFen ? (
                  <>
                    {result.priceMinFen ? <Money fen={result.priceMinFen} /> : null}
                    {result.priceMinFen && result.priceMaxFen ? ' – ' : ''}
                    {result.priceMaxFen ? <Money fen={result.priceMaxFen} /> : null}
                  </>
                ) : (
                  t('resultPage.priceOnRequest')
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <section className="panel">
        <h2>{t('resultForm.abstract')}</h2>
        <p>{result.abstract}</p>
        {result.keywords.length ? (
          <p className="tags">
            {result.keywords.map((k) => (
              <span className="badge" key={k}>
                {k}
              </span>
            ))}
          </p>
        ) : null}
      </section>
      {result.team.length ? (
        <section>
          <h2>{t('resultForm.team')}</h2>
          <ul className="list">
            {result.team.map((m) => (
              <li key={m.expert.id}>
                <Link to={`/experts/${m.expert.id}`}>{m.expert.name}</Link>
                {m.expert.title ? <span className="muted"> · {m.expert.title}</span> : null}
                {m.isLead ? <span className="badge">{t('resultPage.lead')}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ListingIntroRequest needs={needs} signedIn={signedIn} />
    </>
  )
}
