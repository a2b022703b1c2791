import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { AcceptDecline } from '~/components/accept-decline'
import { CsrfInput } from '~/components/csrf-input'
import { StatusButton } from '~/components/status-button'
import { Money } from '~/components/money'
import { recordMatchFeedback } from '~/models/matches.server'
import { matchNeed, type MatchKind } from '~/matching/match-need.server'
import { searchEngine } from '~/search/engine.server'
import { requireCsrf } from '~/utils/csrf.server'
import { prisma } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { ENTERPRISE_ROLES, notFound, requireUser } from '~/utils/permissions.server'
import { getSessionUser, type SessionUser } from '~/utils/session.server'
import { MatchFeedbackSchema } from '~/validation/matching'
import { GroupIntroRequestSchema, IntroRequestSchema } from '~/validation/introductions'
import { listNeedIntroductions } from '~/introductions/queries.server'
import { requestGroupIntroduction, requestIntroduction } from '~/introductions/requests.server'
import { getEnv } from '~/utils/env.server'
import { FieldError } from '~/components/field'
import { NeedStatusSchema } from '~/validation/needs'
import { changeNeedStatus, takeNewMatches } from '~/models/needs.server'
import { getCuratedGroup } from '~/models/curation.server'
import { confirmListingActive } from '~/models/freshness.server'
import { beijingDateTime, calendarDate } from '~/utils/format'
import { NOT_VERIFIED_ERRORS } from '~/models/verification.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'need.pageTitle', { title: data?.need.title ?? '' })

const TABS: MatchKind[] = ['experts', 'results', 'groups']

function access(user: SessionUser | null, organizationId: string) {
  const bureau = Boolean(user?.memberships.some((m) => m.role === 'BUREAU_STAFF' || m.role === 'PLATFORM_ADMIN'))
  const owner = Boolean(
    user?.memberships.some((m) => m.organizationId === organizationId && ENTERPRISE_ROLES.includes(m.role)),
  )
  return { owner, bureau }
}

const OPEN = ['PUBLISHED', 'IN_PROGRESS']

/**
 * A need's page. Everyone sees a published need's public teaser; its enterprise and bureau staff
 * also see the confidential detail and the match panel. Drafts of other organizations are 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  const need = await prisma.need.findUnique({
    where: { id: params.id ?? '' },
    select: {
      id: true,
      title: true,
      summary: true,
      confidentialDetail: true,
      keywords: true,
      status: true,
      deadline: true,
      budgetMaxFen: true,
      staleRemindedAt: true,
      cooperationModes: true,
      organizationId: true,
      organization: { select: { name: true } },
      field: { select: { nameZh: true, nameEn: true } },
    },
  })
  if (!need) notFound()
  const { owner, bureau } = access(user, need.organizationId)
  if (!owner && !bureau && !OPEN.includes(need.status)) notFound()
  const url = new URL(request.url)
  const tab = TABS.includes(url.searchParams.get('tab') as MatchKind)
    ? (url.searchParams.get('tab') as MatchKind)
    : 'experts'
  const showAll = url.searchParams.get('all') === '1'
  const matches =
    owner || bureau
      ? await matchNeed(prisma, searchEngine(), need.id, tab, { limit: 10, minConfidence: showAll ? 1 : 3 })
      : null
  const requests = owner ? await listNeedIntroductions(need.id, need.organizationId) : []
  // Only the enterprise's own visit moves its "new since last visit" mark.
  const fresh = owner && user ? await takeNewMatches(need.id, user.id) : []
  const curated = owner || bureau ? await getCuratedGroup(need.id) : null
  return {
    curated: curated
      ? {
          note: curated.note,
          members: curated.members.map((m) => ({
            id: m.expert.id,
            name: m.expert.name,
            institution: m.expert.organization.name,
            aspects: m.aspects,
          })),
        }
      : null,
    fresh,
    requests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      deadline: beijingDateTime(r.responseDeadline),
      to: r.targetOrg.name,
      target: r.expert?.name ?? r.result?.title ?? '',
    })),
    responseDays: getEnv().INTRO_RESPONSE_DAYS,
    need: {
      ...need,
      confidentialDetail: owner || bureau ? need.confidentialDetail : null,
      deadline: need.deadline ? calendarDate(need.deadline) : null,
      budgetMaxFen: need.budgetMaxFen === null ? null : need.budgetMaxFen.toString(),
      stale: need.status === 'PUBLISHED' && need.staleRemindedAt !== null,
      staleRemindedAt: undefined,
    },
    canGiveFeedback: owner,
    tab,
    showAll,
    matches,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const need = await prisma.need.findUnique({
    where: { id: params.id ?? '' },
    select: { id: true, organizationId: true },
  })
  if (!need) notFound()
  const membership = user.memberships.find(
    (m) => m.organizationId === need.organizationId && ENTERPRISE_ROLES.includes(m.role),
  )
  if (!membership) notFound()
  if (formData.get('statusChange') === 'confirm') {
    await confirmListingActive({ userId: user.id, organizationId: membership.organizationId }, 'need', need.id)
    return { ok: true, errors: null, statusChanged: true }
  }
  if (formData.get('intent') === 'introduce') {
    const submission = parseWithZod(formData, { schema: IntroRequestSchema })
    if (submission.status !== 'success') return data({ ok: false, errors: submission.error }, { status: 400 })
    const outcome = await requestIntroduction(
      { userId: user.id, organizationId: membership.organizationId },
      { needId: need.id, ...submission.value },
    )
    if (!outcome.ok) return data({ ok: false, errors: { '': [outcome.error] } }, { status: 409 })
    return { ok: true, errors: null, statusChanged: false, introduced: true }
  }
  if (formData.get('intent') === 'introduceGroup') {
    const submission = parseWithZod(formData, { schema: GroupIntroRequestSchema })
    if (submission.status !== 'success') return data({ ok: false, errors: submission.error }, { status: 400 })
    const outcome = await requestGroupIntroduction(
      { userId: user.id, organizationId: membership.organizationId },
      { needId: need.id, ...submission.value },
    )
    if (!outcome.ok) return data({ ok: false, errors: { '': [outcome.error] } }, { status: 409 })
    return { ok: true, errors: null, statusChanged: false, introducedGroup: outcome.ids.length }
  }
  const status = NeedStatusSchema.safeParse({ intent: formData.get('statusChange') })
  if (status.success) {
    const changed = await changeNeedStatus(
      { userId: user.id, organizationId: membership.organizationId },
      need.id,
      status.data.intent,
    )
    if (changed === 'notVerified') return data({ ok: false, errors: NOT_VERIFIED_ERRORS }, { status: 409 })
    if (changed === 'refused')
      return data({ ok: false, errors: { intent: ['errors.need.notEditable'] } }, { status: 409 })
    return { ok: true, errors: null, statusChanged: true }
  }
  const submission = parseWithZod(formData, { schema: MatchFeedbackSchema })
  if (submission.status !== 'success') return data({ ok: false, errors: submission.error }, { status: 400 })
  const value = submission.value
  const exists =
    value.targetKind === 'expert'
      ? await prisma.expert.count({ where: { id: value.targetId } })
      : await prisma.researchResult.count({ where: { id: value.targetId } })
  if (!exists) notFound()
  await recordMatchFeedback(prisma, searchEngine(), {
    needId: need.id,
    target: { kind: value.targetKind, id: value.targetId },
    decision: value.decision,
    reason: value.decision === 'DECLINED' ? value.reason : undefined,
    note: value.note,
    userId: user.id,
    organizationId: membership.organizationId,
  })
  return { ok: true, errors: null, statusChanged: false }
}

/** Edit, publish, close, reopen: what the need's state allows. */
function OwnerActions({ id, status }: { id: string; status: string }) {
  const { t } = useTranslation()
  const open = ['DRAFT', 'PUBLISHED', 'IN_PROGRESS'].includes(status)
  return (
    <div className="actions" data-testid="need-actions">
      {open ? <Link to={`/needs/${id}/edit`}>{t('needForm.edit')}</Link> : null}
      {status === 'DRAFT' ? <StatusButton intent="publish" label={t('needForm.publishNow')} /> : null}
      {open ? <StatusButton intent="close" label={t('needForm.close')} /> : null}
      {!open ? <StatusButton intent="reopen" label={t('needForm.reopen')} /> : null}
    </div>
  )
}

function GroupIntroRequestForm({ expertIds, groupId }: { expertIds: string[]; groupId: string }) {
  const { t } = useTranslation()
  return (
    <details className="intro-request">
      <summary>{t('intro.requestGroup')}</summary>
      <Form method="post" className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value="introduceGroup" />
        {expertIds.map((id) => (
          <input key={id} type="hidden" name="expertIds" value={id} />
        ))}
        <label htmlFor={`intro-${groupId}`}>{t('intro.message')}</label>
        <textarea id={`intro-${groupId}`} name="message" rows={3} minLength={10} maxLength={1000} required />
        <p className="muted">{t('intro.requestHint')}</p>
        <button type="submit" className="primary">
          {t('intro.send')}
        </button>
      </Form>
    </details>
  )
}

function IntroRequestForm({ kind, id }: { kind: 'expert' | 'result'; id: string }) {
  const { t } = useTranslation()
  return (
    <details className="intro-request">
      <summary>{t('intro.request')}</summary>
      <Form method="post" className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value="introduce" />
        <input type="hidden" name="targetKind" value={kind} />
        <input type="hidden" name="targetId" value={id} />
        <label htmlFor={`intro-${id}`}>{t('intro.message')}</label>
        <textarea id={`intro-${id}`} name="message" rows={3} minLength={10} maxLength={1000} required />
        <span className="hint">{t('intro.requestHint')}</span>
        <button type="submit" className="primary">
          {t('intro.send')}
        </button>
      </Form>
    </details>
  )
}

function FeedbackForm({ kind, id }: { kind: 'expert' | 'result'; id: string }) {
  return <AcceptDecline ns="match" hidden={{ targetKind: kind, targetId: id }} defaultReason="OUTSIDE_FIELD" />
}

export default function NeedPage() {
  const { t, i18n } = useTranslation()
  const { need, matches, tab, showAll, canGiveFeedback, requests, responseDays, fresh, curated } =
    useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const zh = i18n.language === 'zh'
  const reasonText = (r: { zh: string; en: string }) => (zh ? r.zh : r.en)
  const tabLink = (next: MatchKind, all = showAll) => {
    const params = new URLSearchParams(searchParams)
    params.set('tab', next)
    if (all) params.set('all', '1')
    else params.delete('all')
    return `?${params.toString()}`
  }
  return (
    <>
      <h1>{need.title}</h1>
      <p className="muted">
        {need.organization.name} · <span className="badge">{t(`needStatus.${need.status}`)}</span>
        {need.field ? ` · ${zh ? need.field.nameZh : need.field.nameEn}` : ''}
        {need.deadline ? ` · ${t('need.deadline')} ${need.deadline}` : ''}
        {need.budgetMaxFen !== null ? (
          <>
            {' '}
            · {t('need.budget')} <Money fen={need.budgetMaxFen} />
          </>
        ) : null}
      </p>
      {canGiveFeedback ? <OwnerActions id={need.id} status={need.status} /> : null}
      {canGiveFeedback && need.stale ? (
        <div className="notice warning-notice" role="status" data-testid="stale-notice">
          {t('freshness.needStale')} <StatusButton intent="confirm" label={t('freshness.confirm')} />
        </div>
      ) : null}
      {result && 'introduced' in result && result.introduced ? (
        <p className="notice" role="status">
          {t('intro.requested', { days: responseDays })}
        </p>
      ) : null}
      {result && 'introducedGroup' in result && result.introducedGroup ? (
        <p className="notice" role="status">
          {t('intro.groupRequested', { count: result.introducedGroup })}
        </p>
      ) : null}
      {result && !result.ok && result.errors && '' in result.errors ? (
        <FieldError id="need-error" errors={(result.errors as Record<string, string[]>)['']} />
      ) : null}
      {result && 'statusChanged' in result && result.statusChanged ? (
        <p className="notice" role="status">
          {t('needForm.statusChanged')}
        </p>
      ) : null}
      <section className="panel">
        <h2>{t('need.summary')}</h2>
        <p>{need.summary}</p>
        {need.keywords.length ? (
          <p className="tags">
            {need.keywords.map((k) => (
              <span className="badge" key={k}>
                {k}
              </span>
            ))}
          </p>
        ) : null}
        {need.confidentialDetail ? (
          <>
            <h3>{t('need.detail')}</h3>
            <p>{need.confidentialDetail}</p>
          </>
        ) : null}
      </section>
      {curated ? (
        <section className="panel" aria-labelledby="curated-heading" data-testid="curated-group">
          <h2 id="curated-heading">{t('curation.groupForNeed')}</h2>
          {curated.note ? <p>{curated.note}</p> : null}
          <ul className="reasons">
            {curated.members.map((m) => (
              <li key={m.id}>
                <Link to={`/experts/${m.id}`}>{m.name}</Link> <span className="muted">· {m.institution}</span>
                {m.aspects.length ? ` · ${t('match.covers', { aspects: m.aspects.join('、') })}` : null}
                {canGiveFeedback ? <IntroRequestForm kind="expert" id={m.id} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {canGiveFeedback ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">{t('intro.requests')}</h2>
          {requests.length === 0 ? <p className="muted">{t('intro.noRequests')}</p> : null}
          <ul className="list" data-testid="intro-requests">
            {requests.map((r) => (
              <li key={r.id}>
                <Link to={`/introductions/${r.id}`}>{r.target}</Link> · {t('intro.to', { org: r.to })} ·{' '}
                <span className="badge">{t(`intro.status.${r.status}`)}</span> ·{' '}
                <span className="muted">{t('intro.deadline', { date: r.deadline })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {matches ? (
        <section aria-labelledby="matches-heading">
          <h2 id="matches-heading">{t('match.title')}</h2>
          <p className="muted">
            {t('match.terms')}：{matches.terms.join('、')}
          </p>
          {result?.ok &&
          !('statusChanged' in result && result.statusChanged) &&
          !('introduced' in result) &&
          !('introducedGroup' in result) ? (
            <p className="notice" role="status">
              {t('match.feedbackSaved')}
            </p>
          ) : null}
          <nav className="tabs">
            {TABS.map((k) => (
              <Link key={k} to={tabLink(k)} aria-current={k === tab ? 'page' : undefined}>
                {t(`match.tabs.${k}`)}
              </Link>
            ))}
          </nav>
          {matches.items.length === 0 && matches.groups.length === 0 ? <p>{t('match.none')}</p> : null}
          <ol className="match-list" data-testid="match-list">
            {matches.items.map((m) => (
              <li key={m.id}>
                {fresh.includes(m.id) ? (
                  <>
                    <span className="badge new">{t('match.new')}</span>{' '}
                  </>
                ) : null}
                <strong>
                  <Link to={m.kind === 'expert' ? `/experts/${m.id}` : `/results/${m.id}`}>{m.title}</Link>
                </strong>{' '}
                <span className="muted">· {m.institution}</span>{' '}
                <span className="confidence">{t('match.confidence', { value: m.confidence })}</span>
                <ul className="reasons">
                  {m.reasons.map((r, i) => (
                    <li key={i}>{reasonText(r)}</li>
                  ))}
                </ul>
                {m.status === 'ACCEPTED' ? <span className="badge">{t('match.accepted')}</span> : null}
                {m.status === 'DECLINED' ? <span className="badge">{t('match.declined')}</span> : null}
                {canGiveFeedback && m.status === null ? <FeedbackForm kind={m.kind} id={m.id} /> : null}
                {canGiveFeedback && m.status !== 'DECLINED' ? <IntroRequestForm kind={m.kind} id={m.id} /> : null}
              </li>
            ))}
            {matches.groups.map((g) => (
              <li key={g.id}>
                <span className="confidence">{t('match.confidence', { value: g.confidence })}</span>{' '}
                <span className="muted">{t('match.coverage', { value: Math.round(g.coverage * 100) })}</span>
                <ul className="reasons">
                  {g.members.map((member) => (
                    <li key={member.expertId}>
                      <strong>{t('match.groupMember', { name: member.name, institution: member.institution })}</strong>{' '}
                      {t('match.covers', { aspects: member.aspects.join('、') || '—' })}
                    </li>
                  ))}
                </ul>
                <ul className="reasons muted">
                  {g.reasons.map((r, i) => (
                    <li key={i}>{reasonText(r)}</li>
                  ))}
                </ul>
                {canGiveFeedback ? (
                  <GroupIntroRequestForm groupId={g.id} expertIds={g.members.map((m) => m.expertId)} />
                ) : null}
              </li>
            ))}
          </ol>
          {matches.hidden > 0 && !showAll ? (
            <p>
              {t('match.hidden', { count: matches.hidden })} · <Link to={tabLink(tab, true)}>{t('match.showAll')}</Link>
            </p>
          ) : null}
          {showAll ? <Link to={tabLink(tab, false)}>{t('match.showConfident')}</Link> : null}
        </section>
      ) : null}
    </>
  )
}
