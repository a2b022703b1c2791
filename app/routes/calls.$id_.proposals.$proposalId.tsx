import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { postProposalMessage, scoreProposal } from '~/calls/evaluation.server'
import { getProposalPage } from '~/calls/page.server'
import { points } from '~/components/call-panels'
import { CsrfInput } from '~/components/csrf-input'
import { Field, FieldError, TextAreaField } from '~/components/field'
import { Money } from '~/components/money'
import { actionDone, actionFailed, fieldErrors, type ActionResult } from '~/utils/action-result'
import { requireCsrf } from '~/utils/csrf.server'
import { beijingDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { notFound, requireUser } from '~/utils/permissions.server'
import { serialize } from '~/utils/serialize'
import { ProposalActionSchema, type ProposalAction } from '~/validation/calls'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'calls.proposalTitle', { org: data?.proposal.organization.name ?? '' })

/** One proposal: for its institution's office, and after the deadline for the call's evaluators (audited). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = await getProposalPage(user, params.id ?? '', params.proposalId ?? '')
  if (!page) notFound()
  return serialize({
    ...page,
    proposal: {
      ...page.proposal,
      submittedText: page.proposal.submittedAt ? beijingDateTime(page.proposal.submittedAt) : null,
      messages: page.proposal.messages.map((m) => ({ ...m, at: beijingDateTime(m.createdAt) })),
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ProposalActionSchema })
  if (submission.status !== 'success') return actionFailed<ProposalAction['intent']>(fieldErrors(submission.error))
  const input = submission.value
  const actor = { userId: user.id, organizationId: user.memberships[0]?.organizationId ?? null, viewer: user }
  const proposalId = params.proposalId ?? ''
  const outcome =
    input.intent === 'score'
      ? await scoreProposal(actor, proposalId, input.scores, input.comment)
      : await postProposalMessage(actor, proposalId, input.body)
  if (!outcome.ok) {
    if (outcome.notFound) notFound()
    return actionFailed<ProposalAction['intent']>({ [outcome.field ?? '']: [outcome.error] }, 409)
  }
  return actionDone(input.intent)
}

export default function ProposalPage() {
  const { t } = useTranslation()
  const page = useLoaderData<typeof loader>()
  const result = useActionData<ActionResult<ProposalAction['intent']>>()
  const errors = result && !result.ok ? result.errors : {}
  const { proposal } = page
  return (
    <>
      <p className="muted">
        <Link to={`/calls/${proposal.call.id}`}>{proposal.call.title}</Link>
      </p>
      <h1>
        {t('calls.proposalTitle', { org: proposal.organization.name })}{' '}
        <span className="badge">{t(`calls.proposalStatus.${proposal.status}`)}</span>
      </h1>
      <FieldError id="proposal-error" errors={errors['']} />
      {result?.ok ? (
        <p className="notice" role="status" data-testid="proposal-done">
          {t(`calls.done.${result.intent}`)}
        </p>
      ) : null}
      <section className="panel">
        <p className="muted">
          {proposal.submittedText ? t('calls.submittedAt', { at: proposal.submittedText }) : null}
        </p>
        <dl className="facts">
          <dt>{t('calls.price')}</dt>
          <dd data-testid="proposal-price">
            <Money fen={proposal.priceFen} />
          </dd>
          <dt>{t('calls.duration')}</dt>
          <dd>{t('calls.months', { count: proposal.durationMonths })}</dd>
          <dt>{t('calls.form.team')}</dt>
          <dd>{page.experts.map((e) => e.name + (e.title ? `（${e.title}）` : '')).join('、') || '—'}</dd>
          <dt>{t('calls.form.results')}</dt>
          <dd>
            {page.results.length
              ? page.results.map((r) => (
                  <Link key={r.id} to={`/results/${r.id}`}>
                    {r.title}{' '}
                  </Link>
                ))
              : '—'}
          </dd>
          <dt>{t('calls.form.patents')}</dt>
          <dd>{proposal.patents ?? '—'}</dd>
        </dl>
        <h2>{t('calls.form.approach')}</h2>
        <p className="prewrap" data-testid="proposal-approach">
          {proposal.approach}
        </p>
        <h2>{t('calls.form.milestones')}</h2>
        <ol className="list">
          {proposal.milestones.map((m, i) => (
            <li key={i}>
              {m.title} · <Money fen={m.amountFen} /> · {t('calls.monthN', { n: m.month })}
            </li>
          ))}
        </ol>
        {proposal.attachments.length ? (
          <>
            <h2>{t('calls.attachments')}</h2>
            <ul className="list">
              {proposal.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/calls/${proposal.call.id}/attachments/${a.id}`} data-testid="attachment-link">
                    {a.fileName}
                  </a>{' '}
                  <span className="muted">SHA-256 {a.sha256.slice(0, 12)}…</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {page.role !== 'applicant' ? <Scores page={page} errors={errors} /> : null}
      <section className="panel" aria-labelledby="thread-heading">
        <h2 id="thread-heading">{t('calls.thread')}</h2>
        {proposal.messages.length === 0 ? <p className="muted">{t('calls.noMessages')}</p> : null}
        <ul className="list" data-testid="proposal-thread">
          {proposal.messages.map((m) => (
            <li key={m.id}>
              <strong>{m.author.name}</strong> <span className="muted">{m.at}</span>
              <p className="prewrap">{m.body}</p>
            </li>
          ))}
        </ul>
        {page.canMessage ? (
          <Form method="post" className="stack-tight">
            <CsrfInput />
            <TextAreaField
              label={page.role === 'applicant' ? t('calls.answer') : t('calls.ask')}
              name="body"
              rows={3}
              errors={errors.body}
            />
            <button type="submit" name="intent" value="message">
              {t('calls.send')}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  )
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>

/** Every evaluator's scores, and this evaluator's form (0–10 per criterion, weighted to 0–100). */
function Scores({ page, errors }: { page: Page; errors: Record<string, string[]> }) {
  const { t } = useTranslation()
  return (
    <section className="panel" aria-labelledby="scores-heading">
      <h2 id="scores-heading">{t('calls.scores')}</h2>
      <div className="table-wrap">
        <table data-testid="score-table">
          <thead>
            <tr>
              <th>{t('calls.reviewer')}</th>
              {page.criteria.map((c) => (
                <th key={c.name}>
                  {c.name}（{c.weight}%）
                </th>
              ))}
              <th>{t('calls.weightedTotal')}</th>
              <th>{t('calls.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {page.scores.map((s) => (
              <tr key={s.reviewerUserId}>
                <td>{s.reviewer}</td>
                {s.scores.map((x, i) => (
                  <td key={i}>{x}</td>
                ))}
                <td>{points(s.totalCenti)}</td>
                <td>{s.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.canScore ? (
        <Form method="post" className="stack-tight" data-testid="score-form">
          <CsrfInput />
          <div className="grid two">
            {page.criteria.map((c, i) => (
              <Field
                key={c.name}
                label={t('calls.scoreFor', { name: c.name })}
                name={`scores[${i}]`}
                type="number"
                min={0}
                max={10}
                defaultValue={page.myScore?.scores[i] ?? ''}
                errors={errors[`scores[${i}]`]}
              />
            ))}
          </div>
          <FieldError id="scores-error" errors={errors.scores} />
          <TextAreaField
            label={t('calls.comment')}
            name="comment"
            rows={2}
            defaultValue={page.myScore?.comment ?? ''}
            errors={errors.comment}
          />
          <button type="submit" name="intent" value="score" className="primary">
            {t('calls.saveScore')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
