/**
 * The Stripe stand-in as a process for the Playwright run: the API endpoints we call, a
 * checkout page, and signed webhooks to the app. `STRIPE_STAND_IN_PORT` and `APP_URL` set where.
 */
import { startStripeStandIn } from './stripe-stand-in'

const port = Number(process.env.STRIPE_STAND_IN_PORT ?? 3199)
const app = process.env.APP_URL ?? 'http://localhost:3100'
const standIn = await startStripeStandIn({ port, webhookUrl: `${app}/api/stripe/webhook` })
console.log(`Stripe stand-in on ${standIn.base}`)
