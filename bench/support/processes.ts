/**
 * The reader benches' processes: the readers (support/readers.ts) and the plain `pg` baseline
 * server (support/plain-pg-server.ts), each started as a process of its own.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReadersResult } from './readers.ts';

const script = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

/** Runs `count` readers of a URL for `seconds` and returns their figures. */
export function runReaders(
  url: string,
  count: number,
  seconds: number,
  headers: Record<string, string> = {},
  timeoutSeconds?: number,
): Promise<ReadersResult> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', script('readers.ts'), url, String(count), String(seconds)];
    args.push(JSON.stringify(headers));
    if (timeoutSeconds !== undefined) args.push(String(timeoutSeconds));
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`readers exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as ReadersResult);
    });
  });
}

/** Starts the plain `pg` server answering `sql` with `params`; resolves with its port and a stop. */
export function startPlainPgServer(
  url: string,
  sql: string,
  params: unknown[],
): Promise<{ port: number; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script('plain-pg-server.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        PARINDEX_BASELINE_URL: url,
        PARINDEX_BASELINE_SQL: sql,
        PARINDEX_BASELINE_PARAMS: JSON.stringify(params),
      },
    });
    let out = '';
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
}
