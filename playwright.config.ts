import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? 3199)

/**
 * End-to-end tests in Debian's Chromium against the production build, on a fresh embedded
 * database (the README's quick-start path: migrate and seed on first start).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // A local stand-in for Stripe (API, checkout page, signed webhooks); Stripe is unreachable here.
      command: `npx tsx tests/support/stripe-stand-in-server.ts`,
      url: `http://127.0.0.1:${STRIPE_PORT}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      env: { STRIPE_STAND_IN_PORT: String(STRIPE_PORT), APP_URL: `http://localhost:${PORT}` },
    },
    {
      command: `rm -rf .data/e2e && NODE_ENV=production PORT=${PORT} EMBEDDED_DATA_DIR=.data/e2e node scripts/server.mjs`,
      url: `http://localhost:${PORT}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      env: {
        DATABASE_URL: '',
        PUBLIC_BASE_URL: `http://localhost:${PORT}`,
        STRIPE_SECRET_KEY: 'sk_test_e2e',
        STRIPE_WEBHOOK_SECRET: 'whsec_test_baodi',
        STRIPE_API_BASE: `http://127.0.0.1:${STRIPE_PORT}`,
        // Lets the open-call journey move past a deadline (POST /test-clock) instead of waiting.
        TEST_CLOCK: '1',
      },
    },
  ],
})
