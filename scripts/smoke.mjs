#!/usr/bin/env node
// Start-up smoke test: `parindex serve` under this very Node (process.execPath) on an embedded
// database in a temporary data folder, GET /healthz until it answers 200, then SIGTERM and wait
// for a clean exit. CI runs it under every supported Node version. Exit code 0 = passed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_MS = 180_000;

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const dataDir = mkdtempSync(join(tmpdir(), 'parindex-smoke-'));
const port = await freePort();
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PARINDEX_DATA_DIR: dataDir };
delete env.DATABASE_URL;
env.PARINDEX_DEMO = '0';
env.PARINDEX_NOTIFY_INTERVAL_MINUTES = '0';

const started = Date.now();
const child = spawn(process.execPath, [join(root, 'bin/parindex.mjs'), 'serve'], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));
const exited = new Promise((resolve) =>
  child.once('exit', (code, signal) => resolve({ code, signal })),
);

let failure = null;
try {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (Date.now() - started > LIMIT_MS) throw new Error('no answer from /healthz in time');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
} catch (e) {
  failure = e;
}
child.kill('SIGTERM');
const { code, signal } = await Promise.race([
  exited,
  new Promise((r) => setTimeout(() => r({ code: null, signal: 'timeout' }), 30_000)),
]);
if (signal === 'timeout') child.kill('SIGKILL');
rmSync(dataDir, { recursive: true, force: true });
if (!failure && code !== 0) failure = new Error(`the server stopped with ${code ?? signal}`);
if (failure) {
  console.error(output);
  console.error(`smoke test on Node ${process.version}: ${failure.message}`);
  process.exit(1);
}
console.log(
  `smoke test on Node ${process.version}: /healthz answered 200, stopped cleanly (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
