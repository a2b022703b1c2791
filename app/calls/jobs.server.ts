import { z } from 'zod'
import { emitWebhookEvent } from '~/webhooks/deliveries.server'
import { CALLS_QUEUE } from './deadline-job'
import type { QueueHandler } from '~/jobs/worker.server'
import { createNotifications, notifyOrganization } from '~/models/notifications.server'
import { prisma } from '~/utils/db.server'
import { ENTERPRISE_ROLES } from '~/utils/permissions.server'

const JobPayload = z.object({ callId: z.string() })

/**
 * At a call's deadline: its enterprise and its declared reviewers hear that the proposals are
 * open for evaluation. Nothing happens for a call cancelled or decided in the meantime.
 */
export function callJobsHandler(): QueueHandler {
  return {
    queue: CALLS_QUEUE,
    batchSize: 50,
    async handle(jobs) {
      for (const job of jobs) {
        const parsed = JobPayload.safeParse(job.payload)
        if (!parsed.success || job.kind !== 'deadline') continue
        await prisma.$transaction(async (tx) => {
          const call = await tx.call.findUnique({
            where: { id: parsed.data.callId },
            select: {
              id: true,
              title: true,
              status: true,
              organizationId: true,
              reviewers: { where: { declaredAt: { not: null } }, select: { userId: true } },
              _count: { select: { proposals: { where: { status: { notIn: ['DRAFT', 'WITHDRAWN'] } } } } },
            },
          })
          if (!call || call.status !== 'PUBLISHED') return
          const params = { title: call.title, count: String(call._count.proposals) }
          const link = `/calls/${call.id}`
          await notifyOrganization(tx, call.organizationId, 'callDeadlinePassed', params, link, {
            roles: ENTERPRISE_ROLES,
          })
          await createNotifications(
            tx,
            call.reviewers.map((r) => ({ userId: r.userId, kind: 'callReviewOpen', params, link })),
          )
          await emitWebhookEvent(tx, [call.organizationId], 'call.deadline', {
            callId: call.id,
            proposals: call._count.proposals,
          })
        })
      }
    },
  }
}
