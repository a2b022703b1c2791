import nodemailer, { type Transporter } from 'nodemailer'
import { z } from 'zod'
import { createI18n, isLocale, DEFAULT_LOCALE } from '~/i18n'
import { EMAIL_QUEUE } from '~/models/notifications.server'
import type { QueueHandler } from '~/jobs/worker.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { getEnv } from '~/utils/env.server'

const Payload = z.object({ ids: z.array(z.string().min(1)).max(1000) })

let transport: Transporter | undefined
let transportUrl: string | undefined

/** One SMTP transport per process, from SMTP_URL (smtp://user:pass@host:port or smtps://…). */
function mailer(): Transporter {
  const url = getEnv().SMTP_URL
  if (!url) throw new Error('SMTP_URL is not set')
  // A changed SMTP_URL (configuration reloaded) gets a new transport.
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url)
    transportUrl = url
  }
  return transport
}

/** The e-mail copy of a notification, in the reader's language, linking back to the platform. */
export function renderNotificationEmail(
  notification: { title: string; body: string | null; link: string | null },
  locale: string,
  baseUrl: string,
) {
  const t = createI18n(isLocale(locale) ? locale : DEFAULT_LOCALE).t
  const params = notification.body ? (JSON.parse(notification.body) as Record<string, string>) : {}
  const subject = t(notification.title, params)
  const url = notification.link ? new URL(notification.link, baseUrl).toString() : baseUrl
  const text = [subject, '', t('email.open', { url }), '', t('email.footer')].join('\n')
  return { subject: `${t('email.prefix')}${subject}`, text }
}

/**
 * Sends the e-mail copies of notifications. A notification already e-mailed is skipped, so a
 * retried job does not send twice; a user without an address or disabled gets none.
 */
export function emailJobsHandler(db: PrismaClient): QueueHandler {
  return {
    queue: EMAIL_QUEUE,
    batchSize: 10,
    async handle(jobs) {
      const env = getEnv()
      for (const job of jobs) {
        const parsed = Payload.safeParse(job.payload)
        if (!parsed.success) continue
        const notifications = await db.notification.findMany({
          where: { id: { in: parsed.data.ids }, emailedAt: null, user: { disabledAt: null } },
          include: { user: { select: { email: true, locale: true } } },
        })
        for (const n of notifications) {
          const { subject, text } = renderNotificationEmail(n, n.user.locale, env.PUBLIC_BASE_URL)
          await mailer().sendMail({ from: env.MAIL_FROM, to: n.user.email, subject, text })
          await db.notification.update({ where: { id: n.id }, data: { emailedAt: new Date() } })
        }
      }
    },
  }
}
