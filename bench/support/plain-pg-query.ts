/**
 * The baseline of the one-shot benches: one SQL query sent through plain `pg` by a process of its
 * own, timed there (the rows read into memory, nothing else done with them).
 *
 * `node --import tsx bench/support/plain-pg-query.ts` with PARINDEX_BASELINE_URL (database),
 * PARINDEX_BASELINE_SQL, PARINDEX_BASELINE_PARAMS (JSON array) and PARINDEX_BASELINE_RUNS
 * (default 3); prints one line of JSON: the time of each run in ms and the rows of the last.
 */
import pg from 'pg';

const url = process.env.PARINDEX_BASELINE_URL;
const sql = process.env.PARINDEX_BASELINE_SQL;
const params = JSON.parse(process.env.PARINDEX_BASELINE_PARAMS ?? '[]') as unknown[];
const runs = Number(process.env.PARINDEX_BASELINE_RUNS ?? 3);
if (!url || !sql) throw new Error('PARINDEX_BASELINE_URL and PARINDEX_BASELINE_SQL are required');

const client = new pg.Client({ connectionString: url });
await client.connect();
const times: number[] = [];
let rows = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const result = await client.query(sql, params);
  times.push(performance.now() - start);
  rows = result.rowCount ?? result.rows.length;
}
await client.end();
process.stdout.write(`${JSON.stringify({ times, rows })}\n`);
