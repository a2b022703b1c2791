import { getInputProps, type SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { useZodForm, ZodForm } from './zod-form'
import { Field, FieldError, InputFor, SelectFor } from './field'
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
          hint={ours ? undefined : t('contractForm.creditCodeHint')}
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
          <SelectFor
            label={t('contractForm.entityType')}
            options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`contractForm.entity.${e}`) }))}
            meta={f[`${side}EntityType`]}
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
        <SelectFor
          label={t('contractForm.type')}
          options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`contractTypes.${c}`) }))}
          meta={f.type}
        />
        <InputFor label={t('contractForm.projectName')} meta={f.projectName} />
      </div>
      <div className="grid two">
        {party('seller')}
        {party('buyer')}
      </div>
      <div className="grid two">
        <InputFor
          label={t('contractForm.amount')}
          hint={t('contractForm.amountHint')}
          inputMode="decimal"
          meta={f.amountYuan}
        />
        <InputFor
          label={t('contractForm.techAmount')}
          hint={t('contractForm.techAmountHint')}
          inputMode="decimal"
          meta={f.techAmountYuan}
        />
      </div>
      <div className="grid two">
        <InputFor label={t('contractForm.signedOn')} meta={f.signedOn} type="date" />
        <div className="grid two">
          <InputFor label={t('contractForm.validFrom')} meta={f.validFrom} type="date" />
          <InputFor label={t('contractForm.validTo')} meta={f.validTo} type="date" />
        </div>
      </div>
      <div className="grid two">
        <SelectFor
          label={t('needForm.field')}
          placeholder={t('needForm.choose')}
          options={fieldOptions}
          meta={f.fieldCode}
        />
        <SelectFor
          label={t('resultForm.ipType')}
          options={IP_TYPES.map((ip) => ({ value: ip, label: t(`resultForm.ip.${ip}`) }))}
          meta={f.ipType}
        />
      </div>
      <div className="grid two">
        <InputFor
          label={t('contractForm.expectedInvestment')}
          hint={t('contractForm.expectedHint')}
          inputMode="decimal"
          meta={f.expectedInvestmentYuan}
        />
        <InputFor label={t('contractForm.expectedOutput')} inputMode="decimal" meta={f.expectedOutputYuan} />
      </div>
      <SelectFor
        label={t('contractForm.paymentMode')}
        options={PAYMENT_MODES.map((p) => ({ value: p, label: t(`contractForm.payment.${p}`) }))}
        meta={f.paymentMode}
      />
      <fieldset className="field">
        <legend>{t('contractForm.milestones')}</legend>
        <span className="hint">{t('contractForm.milestonesHint')}</span>
        {milestones.map((m, i) => {
          const row = m.getFieldset()
          return (
            <div className="milestone grid three" key={m.key}>
              <InputFor label={t('contractForm.milestoneTitle', { n: i + 1 })} meta={row.title} />
              <InputFor label={t('contractForm.milestoneAmount')} inputMode="decimal" meta={row.amountYuan} />
              <InputFor label={t('contractForm.dueOn')} meta={row.dueOn} type="date" />
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
