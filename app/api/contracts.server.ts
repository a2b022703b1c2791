import { z } from 'zod'
import { confirmationState } from '~/contracts/confirmations.server'
import { saveContract, takeContractStep, visibleContracts } from '~/contracts/lifecycle.server'
import type { Prisma } from '~/generated/prisma/client'
import { ContractStatus, PaymentMethod, PaymentStatus } from '~/generated/prisma/enums'
import { prisma } from '~/utils/db.server'
import { tokenViewer } from '~/utils/permissions.server'
import { calendarDate, optionalCalendarDate, yuanText } from '~/utils/format'
import { CONTRACT_TYPES, ContractFormSchema, ContractStepSchema } from '~/validation/contracts'
import { apiSessionUser, type ApiCaller } from './auth.server'
import { auditApiWrite, parseBody } from './body.server'
import { findReadable, instantField, notFoundOf, type ReadResource, PAGE_ORDER } from './paging.server'
import { fieldProblem, refusalProblem } from './problem.server'

const dateField = z.iso.date().describe('Calendar date (Beijing)')

export const PaymentViewSchema = z.object({
  id: z.string(),
  contractId: z.string().nullable(),
  milestoneId: z.string().nullable(),
  method: z.enum(PaymentMethod),
  status: z.enum(PaymentStatus),
  amountYuan: z.string(),
  refundedYuan: z.string(),
  bankReference: z.string().nullable(),
  remittedOn: dateField.nullable(),
  paidAt: instantField.nullable(),
  createdAt: instantField,
  updatedAt: instantField,
})

export const ContractViewSchema = z.object({
  id: z.string(),
  type: z.enum(CONTRACT_TYPES),
  projectName: z.string(),
  status: z.enum(ContractStatus),
  registrationNumber: z.string().nullable(),
  registeredAt: instantField.nullable(),
  buyer: z.object({ organizationId: z.string().nullable(), name: z.string(), creditCode: z.string().nullable() }),
  seller: z.object({ organizationId: z.string().nullable(), name: z.string(), creditCode: z.string().nullable() }),
  amountYuan: z.string().describe('成交额'),
  techAmountYuan: z.string().describe('技术交易额'),
  signedOn: dateField,
  fieldCode: z.string().nullable(),
  termsVersion: z.number().int().describe('Send it back to confirm these terms'),
  confirmed: z.object({ buyer: z.boolean(), seller: z.boolean() }),
  needId: z.string().nullable(),
  introductionId: z.string().nullable(),
  proposalId: z.string().nullable(),
  milestones: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      title: z.string(),
      amountYuan: z.string(),
      dueOn: dateField.nullable(),
      status: z.string(),
      paidYuan: z.string(),
      refundedYuan: z.string(),
      paidAt: instantField.nullable(),
    }),
  ),
  createdAt: instantField,
  updatedAt: instantField,
})

const include = {
  milestones: { orderBy: { seq: 'asc' } },
  confirmations: { select: { side: true, termsVersion: true } },
} as const satisfies Prisma.ContractInclude
type ContractRow = Prisma.ContractGetPayload<{ include: typeof include }>

function contractView(c: ContractRow): z.infer<typeof ContractViewSchema> {
  const confirmed = confirmationState(c)
  return {
    id: c.id,
    type: c.type,
    projectName: c.projectName,
    status: c.status,
    registrationNumber: c.registrationNumber,
    registeredAt: c.registeredAt?.toISOString() ?? null,
    buyer: { organizationId: c.buyerOrgId, name: c.buyerName, creditCode: c.buyerCreditCode },
    seller: { organizationId: c.sellerOrgId, name: c.sellerName, creditCode: c.sellerCreditCode },
    amountYuan: yuanText(c.amountFen),
    techAmountYuan: yuanText(c.techAmountFen),
    signedOn: calendarDate(c.signedOn),
    fieldCode: c.fieldCode,
    termsVersion: c.termsVersion,
    confirmed: { buyer: confirmed.buyer, seller: confirmed.seller },
    needId: c.needId,
    introductionId: c.introductionId,
    proposalId: c.proposalId,
    milestones: c.milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      amountYuan: yuanText(m.amountFen),
      dueOn: optionalCalendarDate(m.dueOn),
      status: m.status,
      paidYuan: yuanText(m.paidFen),
      refundedYuan: yuanText(m.refundedFen),
      paidAt: m.paidAt?.toISOString() ?? null,
    })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }
}

const ContractFilters = z.object({
  status: z.enum(ContractStatus).optional(),
  type: z.enum(CONTRACT_TYPES).optional(),
})

/** /api/v1/contracts: a party's contracts (the bureau's: every one), with milestones. */
export const contractsResource: ReadResource<ContractRow, z.infer<typeof ContractViewSchema>> = {
  path: '/contracts',
  names: { zh: '合同', en: 'Contract' },
  readScope: 'contracts:read',
  filters: ContractFilters,
  readableWhere: (caller) => visibleContracts(tokenViewer(caller)),
  filterWhere: (f) => {
    const filters = f as z.infer<typeof ContractFilters>
    return { ...(filters.status ? { status: filters.status } : {}), ...(filters.type ? { type: filters.type } : {}) }
  },
  findMany: (where, take) =>
    prisma.contract.findMany({
      where: where as Prisma.ContractWhereInput,
      include,
      orderBy: PAGE_ORDER,
      take,
    }),
  view: contractView,
}

/** A new contract: the form's fields, and which side the caller's organization is on. */
export const ContractCreateSchema = ContractFormSchema.safeExtend({
  ourSide: z.enum(['buyer', 'seller'], { error: 'errors.contract.side' }),
})

/**
 * POST /api/v1/contracts: a draft contract of the caller's organization, by the form's schema and
 * the page's model function (the other party linked by credit code, never by name).
 */
export async function createContract(caller: ApiCaller, body: string) {
  const input = parseBody(ContractCreateSchema, body)
  if (input instanceof Response) return input
  const { ourSide, ...form } = input
  const outcome = await saveContract({ userId: caller.userId, organizationId: caller.organizationId }, ourSide, form)
  if (!outcome.ok) return fieldProblem(outcome.fieldErrors)
  await auditApiWrite(caller, 'contracts.create', 'Contract', outcome.id)
  const row = (await findReadable(contractsResource, caller, outcome.id))!
  return Response.json(contractView(row), { status: 201, headers: { Location: `/api/v1/contracts/${row.id}` } })
}

/**
 * POST /api/v1/contracts/:id/steps: a lifecycle step as the contract page takes it (`confirm`
 * with the `termsVersion` read, `sign`, `submit`; the bureau's `register`…), by the same rules.
 */
export async function takeStep(caller: ApiCaller, id: string, body: string) {
  const step = parseBody(ContractStepSchema, body)
  if (step instanceof Response) return step
  const outcome = await takeContractStep(await apiSessionUser(caller), id, step)
  if (!outcome.ok && outcome.notFound) return notFoundOf(contractsResource)
  if (!outcome.ok) {
    const { statusChange, ...fields } = outcome.fieldErrors ?? {}
    return statusChange ? refusalProblem(409, 'step_refused', statusChange[0]) : fieldProblem(fields)
  }
  await auditApiWrite(caller, `contracts.${step.intent}`, 'Contract', id)
  return Response.json(contractView((await findReadable(contractsResource, caller, id))!))
}

type PaymentRow = Prisma.PaymentGetPayload<object>

const PaymentFilters = z.object({
  status: PaymentViewSchema.shape.status.optional(),
  contractId: z.string().max(40).optional(),
})

/** /api/v1/payments: the payments of the caller's contracts (the bureau's: every contract's). */
export const paymentsResource: ReadResource<PaymentRow, z.infer<typeof PaymentViewSchema>> = {
  path: '/payments',
  names: { zh: '付款', en: 'Payment' },
  readScope: 'payments:read',
  filters: PaymentFilters,
  readableWhere: (caller) => ({ contract: contractsResource.readableWhere(caller) }),
  filterWhere: (f) => {
    const filters = f as z.infer<typeof PaymentFilters>
    return {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.contractId ? { contractId: filters.contractId } : {}),
    }
  },
  findMany: (where, take) =>
    prisma.payment.findMany({
      where: where as Prisma.PaymentWhereInput,
      orderBy: PAGE_ORDER,
      take,
    }),
  view: (p) => ({
    id: p.id,
    contractId: p.contractId,
    milestoneId: p.milestoneId,
    method: p.method,
    status: p.status,
    amountYuan: yuanText(p.amountFen),
    refundedYuan: yuanText(p.refundedFen),
    bankReference: p.bankReference,
    remittedOn: optionalCalendarDate(p.remittedOn),
    paidAt: p.paidAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }),
}
