import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { loader as notificationsLoader } from '~/routes/notifications'
import { loader as reportLoader } from '~/routes/bureau_.report'
import { prisma } from '~/utils/db.server'
import { beijingDateTime } from '~/utils/format'
import { cookieHeader, createOrganization, createUser, getRequest } from '../support/factories'

const call = <T>(fn: (args: LoaderFunctionArgs) => Promise<T>, request: Request) =>
  fn({ request, params: {}, context: {} })

/** Times are stored in UTC and read in Beijing time: 19:38 UTC is 03:38 the next day there. */
describe('Beijing time where people read a time', () => {
  it('dates a notification in Beijing time', async () => {
    const org = await createOrganization('ENTERPRISE')
    const user = await createUser(org.id, 'ENTERPRISE_ADMIN')
    await prisma.notification.create({
      data: {
        userId: user.id,
        kind: 'introAccepted',
        title: 'notifications.introAccepted',
        body: JSON.stringify({ need: '焊缝检测' }),
        link: '/enterprise',
        createdAt: new Date('2026-11-30T19:38:00Z'),
      },
    })
    const data = await call(notificationsLoader, getRequest('/notifications', await cookieHeader(user.id)))
    expect(data.notifications[0].at).toBe('2026-12-01 03:38')
  })

  it('stamps the printable report in Beijing time', async () => {
    const bureau = await createOrganization('BUREAU')
    const staff = await createUser(bureau.id, 'BUREAU_STAFF')
    const before = beijingDateTime(new Date())
    const data = (await call(reportLoader, getRequest('/bureau/report', await cookieHeader(staff.id)))) as {
      generatedAt: string
    }
    expect([before, beijingDateTime(new Date())]).toContain(data.generatedAt)
  })
})
