import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { getBundlePage, publishBundle } from '~/calls/bundles.server'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError } from '~/components/field'
import { CriteriaList, Eligibility, RewardRange } from '~/components/call-terms'
import { Money } from '~/components/money'
import { requireCsrf } from '~/utils/csrf.server'
import { beijingDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { notFound, requireBureauStaff } from '~/utils/permissions.server'
import { serialize } from '~/utils/serialize'
import { getSessionUser } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'calls.pageTitle', { title: data?.title ?? '' })

/** A bundled call (联合榜单): its introduction, the shared terms and its items, each a call of its own. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await getBundlePage(await getSessionUser(request), params.id ?? '')
  if (!page) notFound()
  return serialize({
    ...page,
    terms: page.terms ? { ...page.terms, deadlineText: beijingDateTime(page.terms.deadline) } : null,
  })
}

const BundleAction = z.discriminatedUnion('intent', [z.object({ intent: z.literal('publish') })])

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, membership } = await requireBureauStaff(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const parsed = BundleAction.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return data({ ok: false as const, error: 'errors.call.notDraft' }, { status: 400 })
  const outcome = await publishBundle(
    { userId: user.id, organizationId: membership.organizationId, viewer: user },
    params.id ?? '',
  )
  if (!outcome.ok && outcome.notFound) notFound()
  if (!outcome.ok) return data({ ok: false as const, error: outcome.error }, { status: 409 })
  return { ok: true as const, error: null }
}

export default function BundlePage() {
  const { t, i18n } = useTranslation()
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const zh = i18n.language === 'zh'
  const terms = page.terms
  return (
    <>
      <p className="muted">
        <Link to="/calls">← {t('calls.listTitle')}</Link> · {t('calls.campaign', { name: page.campaign.name })}
      </p>
      <h1>
        <span className="badge">{t('calls.bundle.label')}</span> {page.title}
      </h1>
      {!page.publishedAt ? <p className="notice">{t('calls.bundle.draft')}</p> : null}
      {result?.ok ? <p role="status">{t('calls.bundle.published')}</p> : null}
      {page.canPublish ? (
        <Form method="post">
          <CsrfInput />
          <FieldError id="bundle-publish-error" errors={result?.error ? [result.error] : undefined} />
          <button type="submit" name="intent" value="publish" className="primary">
            {t('calls.bundle.publish')}
          </button>
        </Form>
      ) : null}
      <section className="panel">
        <p className="prewrap">{page.statement}</p>
        {terms ? (
          <>
            <h2>{t('calls.bundle.terms')}</h2>
            <dl className="facts">
              <dt>{t('calls.bundle.rewardPerItem')}</dt>
              <dd data-testid="bundle-reward">
                <RewardRange minFen={terms.rewardMinFen} maxFen={terms.rewardMaxFen} />
              </dd>
              {terms.districtFundingFen ? (
                <>
                  <dt>{t('calls.bundle.fundingPerItem')}</dt>
                  <dd>
                    <Money fen={terms.districtFundingFen} />
                  </dd>
                </>
              ) : null}
              <dt>{t('calls.deadline')}</dt>
              <dd>{t('calls.deadlineAt', { at: terms.deadlineText })}</dd>
              <dt>{t('calls.eligibility')}</dt>
              <dd>
                <Eligibility kinds={terms.eligibleKinds} regions={terms.eligibleRegionGroups} />
              </dd>
            </dl>
            <h3>{t('calls.requirements')}</h3>
            <p className="prewrap">{terms.requirements}</p>
            <h3>{t('calls.criteriaTitle')}</h3>
            <CriteriaList criteria={terms.criteria} />
          </>
        ) : null}
      </section>
      <h2>{t('calls.bundle.items', { count: page.items.length })}</h2>
      <div className="table-scroll">
        <table data-testid="bundle-items">
          <thead>
            <tr>
              <th scope="col">{t('calls.bundle.item')}</th>
              <th scope="col">{t('calls.bundle.enterprise')}</th>
              <th scope="col" className="nowrap">
                {t('calls.bundle.phase')}
              </th>
              <th scope="col" className="nowrap">
                {t('calls.bundle.entered')}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/calls/${item.id}`}>{item.title}</Link>
                  {item.field ? <span className="muted"> · {zh ? item.field.nameZh : item.field.nameEn}</span> : null}
                </td>
                <td>{item.enterprise}</td>
                <td className="nowrap">{t(`calls.phase.${item.phase}`)}</td>
                <td className="nowrap">{item.proposals}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
