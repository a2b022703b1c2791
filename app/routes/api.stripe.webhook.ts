import type { ActionFunctionArgs } from '@remix-run/node'
import { receiveStripeEvent } from '~/payments/webhook.server'
import { verifyWebhook } from '~/payments/stripe.server'
import { getEnv } from '~/utils/env.server'

/**
 * POST /api/stripe/webhook. The signature is checked against the raw body before anything is
 * written; a bad one answers 400. Each event is stored once by its ID and processed once.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return Response.json({ error: 'method not allowed' }, { status: 405 })
  if (!getEnv().STRIPE_WEBHOOK_SECRET) return Response.json({ error: 'webhooks are not configured' }, { status: 404 })
  const raw = await request.text()
  let event
  try {
    event = verifyWebhook(raw, request.headers.get('stripe-signature'))
  } catch {
    return Response.json({ error: 'invalid signature' }, { status: 400 })
  }
  const result = await receiveStripeEvent(event)
  return Response.json({ received: true, result })
}

export function loader() {
  return Response.json({ error: 'method not allowed' }, { status: 405 })
}
