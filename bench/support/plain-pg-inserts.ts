/**
 * A write baseline of the benches: a process of its own that sends N single-row statements with
 * plain `pg` (a pool of the product's size), C at a time, and prints what it measured as one JSON
 * line: { ok, failed, ms, latencies }. A statement counts as ok when it returns a row.
 *
 * `node --import tsx bench/support/plain-pg-inserts.ts` with PARINDEX_BASELINE_URL (database),
 * PARINDEX_BASELINE_SQL, PARINDEX_BASELINE_PARAMS (a JSON array; the string "{uuid}" is replaced by
 * a new UUID for each statement and "{now}" by the time it is sent), PARINDEX_BASELINE_N,
 * PARINDEX_BASELINE_C and PARINDEX_BASELINE_MAX_MS (a deadline for the whole run).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const env = process.env;
const url = env.PARINDEX_BASELINE_URL;
const sql = env.PARINDEX_BASELINE_SQL;
if (!url || !sql) throw new Error('PARINDEX_BASELINE_URL and PARINDEX_BASELINE_SQL are required');
const template = JSON.parse(env.PARINDEX_BASELINE_PARAMS ?? '[]') as unknown[];
const total = Number(env.PARINDEX_BASELINE_N ?? 1000);
const concurrency = Number(env.PARINDEX_BASELINE_C ?? 10);
const maxMs = Number(env.PARINDEX_BASELINE_MAX_MS ?? 120_000);

const pool = new pg.Pool({ connectionString: url, max: 10 });
// The bench drops its database when it ends; an idle connection closed then is not an error.
pool.on('error', () => undefined);
const params = () =>
  template.map((v) =>
    v === '{uuid}' ? randomUUID() : v === '{now}' ? new Date().toISOString() : v,
  );

let next = 0;
let ok = 0;
let failed = 0;
const latencies: number[] = [];
const start = performance.now();
const deadline = start + maxMs;
const worker = async () => {
  while (next < total && performance.now() < deadline) {
    next++;
    const t = performance.now();
    const done = await pool.query(sql, params()).then(
      (r) => (r.rowCount ?? 0) > 0,
      () => false,
    );
    latencies.push(performance.now() - t);
    if (done) ok++;
    else failed++;
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
const ms = performance.now() - start;
await pool.end();
process.stdout.write(`${JSON.stringify({ ok, failed, ms, latencies })}\n`);
