import { CONTRACT_SUMMARY } from './lists.server'
import { notifyBureau, notifyOrganization } from '~/models/notifications.server'
import { BAODI_REGION_CODE } from '~/data/regions'
import type { Prisma } from '~/generated/prisma/client'
import type { ContractStatus } from '~/generated/prisma/enums'
import { recordAudit } from '~/utils/audit.server'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'
import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'
import { isBureau, partyOrgIds, REVIEWER_ROLES, type Viewer } from '~/utils/permissions.server'
import { bothConfirmed, confirmTerms, lockContract } from '~/contracts/confirmations.server'
import { allowedSteps, STEPS } from '~/contracts/steps.server'
import {
  applyAmendedFigures,
  confirmAmendment,
  proposeAmendment,
  registerAmendment,
  withdrawAmendment,
} from '~/contracts/amendments.server'
import { EXPERT_REVIEW_FEN, type ContractFormInput, type ContractStep } from '~/validation/contracts'
import { beijingTodayAsDate } from '~/utils/time'

/**
 * Technology contracts from draft to registration: who may see and change them, where they count
 * (town/street, zone), and each lifecycle step with its audit entry and a note to the other party.
 */
export { allowedSteps }

/** Bureau staff see every contract; anyone else only the contracts of their organizations. */
export function visibleContracts(user: Viewer): Prisma.ContractWhereInput {
  if (isBureau(user)) return {}
  const orgs = partyOrgIds(user)
  return { OR: [{ buyerOrgId: { in: orgs } }, { sellerOrgId: { in: orgs } }, { createdByOrgId: { in: orgs } }] }
}

export function listContracts(user: SessionUser, status?: ContractStatus, take = 100) {
  return prisma.contract.findMany({
    where: { AND: [visibleContracts(user), status ? { status } : {}] },
    select: {
      ...CONTRACT_SUMMARY,
      needsExpertReview: true,
      registrationNumber: true,
      updatedAt: true,
    },
    orderBy: { updatedAt: 'desc' },
    take,
  })
}

export function getContract(user: SessionUser, id: string) {
  return prisma.contract.findFirst({
    where: { AND: [{ id }, visibleContracts(user)] },
    include: {
      milestones: { orderBy: { seq: 'asc' }, include: { payments: { orderBy: { createdAt: 'asc' } } } },
      revisions: { orderBy: { version: 'desc' } },
      amendments: { orderBy: { createdAt: 'desc' }, take: 20 },
      confirmations: {
        orderBy: { createdAt: 'desc' },
        include: { user: { select: { name: true } } },
      },
      area: { select: { nameZh: true, nameEn: true } },
      field: { select: { nameZh: true, nameEn: true } },
      need: { select: { id: true, title: true } },
      introduction: { select: { id: true } },
      proposal: { select: { id: true, call: { select: { id: true, title: true } } } },
      // The seller's receiving account, for the buyer's offline payment.
      sellerOrg: { select: { bankAccountName: true, bankName: true, bankAccountNumber: true } },
    },
  })
}

type Outcome = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]>; notFound?: boolean }

const day = (iso?: string) => (iso ? new Date(`${iso}T00:00:00Z`) : null)

/**
 * Creates or edits (while a draft) a contract of the actor's organization, which is one of the
 * parties (`ourSide`). That side's name, code, region and type come from the organization's
 * record; the other party is linked by its credit code when it is on the platform.
 */
export async function saveContract(
  actor: { userId: string; organizationId: string },
  ourSide: 'buyer' | 'seller',
  input: ContractFormInput,
  contractId?: string,
): Promise<Outcome> {
  const existing = contractId
    ? await prisma.contract.findFirst({ where: { id: contractId, createdByOrgId: actor.organizationId } })
    : null
  if (contractId && !existing) return { ok: false, fieldErrors: {}, notFound: true }
  if (existing && existing.status !== 'DRAFT') return { ok: false, fieldErrors: { '': ['errors.contract.notDraft'] } }
  const own = await prisma.organization.findUniqueOrThrow({ where: { id: actor.organizationId } })
  const otherSide = ourSide === 'buyer' ? 'seller' : 'buyer'
  const otherCode = input[`${otherSide}CreditCode`]
  // The other party is the organization with that credit code, never one found by name: a
  // namesake would otherwise see (and confirm) the contract.
  const other = otherCode ? await prisma.organization.findUnique({ where: { creditCode: otherCode } }) : null
  if (other?.id === own.id) return { ok: false, fieldErrors: { [`${otherSide}Name`]: ['errors.contract.sameParty'] } }
  const ours = {
    OrgId: own.id,
    Name: own.name,
    CreditCode: own.creditCode,
    RegionCode: own.regionCode,
    EntityType: own.legalEntityType,
  }
  const theirs = {
    OrgId: other?.id ?? null,
    Name: input[`${otherSide}Name`],
    CreditCode: otherCode ?? other?.creditCode ?? null,
    RegionCode: input[`${otherSide}RegionCode`],
    EntityType: input[`${otherSide}EntityType`],
  }
  const buyer = ourSide === 'buyer' ? ours : theirs
  const seller = ourSide === 'seller' ? ours : theirs
  if (buyer.RegionCode !== BAODI_REGION_CODE && seller.RegionCode !== BAODI_REGION_CODE) {
    return { ok: false, fieldErrors: { buyerRegionCode: ['errors.contract.noBaodiParty'] } }
  }
  if (input.fieldCode && !(await prisma.techField.findUnique({ where: { code: input.fieldCode } }))) {
    return { ok: false, fieldErrors: { fieldCode: ['errors.need.fieldUnknown'] } }
  }
  const intro = input.introductionId
    ? await prisma.introduction.findFirst({
        where: {
          id: input.introductionId,
          status: 'ACCEPTED',
          OR: [{ requesterOrgId: own.id }, { targetOrgId: own.id }],
        },
        select: { id: true, needId: true, resultId: true },
      })
    : null
  if (input.introductionId && !intro) return { ok: false, fieldErrors: { '': ['errors.contract.introduction'] } }
  const data = {
    type: input.type,
    projectName: input.projectName,
    buyerOrgId: buyer.OrgId,
    buyerName: buyer.Name,
    buyerCreditCode: buyer.CreditCode,
    buyerRegionCode: buyer.RegionCode,
    buyerEntityType: buyer.EntityType,
    sellerOrgId: seller.OrgId,
    sellerName: seller.Name,
    sellerCreditCode: seller.CreditCode,
    sellerRegionCode: seller.RegionCode,
    sellerEntityType: seller.EntityType,
    amountFen: input.amountYuan,
    techAmountFen: input.techAmountYuan,
    signedOn: day(input.signedOn) ?? existing?.signedOn ?? beijingTodayAsDate(),
    validFrom: day(input.validFrom),
    validTo: day(input.validTo),
    paymentMode: input.paymentMode,
    fieldCode: input.fieldCode ?? null,
    ipType: input.ipType,
    expectedInvestmentFen: input.expectedInvestmentYuan ?? null,
    expectedOutputFen: input.expectedOutputYuan ?? null,
    // The town/street and zone it counts toward come from the parties' organizations
    // (the contract_attribution trigger, one rule for every path).
    needsExpertReview: input.amountYuan >= EXPERT_REVIEW_FEN,
    introductionId: intro?.id ?? existing?.introductionId ?? null,
    needId: intro?.needId ?? existing?.needId ?? null,
    resultId: intro?.resultId ?? existing?.resultId ?? null,
  }
  const id = await prisma.$transaction(async (tx) => {
    if (existing) {
      // Under the contract's lock: a confirmation or a signature in between is not overwritten.
      await lockContract(tx, existing.id)
      const now = await tx.contract.findUniqueOrThrow({ where: { id: existing.id }, select: { status: true } })
      if (now.status !== 'DRAFT') return null
    }
    // Any change of the figures asks both parties to confirm again.
    const contract = existing
      ? await tx.contract.update({
          where: { id: existing.id },
          data: { ...data, termsVersion: { increment: 1 } },
          select: { id: true },
        })
      : await tx.contract.create({ data: { ...data, createdByOrgId: own.id }, select: { id: true } })
    await tx.milestone.deleteMany({ where: { contractId: contract.id } })
    if (input.milestones.length) {
      await tx.milestone.createMany({
        data: input.milestones.map((m, i) => ({
          contractId: contract.id,
          seq: i + 1,
          title: m.title,
          amountFen: m.amountYuan,
          dueOn: day(m.dueOn),
        })),
      })
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: existing ? 'contract.update' : 'contract.create',
      entityType: 'Contract',
      entityId: contract.id,
      data: { amountFen: String(input.amountYuan), introductionId: data.introductionId },
    })
    return contract.id
  })
  if (id === null) return { ok: false, fieldErrors: { '': ['errors.contract.notDraft'] } }
  return { ok: true, id }
}

/**
 * One lifecycle step. Registering takes the registry's number (unique); an amendment keeps the
 * version it replaces as a revision, and the figures follow the current version (the rollup
 * trigger sees the update). A refusal of the step itself is keyed `statusChange`, as in
 * amendments.server.ts: the page shows it beside the step buttons.
 */
export async function takeContractStep(
  user: SessionUser,
  contractId: string,
  step: ContractStep,
): Promise<{ ok: true } | { ok: false; notFound?: boolean; fieldErrors?: Record<string, string[]> }> {
  const contract = await prisma.contract.findFirst({
    where: { AND: [{ id: contractId }, visibleContracts(user)] },
    include: {
      confirmations: { select: { side: true, termsVersion: true } },
      amendments: { where: { status: 'PROPOSED' } },
    },
  })
  if (!contract) return { ok: false, notFound: true }
  if (step.intent === 'confirm') {
    const outcome = await confirmTerms(user, contract.id, step.termsVersion)
    return outcome.ok
      ? outcome
      : { ...outcome, fieldErrors: { statusChange: [outcome.error ?? 'errors.contract.stepNotAllowed'] } }
  }
  if (step.intent === 'sign' && step.signedOn && day(step.signedOn)!.getTime() !== contract.signedOn.getTime()) {
    // The signing date is one of the confirmed figures: changing it is an edit of the draft.
    return { ok: false, fieldErrors: { signedOn: ['errors.contract.signDateChanged'] } }
  }
  if (!allowedSteps(user, contract).includes(step.intent)) {
    if (step.intent === 'sign' && contract.status === 'DRAFT') {
      return { ok: false, fieldErrors: { statusChange: ['errors.contract.notConfirmed'] } }
    }
    return { ok: false, fieldErrors: { statusChange: ['errors.contract.stepNotAllowed'] } }
  }
  const actorOrg =
    user.memberships.find((m) => REVIEWER_ROLES.includes(m.role))?.organizationId ??
    partyOrgIds(user).find((o) => [contract.buyerOrgId, contract.sellerOrgId, contract.createdByOrgId].includes(o)) ??
    null
  if (step.intent === 'register') {
    const taken = await prisma.contract.findFirst({
      where: { registrationNumber: step.registrationNumber, id: { not: contract.id } },
      select: { id: true },
    })
    if (taken) return { ok: false, fieldErrors: { registrationNumber: ['errors.contract.registrationTaken'] } }
  }
  if (step.intent === 'amend' && step.techAmountYuan > step.amountYuan) {
    return { ok: false, fieldErrors: { techAmountYuan: ['errors.contract.techAboveAmount'] } }
  }
  const amendment = await (() => {
    switch (step.intent) {
      case 'proposeAmendment':
        return proposeAmendment(user, contract.id, step)
      case 'confirmAmendment':
        return confirmAmendment(user, contract.id, step.amendmentId)
      case 'withdrawAmendment':
        return withdrawAmendment(user, contract.id, step.amendmentId)
      case 'registerAmendment':
        return registerAmendment(user, actorOrg, contract.id, step.amendmentId)
      default:
        return null
    }
  })()
  if (amendment) return amendment.ok ? amendment : { ok: false, fieldErrors: { [amendment.field]: [amendment.error] } }
  const rule = STEPS[step.intent]
  const done = await prisma.$transaction(async (tx) => {
    // Signing and submitting hold to what both parties confirmed, checked under the row lock so
    // an edit in between (which asks for new confirmations) cannot slip through.
    await lockContract(tx, contract.id)
    const now = await tx.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { status: true } })
    if (now.status !== contract.status) return 'moved' as const
    if (['sign', 'submit'].includes(step.intent) && !(await bothConfirmed(tx, contract.id))) {
      return 'unconfirmed' as const
    }
    const data: Prisma.ContractUpdateInput = { status: rule.to }
    if (step.intent === 'register') {
      data.registrationNumber = step.registrationNumber
      data.registeredAt = new Date()
    }
    if (step.intent === 'terminate') data.terminatedAt = new Date()
    if (step.intent === 'amend') await applyAmendedFigures(tx, contract, step)
    else await tx.contract.update({ where: { id: contract.id }, data })
    await recordAudit(tx, {
      actorId: user.id,
      actorOrgId: actorOrg,
      action: `contract.${step.intent}`,
      entityType: 'Contract',
      entityId: contract.id,
      data: { from: contract.status, to: rule.to, ...('reason' in step ? { reason: step.reason } : {}) },
    })
    for (const org of new Set([contract.buyerOrgId, contract.sellerOrgId])) {
      if (!org || org === actorOrg) continue
      await notifyOrganization(
        tx,
        org,
        `contract${rule.to.charAt(0)}${rule.to.slice(1).toLowerCase()}`,
        { project: contract.projectName },
        `/contracts/${contract.id}`,
      )
    }
    await emitWebhookEvent(tx, [contract.buyerOrgId, contract.sellerOrgId], 'contract.status_changed', {
      contractId: contract.id,
      from: contract.status,
      to: rule.to,
      registrationNumber: step.intent === 'register' ? step.registrationNumber : null,
    })
    // A submission waits for the bureau: every staff member hears of it.
    if (step.intent === 'submit') {
      await notifyBureau(
        tx,
        'contractAwaitingRegistration',
        { project: contract.projectName },
        `/contracts/${contract.id}`,
      )
    }
    return 'done' as const
  })
  if (done === 'unconfirmed') return { ok: false, fieldErrors: { statusChange: ['errors.contract.notConfirmed'] } }
  if (done === 'moved') return { ok: false, fieldErrors: { statusChange: ['errors.contract.stepNotAllowed'] } }
  return { ok: true }
}
