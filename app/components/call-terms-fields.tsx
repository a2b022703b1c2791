import { useTranslation } from 'react-i18next'
import { Field, FieldError, TextAreaField } from './field'
import { CALL_KINDS, CALL_REGION_GROUPS, MAX_CRITERIA } from '~/validation/calls'

/** Criteria a call usually weighs; the enterprise changes them as it likes. */
const DEFAULT_CRITERIA = [
  { key: 'feasibility', weight: 40 },
  { key: 'team', weight: 25 },
  { key: 'price', weight: 20 },
  { key: 'schedule', weight: 15 },
]

/**
 * The terms every call states (reward, district funding for the bureau's calls, deadline in
 * Beijing time, eligibility, weighted criteria, what to submit): one call's form and a bundle's.
 */
export function CallTermsFields({
  defaults,
  byBureau,
  errors,
}: {
  defaults: { rewardMinYuan?: string; rewardMaxYuan?: string; deadlineDate: string }
  byBureau: boolean
  errors: Record<string, string[]>
}) {
  const { t } = useTranslation()
  const err = (name: string) => errors[name]
  return (
    <>
      <div className="grid two">
        <Field
          label={t('calls.form.rewardMin')}
          name="rewardMinYuan"
          inputMode="decimal"
          defaultValue={defaults.rewardMinYuan}
          errors={err('rewardMinYuan')}
        />
        <Field
          label={t('calls.form.rewardMax')}
          name="rewardMaxYuan"
          inputMode="decimal"
          defaultValue={defaults.rewardMaxYuan}
          errors={err('rewardMaxYuan')}
          required
        />
      </div>
      {byBureau ? (
        <Field
          label={t('calls.form.districtFunding')}
          name="districtFundingYuan"
          inputMode="decimal"
          errors={err('districtFundingYuan')}
        />
      ) : null}
      <div className="grid two">
        <Field
          label={t('calls.form.deadlineDate')}
          name="deadlineDate"
          type="date"
          defaultValue={defaults.deadlineDate}
          errors={err('deadlineDate')}
          required
        />
        <Field
          label={t('calls.form.deadlineTime')}
          name="deadlineTime"
          type="time"
          defaultValue="17:00"
          hint={t('calls.form.beijingTime')}
          errors={err('deadlineTime')}
        />
      </div>
      <fieldset>
        <legend>{t('calls.form.eligibleKinds')}</legend>
        {CALL_KINDS.map((kind) => (
          <label className="checkbox" key={kind}>
            <input type="checkbox" name="eligibleKinds" value={kind} defaultChecked />
            {t(`orgKinds.${kind}`)}
          </label>
        ))}
        <FieldError id="eligibleKinds-error" errors={err('eligibleKinds')} />
      </fieldset>
      <fieldset>
        <legend>{t('calls.form.eligibleRegions')}</legend>
        <p className="hint">{t('calls.form.eligibleRegionsHint')}</p>
        {CALL_REGION_GROUPS.map((group) => (
          <label className="checkbox" key={group}>
            <input type="checkbox" name="eligibleRegionGroups" value={group} />
            {t(`search.region.${group}`)}
          </label>
        ))}
        <FieldError id="eligibleRegionGroups-error" errors={err('eligibleRegionGroups')} />
      </fieldset>
      <fieldset>
        <legend>{t('calls.form.criteria')}</legend>
        <p className="hint">{t('calls.form.criteriaHint')}</p>
        {Array.from({ length: MAX_CRITERIA }, (_, i) => (
          <div className="grid two" key={i}>
            <Field
              label={t('calls.form.criterionName', { n: i + 1 })}
              name={`criteria[${i}].name`}
              defaultValue={DEFAULT_CRITERIA[i] ? t(`calls.criteria.${DEFAULT_CRITERIA[i].key}`) : ''}
              errors={err(`criteria[${i}].name`)}
            />
            <Field
              label={t('calls.form.criterionWeight', { n: i + 1 })}
              name={`criteria[${i}].weight`}
              inputMode="numeric"
              defaultValue={DEFAULT_CRITERIA[i]?.weight ?? ''}
              errors={err(`criteria[${i}].weight`)}
            />
          </div>
        ))}
        <FieldError id="criteria-error" errors={err('criteria')} />
      </fieldset>
      <TextAreaField
        label={t('calls.form.requirements')}
        name="requirements"
        rows={3}
        defaultValue={t('calls.form.requirementsDefault')}
        errors={err('requirements')}
      />
    </>
  )
}
