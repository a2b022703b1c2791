import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NeedLeads } from '~/components/need-leads'
import { matchOfferToNeeds } from '~/matching/reverse.server'
import { searchEngine } from '~/search/engine.server'
import { prisma } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireOffice } from '~/utils/permissions.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'leads.title')

/** Reverse matching for an office: open needs, and the enterprises behind them, for one of its results. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireOffice(request)
  const result = await prisma.researchResult.findFirst({
    where: { id: params.id ?? '', organizationId: membership.organizationId },
    select: { id: true, title: true },
  })
  if (!result) notFound()
  const leads = await matchOfferToNeeds(
    prisma,
    searchEngine(),
    { kind: 'result', id: result.id },
    { kind: 'organization', organizationId: membership.organizationId },
  )
  return { result, needs: leads?.needs ?? [], enterprises: leads?.enterprises ?? [], terms: leads?.terms ?? [] }
}

export default function ResultLeads() {
  const { t } = useTranslation()
  const { result, needs, enterprises, terms } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/office">← {t('office.title')}</Link>
      </p>
      <h1>{t('leads.title')}</h1>
      <p className="muted">
        {result.title} · {t('match.terms')}：{terms.join('、')}
      </p>
      <h2>{t('leads.enterprises')}</h2>
      {enterprises.length ? (
        <ul className="list">
          {enterprises.map((e) => (
            <li key={e.organizationId}>
              <strong>{e.name}</strong> <span className="muted">· {t('leads.needCount', { count: e.needs })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t('leads.needs')}</h2>
      <NeedLeads leads={needs} />
    </>
  )
}
