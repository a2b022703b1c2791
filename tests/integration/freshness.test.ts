import { describe, expect, it } from 'vitest'
import { drain } from '~/jobs/worker.server'
import {
  FRESHNESS_QUEUE,
  freshnessHandler,
  scheduleFreshnessSweep,
  remindNeedDeadlines,
  sweepStaleListings,
} from '~/models/freshness.server'
import { action as needAction, loader as needLoader } from '~/routes/needs.$id'
import { action as officeAction } from '~/routes/office'
import { prisma } from '~/utils/db.server'
import { searchEngine } from '~/search/engine.server'
import { ensureIndexes } from '~/search/sync.server'
import { cookieHeader, createNeed, createOrganization, createUser, formRequest, getRequest } from '../support/factories'

const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY)

describe('need deadlines', () => {
  it('reminds the enterprise once a week before its need’s deadline; a moved deadline asks again', async () => {
    const org = await createOrganization()
    const owner = await createUser(org.id, 'ENTERPRISE_ADMIN')
    const day = (offset: number) => new Date(new Date(Date.now() + offset * DAY).toISOString().slice(0, 10))
    const soon = await createNeed(org.id, { title: '下周截止', deadline: day(5) })
    await createNeed(org.id, { title: '下月截止', deadline: day(40) })
    await createNeed(org.id, { title: '已过期', deadline: day(-2) })
    await createNeed(org.id, { title: '草稿', deadline: day(3), status: 'DRAFT' })
    expect(await remindNeedDeadlines()).toBe(1)
    const notes = await prisma.notification.findMany({ where: { userId: owner.id, kind: 'needDeadline' } })
    expect(notes.map((n) => JSON.parse(n.body ?? '{}'))).toEqual([
      { title: '下周截止', date: day(5).toISOString().slice(0, 10) },
    ])
    expect(await remindNeedDeadlines()).toBe(0)
    await prisma.need.update({ where: { id: soon.id }, data: { deadline: day(6), deadlineRemindedAt: null } })
    expect(await remindNeedDeadlines()).toBe(1)
  })
})

describe('stale listings', () => {
  it('reminds the owner of a need untouched for 90 days once, then expires it 14 days later', async () => {
    const org = await createOrganization()
    const owner = await createUser(org.id, 'ENTERPRISE_ADMIN')
    const fresh = await createNeed(org.id, { title: '新需求', lastActivityAt: ago(10) })
    const stale = await createNeed(org.id, { title: '旧需求', lastActivityAt: ago(100) })
    expect(await sweepStaleListings()).toMatchObject({ reminded: 1, expired: 0 })
    expect((await prisma.need.findUniqueOrThrow({ where: { id: stale.id } })).staleRemindedAt).not.toBeNull()
    expect((await prisma.need.findUniqueOrThrow({ where: { id: fresh.id } })).staleRemindedAt).toBeNull()
    expect(await prisma.notification.count({ where: { userId: owner.id, kind: 'listingStale' } })).toBe(1)
    expect(await sweepStaleListings()).toMatchObject({ reminded: 0, expired: 0 })

    await prisma.need.update({ where: { id: stale.id }, data: { staleRemindedAt: ago(15) } })
    expect(await sweepStaleListings()).toMatchObject({ reminded: 0, expired: 1 })
    expect((await prisma.need.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe('EXPIRED')
    expect(await prisma.job.count({ where: { queue: 'search', status: 'PENDING' } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: owner.id, kind: 'listingExpired' } })).toBe(1)
  })

  it('lets the owner confirm a flagged need is still current, which restarts the clock', async () => {
    const org = await createOrganization()
    const owner = await createUser(org.id, 'ENTERPRISE_ADMIN')
    const cookie = await cookieHeader(owner.id)
    const need = await createNeed(org.id, { lastActivityAt: ago(100) })
    await ensureIndexes(searchEngine())
    await sweepStaleListings()
    const page = (await needLoader({
      request: getRequest(`/needs/${need.id}`, cookie),
      params: { id: need.id },
      context: {},
    })) as {
      need: { stale: boolean }
    }
    expect(page.need.stale).toBe(true)
    await needAction({
      request: await formRequest(`/needs/${need.id}`, { intent: 'confirm' }, cookie),
      params: { id: need.id },
      context: {},
    })
    const confirmed = await prisma.need.findUniqueOrThrow({ where: { id: need.id } })
    expect(confirmed.staleRemindedAt).toBeNull()
    expect(confirmed.lastActivityAt.getTime()).toBeGreaterThan(Date.now() - 60_000)
    await prisma.need.update({ where: { id: need.id }, data: { staleRemindedAt: null } })
    expect(await sweepStaleListings()).toMatchObject({ reminded: 0, expired: 0 })
  })

  it('archives a stale result after the grace period unless its office confirms it', async () => {
    const office = await createOrganization('UNIVERSITY', '某大学')
    const officer = await createUser(office.id, 'TTO_MEMBER')
    const make = (title: string) =>
      prisma.researchResult.create({
        data: {
          organizationId: office.id,
          title,
          abstract: '简介',
          status: 'PUBLISHED',
          lastActivityAt: ago(120),
          staleRemindedAt: ago(20),
        },
      })
    const kept = await make('仍然有效的成果')
    const dropped = await make('长期无人维护的成果')
    await officeAction({
      request: await formRequest('/office', { resultId: kept.id }, await cookieHeader(officer.id)),
      params: {},
      context: {},
    })
    expect(await sweepStaleListings()).toMatchObject({ reminded: 0, expired: 1 })
    expect((await prisma.researchResult.findUniqueOrThrow({ where: { id: kept.id } })).status).toBe('PUBLISHED')
    expect((await prisma.researchResult.findUniqueOrThrow({ where: { id: dropped.id } })).status).toBe('ARCHIVED')

    const stranger = await createUser((await createOrganization('UNIVERSITY', '别的大学')).id, 'TTO_ADMIN')
    const refused = await officeAction({
      request: await formRequest('/office', { resultId: kept.id }, await cookieHeader(stranger.id)),
      params: {},
      context: {},
    }).catch((e: Response) => e)
    expect((refused as Response).status).toBe(404)
  })

  it('runs as a daily background job that schedules its next run', async () => {
    await scheduleFreshnessSweep()
    await scheduleFreshnessSweep()
    expect(await prisma.job.count({ where: { queue: FRESHNESS_QUEUE, status: 'PENDING' } })).toBe(1)
    expect(await drain(prisma, freshnessHandler())).toBe(1)
    const next = await prisma.job.findFirstOrThrow({ where: { queue: FRESHNESS_QUEUE, status: 'PENDING' } })
    expect(next.runAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000)
  })
})
