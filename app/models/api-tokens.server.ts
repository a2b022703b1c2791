import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/utils/audit.server'
import { randomToken, sha256 } from '~/utils/crypto.server'
import type { Outcome } from '~/utils/outcome'
import { GRANTABLE_SCOPES, type TokenCreateInput } from '~/validation/api-tokens'

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
      scopes: true,
      expiresAt: true,
      createdBy: { select: { name: true } },
    },
    orderBy: { createdAt: 'desc' },
  })
}

/**
 * Issues a token with the asked scopes (those the organization's kind may not grant are refused)
 * and lifetime. The token itself is returned once and never stored.
 */
export async function createApiToken(
  organizationId: string,
  userId: string,
  input: Pick<TokenCreateInput, 'name' | 'scopes' | 'lifetimeDays'>,
): Promise<Outcome<{ token: string }>> {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { kind: true } })
  const grantable = GRANTABLE_SCOPES[org.kind] ?? []
  if (input.scopes.some((s) => !grantable.includes(s)))
    return { ok: false, error: 'errors.token.scopeDenied', field: 'scopes' }
  const token = `${TOKEN_PREFIX}${randomToken(32)}`
  const days = Number(input.lifetimeDays)
  const expiresAt = days > 0 ? new Date(Date.now() + days * 86_400_000) : null
  const name = input.name
  await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { organizationId, createdById: userId, name, tokenHash: sha256(token), scopes: input.scopes, expiresAt },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: userId,
      actorOrgId: organizationId,
      action: 'apiToken.create',
      entityType: 'ApiToken',
      entityId: row.id,
      data: { name, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    })
  })
  return { ok: true, token }
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
