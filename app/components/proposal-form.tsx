import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CallPageView } from '~/calls/page.server'
import { yuanText } from '~/utils/format'
import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from '~/validation/calls'
import { CsrfInput } from './csrf-input'
import { Field, FieldError, TextAreaField } from './field'

type Errors = Record<string, string[]>
const MILESTONE_ROWS = 4

/** An institution's office: its proposal (form, attachments, withdrawal) and then the outcome. */
export function ApplicantPanel({ page, errors }: { page: CallPageView; errors: Errors }) {
  const { t } = useTranslation()
  const applicant = page.applicant!
  const proposal = applicant.proposal
  const open = page.phase === 'OPEN'
  const editable = open && (!proposal || ['DRAFT', 'SUBMITTED', 'WITHDRAWN'].includes(proposal.status))
  return (
    <section className="panel" aria-labelledby="applicant-heading" data-testid="applicant-panel">
      <h2 id="applicant-heading">{t('calls.applicantTitle')}</h2>
      {!applicant.eligible ? <p className="notice">{t('calls.ineligible')}</p> : null}
      {proposal ? (
        <p>
          {t('calls.yourProposal')}{' '}
          <span className="badge" data-testid="proposal-status">
            {t(`calls.proposalStatus.${proposal.status}`)}
          </span>{' '}
          {page.phase !== 'OPEN' && proposal.status !== 'DRAFT' && proposal.status !== 'WITHDRAWN' ? (
            <Link to={`/calls/${page.call.id}/proposals/${proposal.id}`}>{t('calls.openProposal')}</Link>
          ) : null}
        </p>
      ) : null}
      {proposal?.outcomeReason ? (
        <p data-testid="proposal-outcome">{t('calls.outcomeReason', { reason: proposal.outcomeReason })}</p>
      ) : null}
      {!open && !proposal ? <p className="muted">{t('calls.closedForProposals')}</p> : null}
      {applicant.eligible && editable ? <ProposalForm page={page} errors={errors} /> : null}
      {proposal && editable ? <Attachments page={page} errors={errors} /> : null}
      {proposal && !editable && proposal.attachments.length ? <AttachmentList page={page} removable={false} /> : null}
    </section>
  )
}

function ProposalForm({ page, errors }: { page: CallPageView; errors: Errors }) {
  const { t } = useTranslation()
  const applicant = page.applicant!
  const proposal = applicant.proposal
  const milestones = proposal?.milestones ?? []
  return (
    <Form method="post" className="stack need-form" noValidate data-testid="proposal-form">
      <CsrfInput />
      <TextAreaField
        label={t('calls.form.approach')}
        name="approach"
        rows={6}
        defaultValue={proposal?.approach ?? ''}
        hint={t('calls.form.approachHint')}
        errors={errors.approach}
      />
      <fieldset className="choice-list">
        <legend>{t('calls.form.team')}</legend>
        {applicant.choices.experts.length === 0 ? <p className="muted">{t('calls.form.noExperts')}</p> : null}
        {applicant.choices.experts.map((e) => (
          <label className="checkbox" key={e.id}>
            <input
              type="checkbox"
              name="teamExpertIds"
              value={e.id}
              defaultChecked={proposal?.teamExpertIds.includes(e.id)}
            />
            {e.name}
            {e.title ? ` · ${e.title}` : ''}
          </label>
        ))}
        <FieldError id="team-error" errors={errors.teamExpertIds} />
      </fieldset>
      <fieldset className="choice-list">
        <legend>{t('calls.form.results')}</legend>
        {applicant.choices.results.map((r) => (
          <label className="checkbox" key={r.id}>
            <input type="checkbox" name="resultIds" value={r.id} defaultChecked={proposal?.resultIds.includes(r.id)} />
            {r.title}
          </label>
        ))}
        <FieldError id="results-error" errors={errors.resultIds} />
      </fieldset>
      <TextAreaField
        label={t('calls.form.patents')}
        name="patents"
        rows={2}
        defaultValue={proposal?.patents ?? ''}
        errors={errors.patents}
      />
      <div className="grid two">
        <Field
          label={t('calls.form.price')}
          name="priceYuan"
          inputMode="decimal"
          defaultValue={proposal ? yuanText(BigInt(proposal.priceFen)) : ''}
          errors={errors.priceYuan}
        />
        <Field
          label={t('calls.form.duration')}
          name="durationMonths"
          inputMode="numeric"
          defaultValue={proposal?.durationMonths ?? ''}
          errors={errors.durationMonths}
        />
      </div>
      <fieldset>
        <legend>{t('calls.form.milestones')}</legend>
        <p className="hint">{t('calls.form.milestonesHint')}</p>
        {Array.from({ length: Math.max(MILESTONE_ROWS, milestones.length) }, (_, i) => (
          <div className="grid two" key={i}>
            <Field
              label={t('calls.form.milestoneTitle', { n: i + 1 })}
              name={`milestones[${i}].title`}
              defaultValue={milestones[i]?.title ?? ''}
              errors={errors[`milestones[${i}].title`]}
            />
            <Field
              label={t('calls.form.milestoneAmount', { n: i + 1 })}
              name={`milestones[${i}].amountYuan`}
              inputMode="decimal"
              defaultValue={milestones[i] ? yuanText(BigInt(milestones[i].amountFen)) : ''}
              errors={errors[`milestones[${i}].amountYuan`]}
            />
            <Field
              label={t('calls.form.milestoneMonth', { n: i + 1 })}
              name={`milestones[${i}].month`}
              inputMode="numeric"
              defaultValue={milestones[i]?.month ?? ''}
              errors={errors[`milestones[${i}].month`]}
            />
          </div>
        ))}
        <FieldError id="milestones-error" errors={errors.milestones} />
      </fieldset>
      <div className="actions">
        <button type="submit" name="intent" value="submit" className="primary">
          {proposal?.status === 'SUBMITTED' ? t('calls.form.update') : t('calls.form.submit')}
        </button>
        {proposal?.status !== 'SUBMITTED' ? (
          <button type="submit" name="intent" value="save">
            {t('calls.form.saveDraft')}
          </button>
        ) : null}
        {proposal && proposal.status !== 'WITHDRAWN' ? (
          <button type="submit" name="intent" value="withdraw" formNoValidate>
            {t('calls.form.withdraw')}
          </button>
        ) : null}
      </div>
    </Form>
  )
}

function AttachmentList({ page, removable }: { page: CallPageView; removable: boolean }) {
  const { t } = useTranslation()
  const attachments = page.applicant?.proposal?.attachments ?? []
  return (
    <ul className="list" data-testid="attachment-list">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={`/calls/${page.call.id}/attachments/${a.id}`}>{a.fileName}</a>{' '}
          <span className="muted">
            {t('calls.fileSize', { kb: Math.ceil(a.size / 1024) })} · SHA-256 {a.sha256.slice(0, 12)}…
          </span>
          {removable ? (
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="attachmentId" value={a.id} />
              <button type="submit" name="intent" value="deleteAttachment" className="link-button">
                {t('calls.removeAttachment')}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function Attachments({ page, errors }: { page: CallPageView; errors: Errors }) {
  const { t } = useTranslation()
  return (
    <>
      <h3>{t('calls.attachments')}</h3>
      <AttachmentList page={page} removable />
      <Form method="post" encType="multipart/form-data" className="stack-tight" data-testid="attachment-form">
        <CsrfInput />
        <label htmlFor="attachment">
          {t('calls.attachmentLabel', { count: MAX_ATTACHMENTS, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
        </label>
        <input id="attachment" name="file" type="file" accept=".pdf,.docx,.xlsx" required />
        <FieldError id="attachment-error" errors={errors.file} />
        <button type="submit">{t('calls.upload')}</button>
      </Form>
    </>
  )
}
