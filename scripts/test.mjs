#!/usr/bin/env node
// `npm test`: unit and integration tests (Vitest, on the embedded database, or on PostgreSQL when
// PARINDEX_TEST_DATABASE_URL is set), then the browser end-to-end tests (Playwright driving
// Debian's Chromium). On a developer machine without Chromium the browser suite is skipped and
// said so; under CI (CI=1) a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ci = Boolean(process.env.CI);
const chromium = process.env.PARINDEX_CHROMIUM ?? '/usr/bin/chromium';
const results = [];

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  results.push({ name, ok: r.status === 0 });
  return r.status === 0;
}

step('unit + integration', 'npx', ['vitest', 'run']);

if (existsSync(chromium)) {
  step('end-to-end (Chromium)', 'npm', ['run', 'test:e2e', '--silent']);
} else if (ci) {
  console.error(`\n✗ Chromium not found at ${chromium}: the end-to-end suite cannot run under CI.`);
  results.push({ name: 'end-to-end (Chromium)', ok: false });
} else {
  console.log(
    `\n⚠ Skipped the end-to-end suite: no Chromium at ${chromium} (apt-get install chromium, or set PARINDEX_CHROMIUM).`,
  );
}

const failed = results.filter((r) => !r.ok);
console.log('\nSummary:');
for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name}`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
