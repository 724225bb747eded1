import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Three tiers: unit tests beside the domain code, integration tests through the HTTP API on a real
// database (embedded by default, PostgreSQL when PARINDEX_TEST_DATABASE_URL is set), and the web
// app's component tests. Browser end-to-end tests run under Playwright (e2e/).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The web app reaches the pure domain through the same alias as its Vite build.
        resolve: {
          alias: {
            '@domain': fileURLToPath(new URL('./src/domain', import.meta.url)),
            '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)),
          },
        },
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
