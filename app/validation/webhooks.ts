import { z } from 'zod'
import { WEBHOOK_EVENTS } from '~/webhooks/events'

/**
 * An endpoint's address: https, or http to this machine for development and tests (never another
 * host over plain http: the body carries business data).
 */
const EndpointUrl = z
  .string({ error: 'errors.webhook.url' })
  .trim()
  .max(500, { message: 'errors.webhook.url' })
  .refine(
    (v) => {
      try {
        const url = new URL(v)
        return (
          url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))
        )
      } catch {
        return false
      }
    },
    { message: 'errors.webhook.url' },
  )

/** The webhooks page: add an endpoint, switch one off, send a delivery again. */
export const WebhookActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('create'),
    url: EndpointUrl,
    events: z.preprocess(
      (v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []),
      z.array(z.enum(WEBHOOK_EVENTS, { error: 'errors.webhook.event' })).min(1, { message: 'errors.webhook.events' }),
    ),
  }),
  z.object({ intent: z.literal('disable'), endpointId: z.string().min(1) }),
  z.object({ intent: z.literal('redeliver'), deliveryId: z.string().min(1) }),
])
export type WebhookAction = z.infer<typeof WebhookActionSchema>
