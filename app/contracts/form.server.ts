import { data, redirect } from '@remix-run/node'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { saveContract } from '~/contracts/lifecycle.server'
import type { Contract, Organization } from '~/generated/prisma/client'
import { notFound } from '~/utils/permissions.server'
import { ContractFormSchema } from '~/validation/contracts'
import type { ContractFormDefaults } from '~/components/contract-form'
import { optionalCalendarDate, optionalYuanText } from '~/utils/format'

const Side = z.enum(['buyer', 'seller'])

/** New and edited contracts share this action: the form, validated, saved for our side. */
export async function contractFormAction(
  formData: FormData,
  actor: { userId: string; organizationId: string },
  contractId?: string,
) {
  const submission = parseWithZod(formData, { schema: ContractFormSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const side = Side.safeParse(formData.get('ourSide'))
  if (!side.success) return data(submission.reply({ formErrors: ['errors.contract.side'] }), { status: 400 })
  const outcome = await saveContract(actor, side.data, submission.value, contractId)
  if (!outcome.ok && outcome.notFound) notFound()
  if (!outcome.ok) {
    const { '': formErrors, ...fieldErrors } = outcome.fieldErrors
    return data(submission.reply({ fieldErrors, formErrors }), { status: 400 })
  }
  return redirect(`/contracts/${outcome.id}`)
}

/** Our organization on its side of a new contract (enterprises usually buy, offices sell). */
export function ownSideDefaults(org: Organization, side?: 'buyer' | 'seller'): ContractFormDefaults {
  const ourSide = side ?? (org.kind === 'ENTERPRISE' ? 'buyer' : 'seller')
  return {
    ourSide,
    [`${ourSide}Name`]: org.name,
    [`${ourSide}CreditCode`]: org.creditCode ?? '',
    [`${ourSide}RegionCode`]: org.regionCode,
    [`${ourSide}EntityType`]: org.legalEntityType,
    paymentMode: 'LUMP_SUM',
    ipType: 'NONE',
  }
}

export function contractDefaults(
  contract: Contract & { milestones: Array<{ title: string; amountFen: bigint; dueOn: Date | null }> },
  organizationId: string,
): ContractFormDefaults {
  return {
    ourSide: contract.sellerOrgId === organizationId ? 'seller' : 'buyer',
    type: contract.type,
    projectName: contract.projectName,
    buyerName: contract.buyerName,
    buyerCreditCode: contract.buyerCreditCode,
    buyerRegionCode: contract.buyerRegionCode,
    buyerEntityType: contract.buyerEntityType,
    sellerName: contract.sellerName,
    sellerCreditCode: contract.sellerCreditCode,
    sellerRegionCode: contract.sellerRegionCode,
    sellerEntityType: contract.sellerEntityType,
    amountYuan: optionalYuanText(contract.amountFen) ?? '',
    techAmountYuan: optionalYuanText(contract.techAmountFen) ?? '',
    signedOn: optionalCalendarDate(contract.signedOn),
    validFrom: optionalCalendarDate(contract.validFrom),
    validTo: optionalCalendarDate(contract.validTo),
    paymentMode: contract.paymentMode,
    milestones: contract.milestones.map((m) => ({
      title: m.title,
      amountYuan: optionalYuanText(m.amountFen) ?? '',
      dueOn: optionalCalendarDate(m.dueOn),
    })),
    fieldCode: contract.fieldCode,
    ipType: contract.ipType,
    expectedInvestmentYuan: optionalYuanText(contract.expectedInvestmentFen),
    expectedOutputYuan: optionalYuanText(contract.expectedOutputFen),
    introductionId: contract.introductionId,
  }
}
