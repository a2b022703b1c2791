import { describe, expect, it } from 'vitest'
import { action as newCallAction } from '~/routes/calls.new'
import { action as expertAction, loader as expertLoader } from '~/routes/expert'
import { prisma } from '~/utils/db.server'
import { CALL_FORM } from '../support/calls'
import { cookieHeader, createOrganization, createUser, formRequest, getRequest } from '../support/factories'
import { loadMarket } from '../support/market'
import { dataOf, run, statusOf, type Fn } from '../support/route-calls'

describe('call alerts for experts', () => {
  it('tells subscribed experts of a call in their field (or any call when they name none), once, and no one else', async () => {
    const { need } = await loadMarket()
    const field = need.fieldCode!
    const other = await prisma.techField.findFirstOrThrow({ where: { parentCode: null, code: { not: field } } })
    const university = await createOrganization('UNIVERSITY', '燕山大学')
    const expert = async (name: string, fieldCodes: string[], callAlerts: boolean) => {
      const user = await createUser(university.id, 'EXPERT')
      await prisma.expert.create({
        data: { organizationId: university.id, userId: user.id, name, directions: ['材料'], fieldCodes, callAlerts },
      })
      return user
    }
    const inField = await expert('甲', [field], false)
    const anyField = await expert('乙', [], true)
    const elsewhere = await expert('丙', [other.code], true)
    const quiet = await expert('丁', [field], false)

    // 甲 switches alerts on from their home page.
    const cookie = await cookieHeader(inField.id)
    const saved = await run(
      expertAction as Fn,
      await formRequest('/expert', { intent: 'callAlerts', subscribe: 'on' }, cookie),
    )
    expect(statusOf(saved)).toBe(200)
    const home = dataOf<{ expert: { callAlerts: boolean } }>(
      await run(expertLoader as Fn, getRequest('/expert', cookie)),
    )
    expect(home.expert.callAlerts).toBe(true)
    expect(await prisma.auditLog.count({ where: { action: 'expert.callAlertsOn' } })).toBe(1)
    // Only an expert has the setting.
    const office = await cookieHeader((await createUser(university.id, 'TTO_ADMIN')).id)
    expect(
      statusOf(await run(expertAction as Fn, await formRequest('/expert', { intent: 'callAlerts' }, office))),
    ).toBe(403)

    const owner = await cookieHeader((await createUser(need.organizationId, 'ENTERPRISE_ADMIN')).id)
    const created = await run(
      newCallAction as Fn,
      await formRequest(`/calls/new?need=${need.id}`, { needId: need.id, ...CALL_FORM }, owner),
    )
    expect(statusOf(created)).toBe(302)
    const told = async (userId: string) => prisma.notification.count({ where: { userId, kind: 'callPublishedExpert' } })
    expect([await told(inField.id), await told(anyField.id), await told(elsewhere.id), await told(quiet.id)]).toEqual([
      1, 1, 0, 0,
    ])
  })
})
