/** The real PostgreSQL the integration tests use (the machine's own server by default). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/baodi_test'
