import type { contractData } from './kinds/contracts.server'
import type { RawRow } from './read.server'
import type { Prisma } from '~/generated/prisma/client'

/** A registry export's row, resolved like a contract row, with its cells as read. */
export interface RegistryRow {
  row: number
  cells: RawRow
  /** What the row would write as a contract (`contractData`, parties linked by credit code only). */
  data: ReturnType<typeof contractData>
}

const SLICE = 1_000

/**
 * Stores a registry export as the registry's records of one import batch (the reconciliation's
 * other side). Nothing on the platform changes: the bureau accepts differences one by one.
 */
export async function writeRegistryRecords(
  tx: Prisma.TransactionClient,
  batchId: string,
  rows: RegistryRow[],
): Promise<number> {
  for (let start = 0; start < rows.length; start += SLICE) {
    await tx.registryRecord.createMany({
      data: rows.slice(start, start + SLICE).map(({ row, cells, data }) => ({
        batchId,
        row,
        registrationNumber: data.registrationNumber!,
        type: data.type,
        projectName: data.projectName,
        buyerName: data.buyerName,
        buyerCreditCode: data.buyerCreditCode,
        buyerRegionCode: data.buyerRegionCode,
        sellerName: data.sellerName,
        sellerCreditCode: data.sellerCreditCode,
        sellerRegionCode: data.sellerRegionCode,
        amountFen: data.amountFen,
        techAmountFen: data.techAmountFen,
        signedOn: data.signedOn,
        registeredAt: data.registeredAt ?? data.signedOn,
        cells: JSON.parse(JSON.stringify(cells)) as Prisma.InputJsonValue,
      })),
    })
  }
  return rows.length
}
