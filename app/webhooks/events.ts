/** Events an organization can subscribe its webhook endpoints to. */
export const WEBHOOK_EVENTS = [
  'need.published',
  'need.closed',
  'introduction.requested',
  'introduction.answered',
  'contract.status_changed',
  'call.deadline',
  'match.created',
  'payment.received',
  'result.changed',
  'expert.changed',
  'import.committed',
] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, like Stripe's scheme. */
export const SIGNATURE_HEADER = 'Baodi-Signature'
