import { describe, expect, it } from 'vitest'
import { getIntroduction } from '~/introductions/queries.server'
import { requestIntroduction } from '~/introductions/requests.server'
import { respondToIntroduction } from '~/introductions/responses.server'
import { action as settingsAction } from '~/routes/settings.organization'
import { prisma } from '~/utils/db.server'
import { cookieHeader, createUser, postForm } from '../support/factories'
import { loadMarket } from '../support/market'

describe('reachable counterparts', () => {
  it('validates the contact person and keeps it to the organization’s admins', async () => {
    const { need } = await loadMarket()
    const result = await prisma.researchResult.findFirstOrThrow({ where: { externalId: 'R-WELD' } })
    const office = await createUser(result.organizationId, 'TTO_ADMIN')
    const cookie = await cookieHeader(office.id)
    const post = (fields: Record<string, string>, as = cookie) =>
      postForm(settingsAction, '/settings/organization', { intent: 'contact', ...fields }, as)

    const bad = (await post({ contactName: '孙', contactPhone: '12345', contactEmail: 'x' })) as {
      data: { contact: { error: Record<string, string[]> } }
    }
    expect(bad.data.contact.error).toEqual({
      contactName: ['errors.contact.name'],
      contactPhone: ['errors.contact.phone'],
      contactEmail: ['errors.email.format'],
    })
    const expertCookie = await cookieHeader((await createUser(result.organizationId, 'EXPERT')).id)
    const denied = (await post(
      { contactName: '孙老师', contactPhone: '13812345678', contactEmail: 'a@b.cn' },
      expertCookie,
    )) as Response
    expect(denied.status).toBe(403)
    await post({ contactName: '孙成果', contactPhone: '022 2740 1234', contactEmail: 'TTO@Example.edu.cn' })
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: result.organizationId } })).toMatchObject({
      contactName: '孙成果',
      contactPhone: '02227401234',
      contactEmail: 'tto@example.edu.cn',
    })

    // The enterprise asks about the result: the office's contact shows only once accepted.
    const owner = await createUser(need.organizationId, 'ENTERPRISE_ADMIN')
    const enterprise = { userId: owner.id, organizationId: need.organizationId, role: 'ENTERPRISE_ADMIN' as const }
    const asked = await requestIntroduction(enterprise, {
      needId: need.id,
      targetKind: 'result',
      targetId: result.id,
      message: '希望了解焊缝检测成果的许可条件。',
    })
    if (!asked.ok) throw new Error(asked.error)
    const before = await getIntroduction(asked.id, enterprise)
    expect(before?.targetOrg).toMatchObject({ contactName: null, contactPhone: null, contactEmail: null })
    const answered = await respondToIntroduction(
      { userId: office.id, organizationId: result.organizationId },
      asked.id,
      { decision: 'ACCEPTED' },
    )
    expect(answered.ok).toBe(true)
    const after = await getIntroduction(asked.id, enterprise)
    expect(after?.targetOrg).toMatchObject({ contactName: '孙成果', contactPhone: '02227401234' })
  })
})
