import { z } from 'zod'
import { notifyOrganization } from '~/models/notifications.server'
import type { QueueHandler } from '~/jobs/worker.server'
import { recordAudit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { INTRODUCTIONS_QUEUE, notifyTarget } from './shared.server'

/** Reminders and expiry of unanswered introductions, run by the job queue. */
const JobPayload = z.object({ introductionId: z.string() })

/**
 * Background jobs of introductions: a reminder two days before the deadline to an organization
 * that has not answered, and expiry at the deadline. They run in the worker, never on page loads.
 */
export function introductionJobsHandler(): QueueHandler {
  return {
    queue: INTRODUCTIONS_QUEUE,
    batchSize: 50,
    async handle(jobs) {
      for (const job of jobs) {
        const parsed = JobPayload.safeParse(job.payload)
        if (!parsed.success) continue
        await prisma.$transaction(async (tx) => {
          const intro = await tx.introduction.findUnique({
            where: { id: parsed.data.introductionId },
            select: {
              id: true,
              status: true,
              targetOrgId: true,
              requesterOrgId: true,
              direction: true,
              expertId: true,
              need: { select: { title: true } },
            },
          })
          if (!intro || intro.status !== 'REQUESTED') return
          const offer = intro.direction === 'OFFER'
          const link = `/introductions/${intro.id}`
          if (job.kind === 'remind') {
            await tx.introduction.update({ where: { id: intro.id }, data: { remindedAt: new Date() } })
            if (offer)
              await notifyOrganization(tx, intro.requesterOrgId, 'introReminder', { need: intro.need.title }, link)
            else await notifyTarget(tx, intro, 'introReminder', { need: intro.need.title }, link)
          } else if (job.kind === 'expire') {
            await tx.introduction.update({ where: { id: intro.id }, data: { status: 'EXPIRED' } })
            const asker = offer ? intro.targetOrgId : intro.requesterOrgId
            await notifyOrganization(tx, asker, 'introExpired', { need: intro.need.title }, link)
            await recordAudit(tx, { action: 'introduction.expire', entityType: 'Introduction', entityId: intro.id })
          }
        })
      }
    },
  }
}
