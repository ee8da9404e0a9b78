import { defineConfig } from 'vitest/config';

// Three depths: pure rules (unit), a real server on port 0 (integration, once
// on each storage engine), and real Chromium against the built client (e2e).
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // postgres-*.test.ts need a PostgreSQL server: the integration-postgres project runs them.
          exclude: ['tests/integration/postgres-*.test.ts'],
          env: { REGIEBORD_TEST_ENGINE: 'sqlite' },
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The same integration suite on PostgreSQL: every test server gets its own
        // fresh database. Files named sqlite-*.test.ts test the SQLite file itself
        // (online backup, WAL mode) and have no PostgreSQL meaning; postgres-*.test.ts
        // (search parity, migration from SQLite) run here only.
        test: {
          name: 'integration-postgres',
          include: ['tests/integration/**/*.test.ts'],
          exclude: ['tests/integration/sqlite-*.test.ts'],
          env: { REGIEBORD_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/setup/postgres.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 60_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
