/**
 * Browser end-to-end tests: the built web app served by a real parindex server on a fresh embedded
 * database (official units and demo accounts loaded at start), driven through Debian's Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.PARINDEX_E2E_PORT ?? 3390);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// The config is loaded by the runner and again by each worker; only the runner creates (and later
// removes) the data directory, the workers inherit its path.
if (!process.env.PARINDEX_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parindex-e2e-'));
  process.env.PARINDEX_E2E_DATA_DIR = dataDir;
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

// Also in support/session.ts, which signs in with it.
const ADMIN_PASSWORD = 'admin-e2e-password';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(repoRoot, 'test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: {
    baseURL: BASE_URL,
    headless: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PARINDEX_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node bin/parindex.mjs serve',
    cwd: repoRoot,
    url: `${BASE_URL}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PARINDEX_DATA_DIR: process.env.PARINDEX_E2E_DATA_DIR,
      HOST: '127.0.0.1',
      PORT: String(PORT),
      PARINDEX_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // Every test signs in; the default of 20 sign-ins a minute per address would throttle them.
      PARINDEX_LOGIN_RATE_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
    },
  },
});
