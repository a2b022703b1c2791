import type { Prisma } from '~/generated/prisma/client'

type Tx = Pick<Prisma.TransactionClient, 'auditLog'>

export interface AuditEntry {
  actorId?: string | null
  actorOrgId?: string | null
  action: string
  entityType: string
  entityId?: string | null
  data?: Prisma.InputJsonValue
  ip?: string | null
}

/** Written inside the caller's transaction, so the log and the change commit together. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditLog.create({ data: entry })
}
