import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/utils/audit.server'
import { randomToken, sha256 } from '~/utils/crypto.server'

/** Tokens look like `bdt_<43 url-safe characters>`; only their SHA-256 is stored. */
export const TOKEN_PREFIX = 'bdt_'

export function listApiTokens(organizationId: string) {
  return prisma.apiToken.findMany({
    where: { organizationId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
    orderBy: { createdAt: 'desc' },
  })
}

export async function createApiToken(organizationId: string, userId: string, name: string) {
  const token = `${TOKEN_PREFIX}${randomToken(32)}`
  await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { organizationId, createdById: userId, name, tokenHash: sha256(token) },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: userId,
      actorOrgId: organizationId,
      action: 'apiToken.create',
      entityType: 'ApiToken',
      entityId: row.id,
      data: { name },
    })
  })
  return token
}

/** Revokes a token of the caller's own organization; another organization's token id does nothing. */
export async function revokeApiToken(organizationId: string, userId: string, tokenId: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, organizationId, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    if (count) {
      await recordAudit(tx, {
        actorId: userId,
        actorOrgId: organizationId,
        action: 'apiToken.revoke',
        entityType: 'ApiToken',
        entityId: tokenId,
      })
    }
    return count > 0
  })
}
