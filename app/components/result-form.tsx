import { getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { useZodForm, ZodForm } from './zod-form'
import { SaveButtons } from './status-button'
import { CheckboxGroup, ModeCheckboxes } from './mode-checkboxes'
import { Field, SelectField, TextAreaField } from './field'
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
      <Field label={t('resultForm.title')} {...getInputProps(f.title, { type: 'text' })} errors={f.title.errors} />
      <TextAreaField
        label={t('resultForm.abstract')}
        rows={6}
        {...getTextareaProps(f.abstract)}
        errors={f.abstract.errors}
      />
      <SelectField
        label={t('needForm.field')}
        placeholder={t('needForm.choose')}
        options={fieldOptions}
        {...getSelectProps(f.fieldCode)}
        errors={f.fieldCode.errors}
      />
      <Field
        label={t('needForm.keywords')}
        hint={t('needForm.keywordsHint')}
        {...getInputProps(f.keywords, { type: 'text' })}
        errors={f.keywords.errors}
      />
      <div className="grid two">
        <SelectField
          label={t('resultForm.stage')}
          placeholder={t('needForm.choose')}
          options={MATURITY_STAGES.map((s) => ({ value: s, label: t(`search.stage.${s}`) }))}
          {...getSelectProps(f.stage)}
          errors={f.stage.errors}
        />
        <Field
          label={t('resultForm.trl')}
          inputMode="numeric"
          {...getInputProps(f.trl, { type: 'text' })}
          errors={f.trl.errors}
        />
      </div>
      <SelectField
        label={t('resultForm.ipType')}
        options={IP_TYPES.map((ip) => ({ value: ip, label: t(`resultForm.ip.${ip}`) }))}
        {...getSelectProps(f.ipType)}
        errors={f.ipType.errors}
      />
      <Field
        label={t('resultForm.patents')}
        hint={t('resultForm.patentsHint')}
        {...getInputProps(f.patentNumbers, { type: 'text' })}
        errors={f.patentNumbers.errors}
      />
      <ModeCheckboxes
        legend={t('resultForm.modes')}
        name={f.transferModes.name}
        id={f.transferModes.id}
        defaults={defaults?.transferModes}
        errors={f.transferModes.errors}
      />
      <div className="grid two">
        <Field
          label={t('resultForm.priceMin')}
          inputMode="decimal"
          {...getInputProps(f.priceMinYuan, { type: 'text' })}
          errors={f.priceMinYuan.errors}
        />
        <Field
          label={t('resultForm.priceMax')}
          inputMode="decimal"
          {...getInputProps(f.priceMaxYuan, { type: 'text' })}
          errors={f.priceMaxYuan.errors}
        />
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
