import { z } from 'zod'

/** Environment, validated once at boot. None of it reaches the browser. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().positive().default(14),
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  MEILI_HOST: z.string().url().optional(),
  MEILI_API_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]*$/)
    .default(''),
  /** Set to 0 on app servers that must not run background workers. */
  RUN_WORKERS: z.enum(['0', '1']).default('1'),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Where the Stripe SDK sends API calls (tests point it at a local stand-in); unset: Stripe. */
  STRIPE_API_BASE: z.string().url().optional(),
  /** smtp://user:pass@host:port (or smtps://): notifications are also e-mailed. Unset: no e-mail. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('宝坻科技成果转化对接平台 <noreply@baodi-tech.cn>'),
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  /** Requests per API token and minute. */
  API_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  /** Sign-ups per client address and hour. */
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Where uploaded files are spooled while a request reads them (a disk with room for 30 MB each). */
  UPLOAD_DIR: z.string().optional(),
  /** Days an organization has to answer an introduction request. */
  INTRO_RESPONSE_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  /** A published listing untouched this long is stale: its owner is reminded. */
  LISTING_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Days after the reminder before a still-untouched listing expires. */
  LISTING_EXPIRY_GRACE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** A need's enterprise is reminded this many days before the need's own deadline. */
  NEED_DEADLINE_NOTICE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /**
   * End-to-end tests only: the platform's clock is shifted by an offset kept in PostgreSQL
   * (app/utils/clock.server.ts) and `/test-clock` moves it. Never set in production.
   */
  TEST_CLOCK: z.enum(['0', '1']).default('0'),
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  // An empty variable means unset (`DATABASE_URL= npm start` picks the embedded database).
  const given = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ''))
  const parsed = EnvSchema.safeParse(given)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid environment: ${problems}`)
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.DATABASE_URL && !parsed.data.SESSION_SECRET) {
    throw new Error('SESSION_SECRET must be set when running against a shared DATABASE_URL in production')
  }
  cached = parsed.data
  return cached
}

/** Forgets the validated environment, so the next getEnv() reads process.env again (tests). */
export function reloadEnv() {
  cached = undefined
}
