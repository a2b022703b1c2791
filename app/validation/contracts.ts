import { z } from 'zod'
import { isValidCreditCode } from './credit-code'
import {
  OptionalYuanToFenSchema,
  RegionCodeSchema,
  YuanToFenSchema,
  blankToUndefined,
  optionalText,
  isSingleLine,
} from './fields'
import { PaymentActionSchema } from './payments'
import { IP_TYPES } from './results'
import { CreditCodeSchema } from './credit-code'

export const CONTRACT_TYPES = [
  'DEVELOPMENT_COMMISSIONED',
  'DEVELOPMENT_COOPERATIVE',
  'TRANSFER',
  'LICENSE',
  'CONSULTING',
  'SERVICE',
] as const
export const PAYMENT_MODES = ['LUMP_SUM', 'INSTALMENTS', 'ROYALTY', 'ENTRY_FEE_ROYALTY'] as const
export const ENTITY_TYPES = [
  'ENTERPRISE',
  'UNIVERSITY',
  'RESEARCH_INSTITUTE',
  'HOSPITAL',
  'GOVERNMENT',
  'SOCIAL_ORGANIZATION',
  'INDIVIDUAL',
  'OTHER',
] as const
/** Contracts of 5 million yuan or more get expert review (in fen). */
export const EXPERT_REVIEW_FEN = 500_000_000n
export const MAX_MILESTONES = 12

const isoDate = (key: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: key })
      .refine((v) => !Number.isNaN(Date.parse(v)), { message: key })
      .optional(),
  )

const partyName = (key: string) =>
  z
    .string({ error: key })
    .trim()
    .min(2, { message: key })
    .max(200, { message: key })
    .refine(isSingleLine, { message: 'errors.singleLine' })
const OptionalCreditCode = z.preprocess(
  blankToUndefined,
  z.string().trim().toUpperCase().refine(isValidCreditCode, { message: 'errors.creditCode.checksum' }).optional(),
)
const EntityType = z.enum(ENTITY_TYPES, { error: 'errors.contract.entityType' })

const Milestone = z.object({
  title: z
    .string()
    .trim()
    .min(1, { message: 'errors.contract.milestoneTitle' })
    .max(100)
    .refine(isSingleLine, { message: 'errors.singleLine' }),
  amountYuan: YuanToFenSchema,
  dueOn: isoDate('errors.contract.date'),
})

/**
 * A technology contract as China registers it. Money is exact fen; 技术交易额 never exceeds
 * 成交额; milestones, when given, add up to 成交额; 预计新增投入/产值 only for transfers and licences.
 */
export const ContractFormSchema = z
  .object({
    type: z.enum(CONTRACT_TYPES, { error: 'errors.contract.type' }),
    projectName: z
      .string({ error: 'errors.contract.projectName' })
      .trim()
      .min(4, { message: 'errors.contract.projectName' })
      .max(300, { message: 'errors.contract.projectName' })
      .refine(isSingleLine, { message: 'errors.singleLine' }),
    buyerName: partyName('errors.contract.buyerName'),
    buyerCreditCode: OptionalCreditCode,
    buyerRegionCode: RegionCodeSchema,
    buyerEntityType: EntityType,
    sellerName: partyName('errors.contract.sellerName'),
    sellerCreditCode: OptionalCreditCode,
    sellerRegionCode: RegionCodeSchema,
    sellerEntityType: EntityType,
    amountYuan: YuanToFenSchema.refine((v) => v > 0n, { message: 'errors.contract.amountPositive' }),
    techAmountYuan: YuanToFenSchema,
    signedOn: isoDate('errors.contract.date'),
    validFrom: isoDate('errors.contract.date'),
    validTo: isoDate('errors.contract.date'),
    paymentMode: z.enum(PAYMENT_MODES, { error: 'errors.contract.paymentMode' }).default('LUMP_SUM'),
    milestones: z.array(Milestone).max(MAX_MILESTONES).default([]),
    fieldCode: z.preprocess(blankToUndefined, z.string().optional()),
    ipType: z.enum(IP_TYPES, { error: 'errors.result.ipType' }).default('NONE'),
    expectedInvestmentYuan: OptionalYuanToFenSchema,
    expectedOutputYuan: OptionalYuanToFenSchema,
    note: optionalText(1000, 'errors.contract.noteLong'),
    introductionId: z.preprocess(blankToUndefined, z.string().optional()),
  })
  .superRefine((v, ctx) => {
    if (v.techAmountYuan > v.amountYuan) {
      ctx.addIssue({ code: 'custom', path: ['techAmountYuan'], message: 'errors.contract.techAboveAmount' })
    }
    if (v.validFrom && v.validTo && v.validFrom > v.validTo) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'errors.contract.validityOrder' })
    }
    if (v.milestones.length) {
      const sum = v.milestones.reduce((s, m) => s + m.amountYuan, 0n)
      if (sum !== v.amountYuan) {
        ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'errors.contract.milestoneSum' })
      }
    }
    if (v.paymentMode === 'INSTALMENTS' && v.milestones.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'errors.contract.instalments' })
    }
    const transfer = v.type === 'TRANSFER' || v.type === 'LICENSE'
    if (!transfer && (v.expectedInvestmentYuan !== undefined || v.expectedOutputYuan !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['expectedInvestmentYuan'],
        message: 'errors.contract.expectedOnlyTransfer',
      })
    }
    if (v.buyerRegionCode !== '120115' && v.sellerRegionCode !== '120115') {
      ctx.addIssue({ code: 'custom', path: ['buyerRegionCode'], message: 'errors.contract.noBaodiParty' })
    }
  })
export type ContractFormInput = z.infer<typeof ContractFormSchema>

const AmendedFigures = {
  amountYuan: YuanToFenSchema.refine((v) => v > 0n, { message: 'errors.contract.amountPositive' }),
  techAmountYuan: YuanToFenSchema,
  reason: z.string({ error: 'errors.contract.reason' }).trim().min(4, { message: 'errors.contract.reason' }).max(500),
}
const AmendmentId = z
  .string({ error: 'errors.contract.amendmentGone' })
  .min(1, { message: 'errors.contract.amendmentGone' })

/** Lifecycle steps, one `intent` each; registering needs the registry's 16-digit number, amending a reason. */
export const ContractStepSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('confirm'), termsVersion: z.coerce.number().int().min(1) }),
  z.object({ intent: z.literal('sign'), signedOn: isoDate('errors.contract.date') }),
  z.object({ intent: z.literal('submit') }),
  z.object({
    intent: z.literal('register'),
    registrationNumber: z
      .string({ error: 'errors.contract.registrationNumber' })
      .trim()
      .regex(/^\d{16}$/, { message: 'errors.contract.registrationNumber' }),
  }),
  z.object({ intent: z.literal('amend'), ...AmendedFigures }),
  // A registered contract's change, when both parties are on the platform: one proposes, the
  // other confirms (or either withdraws), the bureau registers it (app/contracts/amendments.server.ts).
  z.object({ intent: z.literal('proposeAmendment'), ...AmendedFigures }),
  z.object({ intent: z.literal('confirmAmendment'), amendmentId: AmendmentId }),
  z.object({ intent: z.literal('withdrawAmendment'), amendmentId: AmendmentId }),
  z.object({ intent: z.literal('registerAmendment'), amendmentId: AmendmentId }),
  z.object({
    intent: z.literal('terminate'),
    reason: z.string({ error: 'errors.contract.reason' }).trim().min(4, { message: 'errors.contract.reason' }).max(500),
  }),
])
export type ContractStep = z.infer<typeof ContractStepSchema>

/** Bureau staff link a party known by name only to the organization its credit code names. */
export const LinkPartySchema = z.object({
  intent: z.literal('linkParty'),
  side: z.enum(['BUYER', 'SELLER']),
  creditCode: CreditCodeSchema,
})

/** Everything a contract's page posts: a lifecycle step, a payment action or a link, one `intent` each. */
export const ContractPageActionSchema = z.discriminatedUnion('intent', [
  ContractStepSchema,
  PaymentActionSchema,
  LinkPartySchema,
])
export type ContractPageAction = z.infer<typeof ContractPageActionSchema>
