import path from 'node:path'
import { defineConfig } from 'vitest/config'

import { TEST_DATABASE_URL } from './tests/support/test-db'
const alias = { '~': path.resolve(import.meta.dirname, 'app') }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['app/**/*.test.ts', 'search/**/*.test.ts', 'tests/search/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/setup-db.ts'],
          env: { DATABASE_URL: TEST_DATABASE_URL, NODE_ENV: 'test', SESSION_SECRET: 'test-session-secret-0123456789' },
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'embedded',
          include: ['tests/embedded/**/*.test.ts'],
          env: { NODE_ENV: 'test', TEST_DATABASE_URL },
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
