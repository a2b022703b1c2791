import { Link } from '@remix-run/react'
import { getInputProps, type SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { useZodForm, ZodForm } from './zod-form'
import { SaveButtons, StatusButton } from './status-button'
import { CheckboxGroup } from './mode-checkboxes'
import { InputFor, TextAreaFor, SelectFor } from './field'
import { CONTACT_VISIBILITIES, ExpertFormSchema } from '~/validation/experts'

export type ExpertFormDefaults = {
  name?: string
  title?: string | null
  directions?: string
  keywords?: string
  fieldCodes?: string[]
  bio?: string | null
  achievements?: string | null
  email?: string | null
  phone?: string | null
  contactVisibility?: string
  /** 'on' when the expert takes requests, as the checkbox posts it. */
  available?: string
  consultationFeeYuan?: string | null
  consultationMinutes?: string | null
}

/**
 * An expert profile: research directions, keywords and fields (what matching reads), the record
 * that convinces enterprises, availability, paid consultations, and contacts with who may see them.
 */
export function ExpertForm({
  fields: fieldOptions,
  defaults,
  lastResult,
  draft,
}: {
  fields: Array<{ value: string; label: string }>
  defaults?: ExpertFormDefaults
  lastResult?: SubmissionResult<string[]> | null
  draft: boolean
}) {
  const { t } = useTranslation()
  const [form, f] = useZodForm(ExpertFormSchema, lastResult, defaults)
  return (
    <ZodForm form={form} className="stack panel need-form">
      <div className="grid two">
        <InputFor label={t('expertForm.name')} meta={f.name} />
        <InputFor label={t('expertForm.title')} hint={t('expertForm.titleHint')} meta={f.title} />
      </div>
      <InputFor label={t('fields.directions')} hint={t('expertForm.directionsHint')} meta={f.directions} />
      <InputFor label={t('needForm.keywords')} hint={t('needForm.keywordsHint')} meta={f.keywords} />
      <CheckboxGroup
        className="columns"
        legend={t('expertForm.fields')}
        name={f.fieldCodes.name}
        id={f.fieldCodes.id}
        defaults={defaults?.fieldCodes}
        errors={f.fieldCodes.errors}
        options={fieldOptions.map((o) => ({ ...o, label: o.label.trim() }))}
      />
      <TextAreaFor label={t('expertForm.bio')} rows={4} meta={f.bio} />
      <TextAreaFor
        label={t('expertForm.achievements')}
        hint={t('expertForm.achievementsHint')}
        rows={5}
        meta={f.achievements}
      />
      <fieldset className="field">
        <legend>{t('expert.availability')}</legend>
        <label className="checkbox">
          <input {...getInputProps(f.available, { type: 'checkbox' })} />
          {t('expertForm.available')}
        </label>
      </fieldset>
      <div className="grid two">
        <InputFor
          label={t('expertForm.fee')}
          hint={t('expertForm.feeHint')}
          inputMode="decimal"
          meta={f.consultationFeeYuan}
        />
        <InputFor label={t('expertForm.minutes')} inputMode="numeric" meta={f.consultationMinutes} />
      </div>
      <div className="grid two">
        <InputFor label={t('expertForm.email')} meta={f.email} type="email" />
        <InputFor label={t('expertForm.phone')} meta={f.phone} type="tel" />
      </div>
      <SelectFor
        label={t('expert.contactVisibility')}
        hint={t('expertForm.visibilityHint')}
        options={CONTACT_VISIBILITIES.map((v) => ({ value: v, label: t(`contactVisibility.${v}`) }))}
        meta={f.contactVisibility}
      />
      <SaveButtons draft={draft} publishLabel={t('expertForm.publish')} />
    </ZodForm>
  )
}

/** The profile's state, its public page and the buttons its state allows. */
export function ExpertStatus({ id, status, saved }: { id: string; status: string; saved: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="muted">
        <span className="badge" data-testid="expert-status">
          {t(`listingStatus.${status}`)}
        </span>{' '}
        {status === 'PUBLISHED' ? <Link to={`/experts/${id}`}>{t('expertForm.publicPage')}</Link> : null}
      </p>
      {saved ? (
        <p className="notice" role="status">
          {t('expertForm.saved')}
        </p>
      ) : null}
      <div className="actions">
        {status === 'DRAFT' ? <StatusButton transition="publish" label={t('expertForm.publish')} /> : null}
        {status !== 'ARCHIVED' ? <StatusButton transition="archive" label={t('expertForm.archive')} /> : null}
        {status === 'ARCHIVED' ? <StatusButton transition="republish" label={t('expertForm.republish')} /> : null}
      </div>
    </>
  )
}

/** An existing profile's editor: its state and buttons, then the form. */
export function ExpertEditor({
  id,
  status,
  saved,
  fields,
  defaults,
  result,
}: {
  id: string
  status: string
  saved: boolean
  fields: Array<{ value: string; label: string }>
  defaults: ExpertFormDefaults
  result: SubmissionResult<string[]> | { statusChanged: true } | undefined
}) {
  const statusChanged = Boolean(result && 'statusChanged' in result)
  return (
    <>
      <ExpertStatus id={id} status={status} saved={saved || statusChanged} />
      <ExpertForm
        key={id}
        fields={fields}
        defaults={defaults}
        lastResult={result && !('statusChanged' in result) ? result : null}
        draft={status === 'DRAFT'}
      />
    </>
  )
}
