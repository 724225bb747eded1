/**
 * The baseline of the reader benches: a plain Node.js HTTP server that answers every GET with the
 * rows of one fixed SQL query, read through plain `pg` (a pool of the product's size) and sent as
 * JSON. No framework, no session, no checks: the least any server must do to return those rows.
 *
 * `node --import tsx bench/support/plain-pg-server.ts` with PARINDEX_BASELINE_URL (database),
 * PARINDEX_BASELINE_SQL and PARINDEX_BASELINE_PARAMS (JSON array); prints `port <n>` once it listens.
 */
import { createServer } from 'node:http';
import pg from 'pg';

const url = process.env.PARINDEX_BASELINE_URL;
const sql = process.env.PARINDEX_BASELINE_SQL;
const params = JSON.parse(process.env.PARINDEX_BASELINE_PARAMS ?? '[]') as unknown[];
if (!url || !sql) throw new Error('PARINDEX_BASELINE_URL and PARINDEX_BASELINE_SQL are required');

const pool = new pg.Pool({ connectionString: url, max: 10 });
// The bench drops its database when it ends; an idle connection closed then is not an error.
pool.on('error', () => undefined);
const server = createServer((_req, res) => {
  pool.query(sql, params).then(
    (result) => {
      const body = JSON.stringify({ rows: result.rows });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    },
    (error: unknown) => {
      res.writeHead(500).end(String(error));
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`port ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end();
});
