import { useFetcher } from '@remix-run/react'
import { getInputProps, type SubmissionResult } from '@conform-to/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useZodForm, ZodForm } from './zod-form'
import { SaveButtons } from './status-button'
import { ModeCheckboxes } from './mode-checkboxes'
import { FieldError, InputFor, TextAreaFor, SelectFor } from './field'
import { MATURITY_STAGES, NeedFormSchema } from '~/validation/needs'

export interface NeedFormDefaults {
  title?: string
  summary?: string
  confidentialDetail?: string | null
  triedApproaches?: string | null
  fieldCode?: string | null
  keywords?: string[]
  budgetMinYuan?: string | null
  budgetMaxYuan?: string | null
  deadline?: string | null
  cooperationModes?: string[]
  wantedStage?: string | null
  campaignId?: string | null
}

/** The guided need form: the public teaser and the confidential detail are separate on purpose. */
export function NeedForm({
  fields: fieldOptions,
  defaults,
  lastResult,
  draft,
  campaigns = [],
}: {
  fields: Array<{ value: string; label: string }>
  /** Running collection campaigns (征集) the need may answer. */
  campaigns?: Array<{ id: string; name: string; endsOn: string }>
  defaults?: NeedFormDefaults
  lastResult?: SubmissionResult<string[]> | null
  /** Offer "save as draft" (new needs and drafts). */
  draft: boolean
}) {
  const { t } = useTranslation()
  const [form, f] = useZodForm(NeedFormSchema, lastResult, {
    ...defaults,
    keywords: defaults?.keywords?.join('、') ?? '',
  })
  const { defaultValue: _unused, ...keywordInput } = getInputProps(f.keywords, { type: 'text' })
  const suggestions = useFetcher<{ keywords: string[] }>()
  const [keywords, setKeywords] = useState(defaults?.keywords?.join('、') ?? '')
  const addKeyword = (word: string) => {
    const list = keywords.split(/[、，,;；\s]+/).filter(Boolean)
    if (!list.includes(word)) setKeywords([...list, word].join('、'))
  }
  const suggest = () => {
    const text = `${(document.getElementById(f.title.id) as HTMLInputElement)?.value ?? ''}。${(document.getElementById(f.summary.id) as HTMLTextAreaElement)?.value ?? ''}`
    suggestions.load(`/needs/keywords?text=${encodeURIComponent(text.slice(0, 3000))}`)
  }
  return (
    <ZodForm form={form}>
      <InputFor label={t('needForm.title')} hint={t('needForm.titleHint')} meta={f.title} />
      <TextAreaFor label={t('needForm.summary')} hint={t('needForm.summaryHint')} rows={5} meta={f.summary} />
      <TextAreaFor label={t('needForm.triedApproaches')} rows={3} meta={f.triedApproaches} />
      <TextAreaFor
        label={t('needForm.confidentialDetail')}
        hint={t('needForm.confidentialHint')}
        rows={4}
        meta={f.confidentialDetail}
      />
      <SelectFor
        label={t('needForm.field')}
        placeholder={t('needForm.choose')}
        options={fieldOptions}
        meta={f.fieldCode}
      />
      <div className="field">
        <label htmlFor={f.keywords.id}>{t('needForm.keywords')}</label>
        <input
          {...keywordInput}
          value={keywords}
          onChange={(e) => setKeywords(e.target.value)}
          aria-describedby={`${f.keywords.id}-hint`}
        />
        <span className="hint" id={`${f.keywords.id}-hint`}>
          {t('needForm.keywordsHint')}{' '}
          <button type="button" className="link-button inline" onClick={suggest}>
            {t('needForm.suggest')}
          </button>
        </span>
        {suggestions.data?.keywords.length ? (
          <span className="tags" aria-live="polite" data-testid="keyword-suggestions">
            {suggestions.data.keywords.map((k) => (
              <button type="button" className="badge" key={k} onClick={() => addKeyword(k)}>
                + {k}
              </button>
            ))}
          </span>
        ) : null}
        <FieldError id={`${f.keywords.id}-error`} errors={f.keywords.errors} />
      </div>
      <div className="grid two">
        <InputFor label={t('needForm.budgetMin')} inputMode="decimal" meta={f.budgetMinYuan} />
        <InputFor label={t('needForm.budgetMax')} inputMode="decimal" meta={f.budgetMaxYuan} />
      </div>
      <InputFor label={t('needForm.deadline')} meta={f.deadline} type="date" />
      <ModeCheckboxes
        legend={t('needForm.modes')}
        name={f.cooperationModes.name}
        id={f.cooperationModes.id}
        defaults={defaults?.cooperationModes}
        errors={f.cooperationModes.errors}
      />
      <SelectFor
        label={t('needForm.stage')}
        placeholder={t('needForm.anyStage')}
        options={MATURITY_STAGES.map((s) => ({ value: s, label: t(`search.stage.${s}`) }))}
        meta={f.wantedStage}
      />
      {campaigns.length ? (
        <SelectFor
          label={t('needForm.campaign')}
          hint={t('needForm.campaignHint')}
          placeholder={t('needForm.noCampaign')}
          options={campaigns.map((c) => ({ value: c.id, label: t('needForm.campaignOption', c) }))}
          meta={f.campaignId}
        />
      ) : null}
      <SaveButtons draft={draft} publishLabel={t('needForm.publish')} />
    </ZodForm>
  )
}
