/** The real PostgreSQL the integration tests use (the machine's own server by default). */
// One database per test run, so two runs on one machine (a developer and CI) never collide.
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/baodi_test_${process.pid}`
