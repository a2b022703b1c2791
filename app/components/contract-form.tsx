import { getInputProps, getSelectProps, type SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { useZodForm, ZodForm } from './zod-form'
import { Field, FieldError, SelectField } from './field'
import { CONTRACT_TYPES, ContractFormSchema, ENTITY_TYPES, PAYMENT_MODES } from '~/validation/contracts'
import { IP_TYPES } from '~/validation/results'

export type ContractFormDefaults = {
  ourSide?: 'buyer' | 'seller'
  type?: string
  projectName?: string
  buyerName?: string
  buyerCreditCode?: string | null
  buyerRegionCode?: string
  buyerEntityType?: string
  sellerName?: string
  sellerCreditCode?: string | null
  sellerRegionCode?: string
  sellerEntityType?: string
  amountYuan?: string
  techAmountYuan?: string
  signedOn?: string | null
  validFrom?: string | null
  validTo?: string | null
  paymentMode?: string
  milestones?: Array<{ title: string; amountYuan: string; dueOn?: string | null }>
  fieldCode?: string | null
  ipType?: string
  expectedInvestmentYuan?: string | null
  expectedOutputYuan?: string | null
  introductionId?: string | null
}

/**
 * A technology contract with the fields China registers. Our own party's details come from our
 * organization's record (shown, not editable); the other party is typed in.
 */
export function ContractForm({
  fields: fieldOptions,
  defaults,
  lastResult,
}: {
  fields: Array<{ value: string; label: string }>
  defaults: ContractFormDefaults
  lastResult?: SubmissionResult<string[]> | null
}) {
  const { t } = useTranslation()
  const [form, f] = useZodForm(ContractFormSchema, lastResult, defaults)
  const milestones = f.milestones.getFieldList()
  const party = (side: 'buyer' | 'seller') => {
    const ours = defaults.ourSide === side
    const field = (name: 'Name' | 'CreditCode' | 'RegionCode') => f[`${side}${name}`]
    return (
      <fieldset className="field party">
        <legend>
          {t(`contractForm.${side}`)} {ours ? <span className="badge">{t('contractForm.us')}</span> : null}
        </legend>
        <Field
          label={t('contractForm.partyName')}
          readOnly={ours}
          {...getInputProps(field('Name'), { type: 'text' })}
          errors={field('Name').errors}
        />
        <Field
          label={t('fields.creditCode')}
          readOnly={ours}
          {...getInputProps(field('CreditCode'), { type: 'text' })}
          errors={field('CreditCode').errors}
        />
        <div className="grid two">
          <Field
            label={t('contractForm.regionCode')}
            hint={t('register.regionHint')}
            readOnly={ours}
            {...getInputProps(field('RegionCode'), { type: 'text' })}
            errors={field('RegionCode').errors}
          />
          <SelectField
            label={t('contractForm.entityType')}
            options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`contractForm.entity.${e}`) }))}
            {...getSelectProps(f[`${side}EntityType`])}
            errors={f[`${side}EntityType`].errors}
          />
        </div>
      </fieldset>
    )
  }
  return (
    <ZodForm form={form} className="stack panel need-form wide">
      <input type="hidden" name="ourSide" value={defaults.ourSide} />
      <input {...getInputProps(f.introductionId, { type: 'hidden' })} />
      <div className="grid two">
        <SelectField
          label={t('contractForm.type')}
          options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`contractTypes.${c}`) }))}
          {...getSelectProps(f.type)}
          errors={f.type.errors}
        />
        <Field
          label={t('contractForm.projectName')}
          {...getInputProps(f.projectName, { type: 'text' })}
          errors={f.projectName.errors}
        />
      </div>
      <div className="grid two">
        {party('seller')}
        {party('buyer')}
      </div>
      <div className="grid two">
        <Field
          label={t('contractForm.amount')}
          hint={t('contractForm.amountHint')}
          inputMode="decimal"
          {...getInputProps(f.amountYuan, { type: 'text' })}
          errors={f.amountYuan.errors}
        />
        <Field
          label={t('contractForm.techAmount')}
          hint={t('contractForm.techAmountHint')}
          inputMode="decimal"
          {...getInputProps(f.techAmountYuan, { type: 'text' })}
          errors={f.techAmountYuan.errors}
        />
      </div>
      <div className="grid two">
        <Field
          label={t('contractForm.signedOn')}
          {...getInputProps(f.signedOn, { type: 'date' })}
          errors={f.signedOn.errors}
        />
        <div className="grid two">
          <Field
            label={t('contractForm.validFrom')}
            {...getInputProps(f.validFrom, { type: 'date' })}
            errors={f.validFrom.errors}
          />
          <Field
            label={t('contractForm.validTo')}
            {...getInputProps(f.validTo, { type: 'date' })}
            errors={f.validTo.errors}
          />
        </div>
      </div>
      <div className="grid two">
        <SelectField
          label={t('needForm.field')}
          placeholder={t('needForm.choose')}
          options={fieldOptions}
          {...getSelectProps(f.fieldCode)}
          errors={f.fieldCode.errors}
        />
        <SelectField
          label={t('resultForm.ipType')}
          options={IP_TYPES.map((ip) => ({ value: ip, label: t(`resultForm.ip.${ip}`) }))}
          {...getSelectProps(f.ipType)}
          errors={f.ipType.errors}
        />
      </div>
      <div className="grid two">
        <Field
          label={t('contractForm.expectedInvestment')}
          hint={t('contractForm.expectedHint')}
          inputMode="decimal"
          {...getInputProps(f.expectedInvestmentYuan, { type: 'text' })}
          errors={f.expectedInvestmentYuan.errors}
        />
        <Field
          label={t('contractForm.expectedOutput')}
          inputMode="decimal"
          {...getInputProps(f.expectedOutputYuan, { type: 'text' })}
          errors={f.expectedOutputYuan.errors}
        />
      </div>
      <SelectField
        label={t('contractForm.paymentMode')}
        options={PAYMENT_MODES.map((p) => ({ value: p, label: t(`contractForm.payment.${p}`) }))}
        {...getSelectProps(f.paymentMode)}
        errors={f.paymentMode.errors}
      />
      <fieldset className="field">
        <legend>{t('contractForm.milestones')}</legend>
        <span className="hint">{t('contractForm.milestonesHint')}</span>
        {milestones.map((m, i) => {
          const row = m.getFieldset()
          return (
            <div className="milestone grid three" key={m.key}>
              <Field
                label={t('contractForm.milestoneTitle', { n: i + 1 })}
                {...getInputProps(row.title, { type: 'text' })}
                errors={row.title.errors}
              />
              <Field
                label={t('contractForm.milestoneAmount')}
                inputMode="decimal"
                {...getInputProps(row.amountYuan, { type: 'text' })}
                errors={row.amountYuan.errors}
              />
              <Field
                label={t('contractForm.dueOn')}
                {...getInputProps(row.dueOn, { type: 'date' })}
                errors={row.dueOn.errors}
              />
              <button {...form.remove.getButtonProps({ name: f.milestones.name, index: i })}>
                {t('contractForm.removeMilestone')}
              </button>
            </div>
          )
        })}
        <FieldError id={`${f.milestones.id}-error`} errors={f.milestones.errors} />
        <button {...form.insert.getButtonProps({ name: f.milestones.name })}>{t('contractForm.addMilestone')}</button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {t('contractForm.save')}
        </button>
      </div>
    </ZodForm>
  )
}
