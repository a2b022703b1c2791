import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SMTPServer } from 'smtp-server'
import { simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { drain } from '~/jobs/worker.server'
import { emailJobsHandler, renderNotificationEmail } from '~/mail/mailer.server'
import { notifyOrganization } from '~/models/notifications.server'
import { prisma } from '~/utils/db.server'
import { reloadEnv } from '~/utils/env.server'
import { createOrganization, createUser } from '../support/factories'

/** A real SMTP server on a local port: what it receives is what a mail relay would. */
const received: Array<{ from: string; to: string[]; raw: string }> = []
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (c: Buffer) => chunks.push(c))
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      })
      callback()
    })
  },
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`
  reloadEnv()
})
afterEach(() => {
  received.length = 0
})
afterAll(async () => {
  delete process.env.SMTP_URL
  reloadEnv()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function notifyEnterprise() {
  const org = await createOrganization('ENTERPRISE', '宝坻食品厂')
  const zh = await createUser(org.id, 'ENTERPRISE_ADMIN', 'boss@food.cn')
  const en = await createUser(org.id, 'ENTERPRISE_MEMBER', 'engineer@food.cn')
  await prisma.user.update({ where: { id: en.id }, data: { locale: 'en' } })
  await prisma.$transaction((tx) =>
    notifyOrganization(tx, org.id, 'newMatches', { title: '速冻水饺冰晶控制', count: '3' }, '/needs/abc'),
  )
  return { zh, en }
}

describe('e-mail copies of notifications (SMTP_URL set)', () => {
  it('sends each member one e-mail in their language, linking back, and never twice', async () => {
    await notifyEnterprise()
    const jobs = await prisma.job.findMany({ where: { queue: 'email' } })
    expect(jobs).toHaveLength(1)
    await drain(prisma, emailJobsHandler(prisma))
    expect(received.map((m) => m.to[0]).sort()).toEqual(['boss@food.cn', 'engineer@food.cn'])
    const chinese = await simpleParser(received.find((m) => m.to[0] === 'boss@food.cn')!.raw)
    expect(chinese.subject).toBe('【宝坻科技成果转化对接平台】“速冻水饺冰晶控制”有 3 个新匹配')
    expect(chinese.text).toContain('查看详情：http://localhost:3000/needs/abc')
    const english = await simpleParser(received.find((m) => m.to[0] === 'engineer@food.cn')!.raw)
    expect(english.subject).toBe('[Baodi Technology Transfer] 3 new matches for "速冻水饺冰晶控制"')
    expect(await prisma.notification.count({ where: { emailedAt: null } })).toBe(0)

    // A replayed job finds everything already e-mailed.
    await prisma.job.updateMany({ where: { queue: 'email' }, data: { status: 'PENDING' } })
    await drain(prisma, emailJobsHandler(prisma))
    expect(received).toHaveLength(2)
  })

  it('with the mail relay down, the job is retried later and delivers once the relay is back', async () => {
    const port = (server.server.address() as AddressInfo).port
    // The relay is unreachable: nothing listens on this port.
    const closed = new SMTPServer({ authOptional: true })
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const deadPort = (closed.server.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    process.env.SMTP_URL = `smtp://127.0.0.1:${deadPort}`
    reloadEnv()
    try {
      await notifyEnterprise()
      // The worker's round fails (and the worker logs it and carries on); the job waits.
      await expect(drain(prisma, emailJobsHandler(prisma))).rejects.toThrow(/ECONNREFUSED/)
      const waiting = await prisma.job.findFirstOrThrow({ where: { queue: 'email' } })
      expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 })
      expect(waiting.runAt.getTime()).toBeGreaterThan(Date.now())
      expect(received).toHaveLength(0)
      expect(await prisma.notification.count({ where: { emailedAt: null } })).toBe(2)
    } finally {
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
      reloadEnv()
    }
    // The relay is back; when the retry comes due, both members get their e-mail, once.
    await prisma.job.updateMany({ where: { queue: 'email' }, data: { runAt: new Date() } })
    await drain(prisma, emailJobsHandler(prisma))
    expect(received.map((m) => m.to[0]).sort()).toEqual(['boss@food.cn', 'engineer@food.cn'])
    expect(await prisma.notification.count({ where: { emailedAt: null } })).toBe(0)
    expect((await prisma.job.findFirstOrThrow({ where: { queue: 'email' } })).status).toBe('DONE')
  })

  it('renders the subject and body from the message catalog', () => {
    const n = {
      title: 'notifications.newMatches',
      body: JSON.stringify({ title: '冰晶', count: '3' }),
      link: '/needs/x',
    }
    expect(renderNotificationEmail(n, 'zh', 'https://baodi.example.cn')).toEqual({
      subject: '【宝坻科技成果转化对接平台】“冰晶”有 3 个新匹配',
      text: expect.stringContaining('查看详情：https://baodi.example.cn/needs/x'),
    })
    expect(renderNotificationEmail(n, 'en', 'https://baodi.example.cn').subject).toBe(
      '[Baodi Technology Transfer] 3 new matches for "冰晶"',
    )
  })

  it('without SMTP_URL no e-mail job is written', async () => {
    delete process.env.SMTP_URL
    reloadEnv()
    try {
      await notifyEnterprise()
      expect(await prisma.notification.count()).toBe(2)
      expect(await prisma.job.count({ where: { queue: 'email' } })).toBe(0)
    } finally {
      process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`
      reloadEnv()
    }
  })
})
