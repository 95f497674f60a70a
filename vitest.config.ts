import { defineConfig } from 'vitest/config';

// Groups run in order (unit, api, browser); vitest needs distinct groups where worker limits differ.
// Database-backed tests open their own in-memory PGlite (or TEST_DATABASE_URL's PostgreSQL) per file.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'test/fixtures/**/*.test.ts'],
          exclude: ['src/server/http/**'],
        },
      },
      {
        test: {
          name: 'api',
          sequence: { groupOrder: 1 },
          include: ['src/server/http/**/*.test.ts', 'test/api/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // (a page's data arrives through its server, a request or two away: on a CI machine busy with the other
          // projects' tests, the default second of polling has run out before an insureds list loaded)
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
