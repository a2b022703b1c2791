import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { AcceptDecline } from '~/components/accept-decline'
import { CsrfInput } from '~/components/csrf-input'
import { IntentButton, StatusButton } from '~/components/status-button'
import { Money } from '~/components/money'
import type { MatchKind } from '~/matching/match-need.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { notFound, requireUser } from '~/utils/permissions.server'
import type { NeedStatus } from '~/generated/prisma/enums'
import { getSessionUser } from '~/utils/session.server'
import { requestGroupIntroduction, requestIntroduction } from '~/introductions/requests.server'
import { FieldError } from '~/components/field'
import { NeedPageActionSchema, type NeedPageAction } from '~/validation/needs'
import { changeNeedStatus } from '~/models/needs.server'
import { getNeedActor, getNeedPage, giveMatchFeedback } from '~/models/need-page.server'
import { isEditableNeed } from '~/models/need-states'
import { confirmListingActive } from '~/models/freshness.server'
import { NOT_VERIFIED_ERRORS } from '~/models/verification.server'
import { actionDone, actionFailed, fieldErrors } from '~/utils/action-result'
import { serialize } from '~/utils/serialize'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'need.pageTitle', { title: data?.need.title ?? '' })

const TABS: MatchKind[] = ['experts', 'results', 'groups']

/**
 * A need's page: the public teaser for everyone, the detail and match panel for its enterprise
 * and bureau staff; another organization's draft is 404 (app/models/need-page.server.ts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  const url = new URL(request.url)
  const asked = url.searchParams.get('tab') as MatchKind
  const tab = TABS.includes(asked) ? asked : 'experts'
  const showAll = url.searchParams.get('all') === '1'
  const page = await getNeedPage(user, params.id ?? '', { tab, showAll })
  if (!page) notFound()
  return serialize({ ...page, tab, showAll })
}

type Intent = NeedPageAction['intent']

/** The enterprise's actions on its need, one `intent` each; anyone else gets 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const owned = await getNeedActor(user, params.id ?? '')
  if (!owned) notFound()
  const { needId, actor } = owned
  const submission = parseWithZod(formData, { schema: NeedPageActionSchema })
  if (submission.status !== 'success') return actionFailed<Intent>(fieldErrors(submission.error))
  const input = submission.value
  switch (input.intent) {
    case 'confirm':
      await confirmListingActive(actor, 'need', needId)
      return actionDone(input.intent)
    case 'changeStatus': {
      const changed = await changeNeedStatus(actor, needId, input.transition)
      if (changed === 'notVerified') return actionFailed<Intent>(NOT_VERIFIED_ERRORS, 409)
      if (changed === 'refused') return actionFailed<Intent>({ intent: ['errors.need.notEditable'] }, 409)
      return actionDone(input.intent)
    }
    case 'introduce': {
      const { targetKind, targetId, message } = input
      const outcome = await requestIntroduction(actor, { needId, targetKind, targetId, message })
      if (!outcome.ok) return actionFailed<Intent>({ '': [outcome.error] }, 409)
      return actionDone(input.intent)
    }
    case 'introduceGroup': {
      const outcome = await requestGroupIntroduction(actor, {
        needId,
        expertIds: input.expertIds,
        message: input.message,
      })
      if (!outcome.ok) return actionFailed<Intent>({ '': [outcome.error] }, 409)
      return actionDone(input.intent, outcome.ids.length)
    }
    case 'feedback':
      if (!(await giveMatchFeedback(actor, needId, input))) notFound()
      return actionDone(input.intent)
  }
}

/** Edit, publish, close, reopen: what the need's state allows. */
function OwnerActions({ id, status }: { id: string; status: NeedStatus }) {
  const { t } = useTranslation()
  const open = isEditableNeed(status)
  return (
    <div className="actions" data-testid="need-actions">
      {open ? <Link to={`/needs/${id}/edit`}>{t('needForm.edit')}</Link> : null}
      {status === 'DRAFT' ? <StatusButton transition="publish" label={t('needForm.publishNow')} /> : null}
      {open ? <StatusButton transition="close" label={t('needForm.close')} /> : null}
      {!open ? <StatusButton transition="reopen" label={t('needForm.reopen')} /> : null}
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
  return (
    <AcceptDecline
      ns="match"
      hidden={{ intent: 'feedback', targetKind: kind, targetId: id }}
      defaultReason="OUTSIDE_FIELD"
    />
  )
}

export default function NeedPage() {
  const { t, i18n } = useTranslation()
  const { need, matches, tab, showAll, canGiveFeedback, requests, responseDays, fresh, curated, call, canPublishCall } =
    useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const done = result?.ok ? result.intent : null
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
      {call ? (
        <p className="notice" data-testid="need-call">
          {t('calls.onNeed')} <Link to={`/calls/${call.id}`}>{t('calls.openCall')}</Link>
        </p>
      ) : null}
      {canPublishCall ? (
        <p>
          <Link to={`/calls/new?need=${need.id}`} className="button" data-testid="publish-call">
            {t('calls.publishFromNeed')}
          </Link>
        </p>
      ) : null}
      {canGiveFeedback && need.stale ? (
        <div className="notice warning-notice" role="status" data-testid="stale-notice">
          {t('freshness.needStale')} <IntentButton intent="confirm" label={t('freshness.confirm')} />
        </div>
      ) : null}
      {done === 'introduce' ? (
        <p className="notice" role="status">
          {t('intro.requested', { days: responseDays })}
        </p>
      ) : null}
      {done === 'introduceGroup' && result?.ok && result.count ? (
        <p className="notice" role="status">
          {t('intro.groupRequested', { count: result.count })}
        </p>
      ) : null}
      {result && !result.ok && '' in result.errors ? <FieldError id="need-error" errors={result.errors['']} /> : null}
      {done === 'changeStatus' || done === 'confirm' ? (
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
          {done === 'feedback' ? (
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
