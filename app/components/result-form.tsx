import { type SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { useZodForm, ZodForm } from './zod-form'
import { SaveButtons } from './status-button'
import { CheckboxGroup, ModeCheckboxes } from './mode-checkboxes'
import { InputFor, TextAreaFor, SelectFor } from './field'
import { MATURITY_STAGES } from '~/validation/needs'
import { IP_TYPES, ResultFormSchema } from '~/validation/results'

export type ResultFormDefaults = {
  title?: string
  abstract?: string
  fieldCode?: string | null
  keywords?: string
  stage?: string | null
  trl?: string | null
  ipType?: string
  patentNumbers?: string
  transferModes?: string[]
  priceMinYuan?: string | null
  priceMaxYuan?: string | null
  expertIds?: string[]
}

/** A research result with all its fields, its team chosen among the office's experts. */
export function ResultForm({
  fields: fieldOptions,
  experts,
  defaults,
  lastResult,
  draft,
}: {
  fields: Array<{ value: string; label: string }>
  experts: Array<{ id: string; name: string }>
  defaults?: ResultFormDefaults
  lastResult?: SubmissionResult<string[]> | null
  draft: boolean
}) {
  const { t } = useTranslation()
  const [form, f] = useZodForm(ResultFormSchema, lastResult, defaults)
  return (
    <ZodForm form={form} className="stack panel need-form">
      <InputFor label={t('resultForm.title')} meta={f.title} />
      <TextAreaFor label={t('resultForm.abstract')} rows={6} meta={f.abstract} />
      <SelectFor
        label={t('needForm.field')}
        placeholder={t('needForm.choose')}
        options={fieldOptions}
        meta={f.fieldCode}
      />
      <InputFor label={t('needForm.keywords')} hint={t('needForm.keywordsHint')} meta={f.keywords} />
      <div className="grid two">
        <SelectFor
          label={t('resultForm.stage')}
          placeholder={t('needForm.choose')}
          options={MATURITY_STAGES.map((s) => ({ value: s, label: t(`search.stage.${s}`) }))}
          meta={f.stage}
        />
        <InputFor label={t('resultForm.trl')} inputMode="numeric" meta={f.trl} />
      </div>
      <SelectFor
        label={t('resultForm.ipType')}
        options={IP_TYPES.map((ip) => ({ value: ip, label: t(`resultForm.ip.${ip}`) }))}
        meta={f.ipType}
      />
      <InputFor label={t('resultForm.patents')} hint={t('resultForm.patentsHint')} meta={f.patentNumbers} />
      <ModeCheckboxes
        legend={t('resultForm.modes')}
        name={f.transferModes.name}
        id={f.transferModes.id}
        defaults={defaults?.transferModes}
        errors={f.transferModes.errors}
      />
      <div className="grid two">
        <InputFor label={t('resultForm.priceMin')} inputMode="decimal" meta={f.priceMinYuan} />
        <InputFor label={t('resultForm.priceMax')} inputMode="decimal" meta={f.priceMaxYuan} />
      </div>
      {experts.length ? (
        <CheckboxGroup
          legend={t('resultForm.team')}
          name={f.expertIds.name}
          id={f.expertIds.id}
          defaults={defaults?.expertIds}
          errors={f.expertIds.errors}
          options={experts.map((e) => ({ value: e.id, label: e.name }))}
        />
      ) : null}
      <SaveButtons draft={draft} publishLabel={t('resultForm.publish')} />
    </ZodForm>
  )
}
