import Stripe from 'stripe'
import { getEnv } from '~/utils/env.server'

/**
 * The official Stripe SDK. With STRIPE_SECRET_KEY unset the platform runs offline: payment
 * requests are settled by bank transfer and confirmed by the seller. STRIPE_API_BASE points the
 * SDK elsewhere (host, port, protocol), which is how the tests reach a local stand-in.
 */
export const stripeEnabled = () => Boolean(getEnv().STRIPE_SECRET_KEY)

let cached: { key: string; client: Stripe } | undefined

export function stripe(): Stripe {
  const env = getEnv()
  const secret = env.STRIPE_SECRET_KEY
  if (!secret) throw new Error('STRIPE_SECRET_KEY is not set')
  const key = `${secret}|${env.STRIPE_API_BASE ?? ''}`
  if (cached?.key === key) return cached.client
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null
  const client = new Stripe(secret, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'http:' ? ('http' as const) : ('https' as const),
        }
      : {}),
  })
  cached = { key, client }
  return client
}

/** Checks a webhook's signature against the raw body; throws when it does not match. */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET
  if (!secret || !signature) throw new Error('missing signature or secret')
  return Stripe.webhooks.constructEvent(rawBody, signature, secret)
}
