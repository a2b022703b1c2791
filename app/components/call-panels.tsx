import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CallPageView } from '~/calls/page.server'
import { CsrfInput } from './csrf-input'
import { Field, FieldError, TextAreaField } from './field'
import { CriteriaList, Eligibility, RewardRange } from './call-terms'
import { Money } from './money'
export { ApplicantPanel } from './proposal-form'

type Errors = Record<string, string[]>
const points = (centi: number | null) => (centi === null ? '—' : (centi / 100).toFixed(2))

/** The public part of a call, and the confidential part for those it is released to. */
export function CallFacts({ page }: { page: CallPageView }) {
  const { t, i18n } = useTranslation()
  const { call } = page
  const zh = i18n.language === 'zh'
  return (
    <section className="panel" aria-labelledby="call-facts">
      <h2 id="call-facts" className="visually-hidden">
        {t('calls.facts')}
      </h2>
      <p className="muted">
        {call.organization.name}
        {call.need.field ? ` · ${zh ? call.need.field.nameZh : call.need.field.nameEn}` : ''}
        {call.campaign ? ` · ${t('calls.campaign', { name: call.campaign.name })}` : ''} ·{' '}
        <Link to={`/needs/${call.need.id}`}>{t('calls.needLink')}</Link>
      </p>
      {call.bundle ? (
        <p data-testid="call-bundle">
          {t('calls.bundle.partOf')} <Link to={`/calls/bundles/${call.bundle.id}`}>{call.bundle.title}</Link>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('calls.rewardTitle')}</dt>
        <dd data-testid="call-reward">
          <RewardRange minFen={call.rewardMinFen} maxFen={call.rewardMaxFen} />
          {call.districtFundingFen ? (
            <>
              {' '}
              · {t('calls.districtFunding')} <Money fen={call.districtFundingFen} />
            </>
          ) : null}
        </dd>
        <dt>{t('calls.deadline')}</dt>
        <dd data-testid="call-deadline">{t('calls.deadlineAt', { at: call.deadlineText })}</dd>
        <dt>{t('calls.eligibility')}</dt>
        <dd>
          <Eligibility kinds={call.eligibleKinds} regions={call.eligibleRegionGroups} />
        </dd>
        <dt>{t('calls.enteredLabel')}</dt>
        <dd data-testid="call-entered">{t('calls.entered', { count: page.enteredCount })}</dd>
      </dl>
      <h3>{t('calls.statement')}</h3>
      <p className="prewrap">{call.statement}</p>
      <h3>{t('calls.requirements')}</h3>
      <p className="prewrap">{call.requirements}</p>
      <h3>{t('calls.criteriaTitle')}</h3>
      <CriteriaList criteria={call.criteria} />
      {call.confidentialDetail ? (
        <>
          <h3>{t('calls.confidential')}</h3>
          <p className="prewrap" data-testid="call-confidential">
            {call.confidentialDetail}
          </p>
        </>
      ) : null}
      {call.decisionNote ? (
        <p data-testid="call-decision">{t('calls.decisionNote', { note: call.decisionNote })}</p>
      ) : null}
    </section>
  )
}

/** The ranked proposals with each evaluator's weighted total (0–100). */
function EvaluationTable({ page, shortlist }: { page: CallPageView; shortlist: boolean }) {
  const { t } = useTranslation()
  const rows = page.evaluation ?? []
  if (rows.length === 0) return <p className="muted">{t('calls.noProposals')}</p>
  return (
    <div className="table-wrap">
      <table data-testid="evaluation-table">
        <thead>
          <tr>
            <th>{t('calls.rank')}</th>
            <th>{t('calls.applicant')}</th>
            <th>{t('calls.price')}</th>
            <th>{t('calls.duration')}</th>
            <th>{t('calls.averageScore')}</th>
            <th>{t('calls.reviewerScores')}</th>
            <th>{t('calls.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((p, i) => (
            <tr key={p.id} data-testid="evaluation-row">
              <td>{i + 1}</td>
              <td>{p.organization.name}</td>
              <td>
                <Money fen={p.priceFen} />
              </td>
              <td>{t('calls.months', { count: p.durationMonths })}</td>
              <td data-testid="average-score">{points(p.averageCenti)}</td>
              <td>{p.scores.map((s) => `${s.reviewer} ${points(s.totalCenti)}`).join('；') || '—'}</td>
              <td>{t(`calls.proposalStatus.${p.status}`)}</td>
              <td>
                <Link to={`/calls/${page.call.id}/proposals/${p.id}`}>
                  {p.scoredByMe || page.phase !== 'EVALUATING' ? t('calls.viewProposal') : t('calls.scoreProposal')}
                </Link>
                {shortlist && p.status === 'SUBMITTED' && page.phase === 'EVALUATING' ? (
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="proposalId" value={p.id} />
                    <button type="submit" name="intent" value="shortlist">
                      {t('calls.shortlist')}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The enterprise (or the bureau, for its campaign's call): publish, reviewers, evaluation, decision. */
export function OwnerPanel({ page, errors }: { page: CallPageView; errors: Errors }) {
  const { t } = useTranslation()
  const { call, phase } = page
  return (
    <section className="panel" aria-labelledby="owner-heading" data-testid="owner-panel">
      <h2 id="owner-heading">{t('calls.ownerTitle')}</h2>
      {phase === 'DRAFT' ? (
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="publish" className="primary">
            {t('calls.publish')}
          </button>
        </Form>
      ) : null}
      {phase === 'OPEN' ? <p className="muted">{t('calls.sealed')}</p> : null}
      {phase === 'EVALUATING' || phase === 'AWARDED' || phase === 'CLOSED' ? (
        <EvaluationTable page={page} shortlist />
      ) : null}
      {phase === 'OPEN' || phase === 'EVALUATING' ? (
        <>
          <h3>{t('calls.reviewers')}</h3>
          <ul className="list" data-testid="reviewer-list">
            {page.reviewers.map((r) => (
              <li key={r.id}>
                {r.user.name}（{r.user.email}）· {r.declaredAt ? t('calls.declared') : t('calls.notDeclared')}
              </li>
            ))}
          </ul>
          <Form method="post" className="stack-tight">
            <CsrfInput />
            <Field label={t('calls.inviteEmail')} name="email" type="email" errors={errors.email} />
            <button type="submit" name="intent" value="invite">
              {t('calls.invite')}
            </button>
          </Form>
        </>
      ) : null}
      {phase === 'EVALUATING' && page.evaluation?.length ? <DecisionForm page={page} errors={errors} /> : null}
      {phase === 'EVALUATING' ? (
        <Form method="post" className="stack-tight">
          <CsrfInput />
          <TextAreaField label={t('calls.closeNote')} name="note" rows={2} errors={errors.note} />
          <button type="submit" name="intent" value="close">
            {t('calls.closeWithoutAward')}
          </button>
        </Form>
      ) : null}
      {phase === 'OPEN' || phase === 'DRAFT' ? (
        <Form method="post" className="stack-tight">
          <CsrfInput />
          <TextAreaField label={t('calls.cancelReason')} name="reason" rows={2} errors={errors.reason} />
          <button type="submit" name="intent" value="cancel" className="danger">
            {t('calls.cancel')}
          </button>
        </Form>
      ) : null}
      {page.contracts.length ? (
        <>
          <h3>{t('calls.contracts')}</h3>
          <ul className="list">
            {page.contracts.map((c) => (
              <li key={c.id}>
                <Link to={`/contracts/${c.id}`} data-testid="award-contract">
                  {c.projectName}
                </Link>{' '}
                · {c.sellerName} · {t(`dashboard.status.${c.status}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted">{t('calls.callId', { id: call.id })}</p>
    </section>
  )
}

/** Award one proposal (or several, for lots); every other one gets its reason. */
function DecisionForm({ page, errors }: { page: CallPageView; errors: Errors }) {
  const { t } = useTranslation()
  const contending = (page.evaluation ?? []).filter((p) => p.status === 'SUBMITTED' || p.status === 'SHORTLISTED')
  return (
    <Form method="post" className="stack panel" data-testid="award-form">
      <CsrfInput />
      <h3>{t('calls.decide')}</h3>
      {contending.map((p) => (
        <fieldset key={p.id}>
          <legend>{p.organization.name}</legend>
          <label className="checkbox">
            <input type="checkbox" name="awardedIds" value={p.id} />
            {t('calls.awardThis')}
          </label>
          <TextAreaField
            label={t('calls.unsuccessfulReason', { org: p.organization.name })}
            name={`reasons.${p.id}`}
            rows={2}
          />
        </fieldset>
      ))}
      <FieldError id="award-error" errors={errors.awardedIds} />
      <TextAreaField label={t('calls.awardNote')} name="note" rows={2} errors={errors.note} />
      <button type="submit" name="intent" value="award" className="primary">
        {t('calls.award')}
      </button>
    </Form>
  )
}

/** An invited reviewer: the conflict-of-interest declaration, then the proposals after the deadline. */
export function ReviewerPanel({ page, errors }: { page: CallPageView; errors: Errors }) {
  const { t } = useTranslation()
  return (
    <section className="panel" aria-labelledby="reviewer-heading" data-testid="reviewer-panel">
      <h2 id="reviewer-heading">{t('calls.reviewerTitle')}</h2>
      {page.invitation && !page.invitation.declared ? (
        <Form method="post" className="stack-tight">
          <CsrfInput />
          <TextAreaField
            label={t('calls.declaration')}
            name="declaration"
            rows={2}
            defaultValue={t('calls.declarationDefault')}
            errors={errors.declaration}
          />
          <label className="checkbox">
            <input type="checkbox" name="noConflict" />
            {t('calls.noConflict')}
          </label>
          <FieldError id="noConflict-error" errors={errors.noConflict} />
          <button type="submit" name="intent" value="declare" className="primary">
            {t('calls.declare')}
          </button>
        </Form>
      ) : null}
      {page.evaluator === 'reviewer' && page.phase === 'OPEN' ? <p className="muted">{t('calls.sealed')}</p> : null}
      {page.evaluator === 'reviewer' && page.phase !== 'OPEN' ? (
        <EvaluationTable page={page} shortlist={false} />
      ) : null}
      {page.invitation?.declared && !page.evaluator ? <p className="muted">{t('calls.conflictExcluded')}</p> : null}
    </section>
  )
}

/** An expert of an eligible institution asks its office to answer the call. */
export function ExpertPanel({ page, errors }: { page: CallPageView; errors: Errors }) {
  const { t } = useTranslation()
  if (!page.expert?.eligible) return null
  return (
    <section className="panel" aria-labelledby="expert-heading" data-testid="expert-panel">
      <h2 id="expert-heading">{t('calls.expertTitle')}</h2>
      {page.expert.asked ? (
        <p className="muted">{t('calls.expertAsked')}</p>
      ) : (
        <Form method="post" className="stack-tight">
          <CsrfInput />
          <TextAreaField label={t('calls.expertNote')} name="note" rows={2} errors={errors.note} />
          <button type="submit" name="intent" value="askOffice" className="primary">
            {t('calls.askOffice')}
          </button>
        </Form>
      )}
    </section>
  )
}

export { points }
