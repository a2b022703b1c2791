import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'

/**
 * A local stand-in for the few Stripe endpoints we call, answering with Stripe-shaped objects
 * and recording each request (form body, idempotency key) so tests can check what we sent.
 * Webhooks are signed with the SDK's own test-header helper.
 */
export interface RecordedRequest {
  method: string
  path: string
  idempotencyKey: string | null
  body: URLSearchParams
}

export interface StandInOptions {
  port?: number
  /** Where the checkout page delivers its signed webhooks (the e2e app); none in unit tests. */
  webhookUrl?: string
}

interface OpenSession {
  id: string
  amount: number
  metadata: Record<string, string>
  successUrl: string
}

export async function startStripeStandIn(options: StandInOptions = {}) {
  const requests: RecordedRequest[] = []
  const sessions = new Map<string, OpenSession>()
  const answered = new Map<string, { status: number; body: string }>()
  let serial = 0
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200).end('ok')
      return
    }
    if (req.method === 'GET' && req.url?.startsWith('/pay/')) return checkoutPage(req, res)
    if (req.method === 'POST' && req.url?.startsWith('/pay/')) {
      void pay(req, res)
      return
    }
    let raw = ''
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()))
    req.on('end', () => {
      const body = new URLSearchParams(raw)
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null,
        body,
      })
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null
      // As Stripe does: a repeated idempotency key gets the first answer again.
      const replay = key ? answered.get(key) : undefined
      if (replay) {
        res.writeHead(replay.status, { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' })
        res.end(replay.body)
        return
      }
      const json = (status: number, payload: unknown) => {
        const text = JSON.stringify(payload)
        if (key) answered.set(key, { status, body: text })
        res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${++serial}` })
        res.end(text)
      }
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        const id = `cs_test_${++serial}`
        const metadata: Record<string, string> = {}
        for (const [k, v] of body) {
          const m = /^metadata\[(\w+)\]$/.exec(k)
          if (m) metadata[m[1]] = v
        }
        sessions.set(id, {
          id,
          amount: Number(body.get('line_items[0][price_data][unit_amount]')),
          metadata,
          successUrl: body.get('success_url') ?? '/',
        })
        return json(200, {
          id,
          object: 'checkout.session',
          mode: 'payment',
          status: 'open',
          payment_status: 'unpaid',
          currency: body.get('line_items[0][price_data][currency]'),
          amount_total: Number(body.get('line_items[0][price_data][unit_amount]')),
          client_reference_id: body.get('client_reference_id'),
          metadata,
          payment_intent: null,
          url: `${base}/pay/${id}`,
        })
      }
      if (req.method === 'POST' && req.url === '/v1/refunds') {
        return json(200, {
          id: `re_test_${++serial}`,
          object: 'refund',
          amount: Number(body.get('amount')),
          payment_intent: body.get('payment_intent'),
          status: 'succeeded',
          currency: 'cny',
        })
      }
      json(404, {
        error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${req.url})` },
      })
    })
  })
  /** A plain page standing in for Stripe's hosted Checkout. */
  function checkoutPage(req: http.IncomingMessage, res: http.ServerResponse) {
    const session = sessions.get(req.url!.slice(5))
    if (!session) {
      res.writeHead(404).end('no such session')
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Stripe Checkout（测试替身）</title></head>
      <body style="font-family: sans-serif; padding: 2rem"><h1>Stripe Checkout（测试替身）</h1>
      <p>应付金额：¥${(session.amount / 100).toFixed(2)}</p>
      <form method="post"><button type="submit">支付 ¥${(session.amount / 100).toFixed(2)}</button></form></body></html>`)
  }

  /** "Pays": Stripe's signed webhooks go to the app, then the browser returns to success_url. */
  async function pay(req: http.IncomingMessage, res: http.ServerResponse) {
    const session = sessions.get(req.url!.slice(5))
    if (!session || !options.webhookUrl) {
      res.writeHead(404).end('no such session')
      return
    }
    const intentId = `pi_test_${session.id}`
    const deliveries = [
      signedEvent('checkout.session.completed', {
        id: session.id,
        object: 'checkout.session',
        payment_status: 'paid',
        amount_total: session.amount,
        currency: 'cny',
        payment_intent: intentId,
        metadata: session.metadata,
      }),
      signedEvent('payment_intent.succeeded', {
        id: intentId,
        object: 'payment_intent',
        amount_received: session.amount,
        currency: 'cny',
        metadata: session.metadata,
      }),
    ]
    for (const { payload, signature } of deliveries) {
      await fetch(options.webhookUrl, {
        method: 'POST',
        body: payload,
        headers: { 'stripe-signature': signature, 'Content-Type': 'application/json' },
      })
    }
    res.writeHead(303, { Location: session.successUrl }).end()
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { base, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

export const WEBHOOK_SECRET = 'whsec_test_baodi'

let eventSerial = 0

/** A Stripe event of the given type around `object`, and its signature header. */
export function signedEvent(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; secret?: string } = {},
) {
  const event = {
    id: options.id ?? `evt_test_${++eventSerial}_${Date.now()}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: '2025-01-01',
    data: { object },
  }
  const payload = JSON.stringify(event)
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET })
  return { event, payload, signature }
}
