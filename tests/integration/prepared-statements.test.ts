import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createOrganization } from '../support/factories'

describe('prepared statements on PostgreSQL', () => {
  it('parses a query once per connection and reuses it by name', async () => {
    const prepared = await prisma.$transaction(async (tx) => {
      // A transaction keeps one connection, so its statements are all in one session's view.
      const first = await tx.techField.findMany({ select: { code: true }, orderBy: { code: 'asc' } })
      const again = await tx.techField.findMany({ select: { code: true }, orderBy: { code: 'asc' } })
      expect(again).toEqual(first)
      expect(first.length).toBeGreaterThan(0)
      return tx.$queryRaw<Array<{ name: string; statement: string }>>`
        SELECT name, statement FROM pg_prepared_statements
        WHERE statement LIKE '%FROM "public"."TechField"%' AND statement NOT LIKE '%pg_prepared_statements%'`
    })
    expect(prepared).toHaveLength(1)
    expect(prepared[0].name).toMatch(/^p_/)
  })

  it('answers a failing statement with its error and goes on working', async () => {
    const org = await createOrganization()
    for (let i = 0; i < 3; i++) {
      // The same named statement, failing on a unique key each time, then succeeding elsewhere.
      await expect(
        prisma.organization.create({
          data: { name: `另一机构${i}`, kind: 'ENTERPRISE', regionCode: '120115', creditCode: org.creditCode },
        }),
      ).rejects.toThrow(/Unique constraint/)
      expect(await prisma.organization.count({ where: { id: org.id } })).toBe(1)
    }
  })
})
