import type { RowOf } from '../columns'
import { fieldCodeFromText, type FieldRef } from '../resolve'
import { checkFieldAndMaturity, yuanToFen, type ImportKindModule, type OrgRef } from './shared'
import { regionCodeFromText } from '~/data/regions'
import type { ContractType } from '~/generated/prisma/enums'
import { EXPERT_REVIEW_FEN } from '~/validation/contracts'

const CONTRACT_TYPES: Array<[RegExp, ContractType]> = [
  [/合作开发/, 'DEVELOPMENT_COOPERATIVE'],
  [/委托开发|技术开发/, 'DEVELOPMENT_COMMISSIONED'],
  [/转让/, 'TRANSFER'],
  [/许可/, 'LICENSE'],
  [/咨询/, 'CONSULTING'],
  [/服务/, 'SERVICE'],
]

/**
 * Technology contracts (an operator's bulk load from the CLI, or the bureau's registry export,
 * which the pipeline stores as registry records instead). Parties are linked by credit code only:
 * a name can be taken by a namesake, who would then read the contract.
 */
export const contracts: ImportKindModule<'contracts'> = {
  organizationRefs: (v) => [v.buyer, v.buyerCreditCode ?? '', v.seller, v.sellerCreditCode ?? ''],
  owner: () => '',
  planned: true,
  check(v, context) {
    checkFieldAndMaturity(context, v.field)
    if (context.registry) {
      const number = v.registrationNumber
      const first = number ? context.seen.get(number) : undefined
      if (!number) context.fail('imports.registrationRequired', 'registrationNumber')
      else if (first !== undefined) context.fail('imports.duplicateRegistration', 'registrationNumber', { first })
      else context.seen.set(number, context.row)
    }
    if (!CONTRACT_TYPES.some(([p]) => p.test(v.type))) context.fail('imports.contractType', 'type')
    const amount = yuanToFen(v.amountYuan)!
    const tech = yuanToFen(v.techAmountYuan) ?? amount
    if (tech > amount) context.fail('imports.techAmount', 'techAmountYuan')
    for (const side of ['buyer', 'seller'] as const) {
      const code = v[`${side}CreditCode`]
      const org = code ? context.findOrg(code) : undefined
      const region = regionCodeFromText(v[`${side}Region`]) ?? org?.regionCode
      if (!region) context.fail('imports.partyRegion', `${side}Region`)
      if (!code && context.namesakes(v[side]).length) context.warn('imports.partyUnlinked', `${side}CreditCode`)
    }
  },
  async write(tx, v, context) {
    const data = contractData(v, context.findOrg, context.fields)
    if (context.existing) {
      await tx.contract.update({ where: { id: context.existing.id }, data })
      return { ...context.existing, created: false }
    }
    const contract = await tx.contract.create({
      data: { ...data, externalId: v.externalId ?? null },
      select: { id: true },
    })
    return { id: contract.id, publishedAt: null, created: true }
  },
}

/** A contract row as the Contract columns it writes (also what a registry record holds). */
export function contractData(v: RowOf<'contracts'>, findOrg: (ref: string) => OrgRef | undefined, fields: FieldRef[]) {
  const buyer = v.buyerCreditCode ? findOrg(v.buyerCreditCode) : undefined
  const seller = v.sellerCreditCode ? findOrg(v.sellerCreditCode) : undefined
  const amountFen = yuanToFen(v.amountYuan)!
  return {
    type: CONTRACT_TYPES.find(([p]) => p.test(v.type))![1],
    projectName: v.projectName,
    status: v.registrationNumber ? ('REGISTERED' as const) : ('SIGNED' as const),
    registrationNumber: v.registrationNumber ?? null,
    registeredAt: v.registrationNumber ? (v.registeredOn ?? v.signedOn!) : null,
    buyerOrgId: buyer?.id ?? null,
    buyerName: v.buyer,
    buyerCreditCode: v.buyerCreditCode ?? null,
    buyerRegionCode: regionCodeFromText(v.buyerRegion) ?? buyer!.regionCode,
    buyerEntityType: buyer?.legalEntityType ?? 'ENTERPRISE',
    sellerOrgId: seller?.id ?? null,
    sellerName: v.seller,
    sellerCreditCode: v.sellerCreditCode ?? null,
    sellerRegionCode: regionCodeFromText(v.sellerRegion) ?? seller!.regionCode,
    sellerEntityType: seller?.legalEntityType ?? 'ENTERPRISE',
    amountFen,
    techAmountFen: yuanToFen(v.techAmountYuan) ?? amountFen,
    signedOn: v.signedOn!,
    fieldCode: v.field ? fieldCodeFromText(v.field, fields) : null,
    // The town/street and zone: the contract_attribution trigger, from the parties' organizations.
    needsExpertReview: amountFen >= EXPERT_REVIEW_FEN,
  }
}
