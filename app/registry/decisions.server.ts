import { importTable } from '~/imports/importer.server'
import type { RawRow } from '~/imports/read.server'
import { Prisma } from '~/generated/prisma/client'
import { COUNTED_STATUSES } from '~/contracts/status'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { ACCEPTABLE_FIELDS, latestRegistryBatch, reconcile, type Period } from './reconcile.server'
import { NOT_FOUND, type Outcome, type Refusal } from '~/utils/outcome'

interface Actor {
  userId: string
  organizationId: string
}

export type DecisionOutcome<T extends object = object> = Outcome<T>

const DONE = { ok: true } as const
const importFailed = (report: { errors: Array<{ key: string }> }): Refusal => ({
  ok: false,
  error: report.errors[0]?.key ?? 'errors.reconciliation.importFailed',
})

const recordDecision = (
  tx: Prisma.TransactionClient,
  actor: Actor,
  batchId: string,
  registrationNumber: string,
  action: 'ACCEPTED' | 'FLAGGED',
  note: string | null,
) =>
  tx.reconciliationDecision.upsert({
    where: { batchId_registrationNumber: { batchId, registrationNumber } },
    create: { batchId, registrationNumber, action, note, decidedById: actor.userId },
    update: { action, note, decidedById: actor.userId, createdAt: new Date() },
  })

/** Imports registry rows onto the platform through the contract import (its party rules and audit). */
async function importRecords(
  actor: Actor,
  batch: { fileName: string; headerMapping: Prisma.JsonValue },
  records: Array<{ row: number; cells: Prisma.JsonValue }>,
) {
  const rows = records.map((r) => r.cells as RawRow)
  return importTable(
    prisma,
    'contracts',
    { rows, rowNumbers: records.map((r) => r.row), headers: [...new Set(rows.flatMap((r) => Object.keys(r)))] },
    {
      fileName: `登记系统核对：${batch.fileName}`,
      dryRun: false,
      actor,
      headerMapping: (batch.headerMapping as Record<string, string> | null) ?? {},
    },
  )
}

/**
 * Accepts the registry's values for one difference of the latest registry import: a contract the
 * platform lacks is imported as the registry has it; a contract that differs takes the registry's
 * figures, type and dates under a row lock (parties are never changed this way: a differing party
 * can only be flagged). Audited with the values before and after.
 */
export async function acceptRegistryValues(actor: Actor, registrationNumber: string): Promise<DecisionOutcome> {
  const batch = await latestRegistryBatch()
  const record = batch
    ? await prisma.registryRecord.findUnique({
        where: { batchId_registrationNumber: { batchId: batch.id, registrationNumber } },
      })
    : null
  if (!batch || !record) return NOT_FOUND
  // One read decides the path (registration numbers are unique on the platform).
  const existing = await prisma.contract.findUnique({
    where: { registrationNumber },
    select: { id: true, status: true },
  })
  // A terminated or unregistered contract with this number is not the registry's row to overwrite.
  if (existing && !(COUNTED_STATUSES as readonly string[]).includes(existing.status))
    return { ok: false, error: 'notAcceptable' }
  if (!existing) {
    try {
      const report = await importRecords(actor, batch, [record])
      if (!report.committed) return importFailed(report)
    } catch (error) {
      // Accepted at the same moment by someone else: the number is now taken by that import.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error
    }
    await prisma.$transaction(async (tx) => {
      await recordDecision(tx, actor, batch.id, registrationNumber, 'ACCEPTED', null)
      await recordAudit(tx, {
        actorId: actor.userId,
        actorOrgId: actor.organizationId,
        action: 'registry.accept',
        entityType: 'RegistryRecord',
        entityId: record.id,
        data: { registrationNumber, kind: 'REGISTRY_ONLY' },
      })
    })
    return DONE
  }
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Contract" WHERE "id" = ${existing.id} FOR UPDATE`
    const before = await tx.contract.findUniqueOrThrow({
      where: { id: existing.id },
      select: { amountFen: true, techAmountFen: true, type: true, signedOn: true, registeredAt: true },
    })
    const after = {
      amountFen: record.amountFen,
      techAmountFen: record.techAmountFen,
      type: record.type,
      signedOn: record.signedOn,
      registeredAt: record.registeredAt,
    }
    await tx.contract.update({ where: { id: existing.id }, data: after })
    await recordDecision(tx, actor, batch.id, registrationNumber, 'ACCEPTED', null)
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'registry.accept',
      entityType: 'Contract',
      entityId: existing.id,
      data: JSON.parse(
        JSON.stringify({ registrationNumber, fields: ACCEPTABLE_FIELDS, before, after }, (_, v) =>
          typeof v === 'bigint' ? v.toString() : v,
        ),
      ) as Prisma.InputJsonValue,
    })
    return DONE
  })
}

/** Accepts every row of the period that only the registry has, in one import. */
export async function acceptAllRegistryOnly(actor: Actor, period: Period): Promise<DecisionOutcome<{ count: number }>> {
  const batch = await latestRegistryBatch()
  if (!batch) return NOT_FOUND
  const result = await reconcile(period)
  const numbers = result.differences.filter((d) => d.kind === 'REGISTRY_ONLY').map((d) => d.registrationNumber)
  const taken = new Set(
    (
      await prisma.contract.findMany({
        where: { registrationNumber: { in: numbers } },
        select: { registrationNumber: true },
      })
    ).map((c) => c.registrationNumber),
  )
  const records = await prisma.registryRecord.findMany({
    where: { batchId: batch.id, registrationNumber: { in: numbers.filter((n) => !taken.has(n)) } },
    orderBy: { row: 'asc' },
  })
  if (records.length === 0) return { ok: true, count: 0 }
  const report = await importRecords(actor, batch, records)
  if (!report.committed) return importFailed(report)
  await prisma.$transaction(async (tx) => {
    for (const record of records) {
      await recordDecision(tx, actor, batch.id, record.registrationNumber, 'ACCEPTED', null)
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: 'registry.acceptAll',
      entityType: 'ImportBatch',
      entityId: batch.id,
      data: { period: { year: period.year, month: period.month ?? null }, count: records.length },
    })
  })
  return { ok: true, count: records.length }
}

/** Flags one difference for follow-up with a note (or clears the flag), audited. */
export async function flagDifference(
  actor: Actor,
  registrationNumber: string,
  note: string | null,
): Promise<DecisionOutcome> {
  const batch = await latestRegistryBatch()
  if (!batch) return NOT_FOUND
  return prisma.$transaction(async (tx) => {
    if (note === null) {
      await tx.reconciliationDecision.deleteMany({
        where: { batchId: batch.id, registrationNumber, action: 'FLAGGED' },
      })
    } else {
      await recordDecision(tx, actor, batch.id, registrationNumber, 'FLAGGED', note)
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: note === null ? 'registry.unflag' : 'registry.flag',
      entityType: 'ImportBatch',
      entityId: batch.id,
      data: { registrationNumber, note },
    })
    return DONE
  })
}
