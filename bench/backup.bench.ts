/**
 * Backup and restore of a province-sized database: the official units plus generated dossiers
 * (default 1,000,000), written by `backupToFile` and read back by `restoreFromFile` into a new
 * database, on PostgreSQL when PARINDEX_BENCH_DATABASE_URL is set (else it prints "skipped") and
 * on the embedded database. The baseline on PostgreSQL is `pg_dump -Fc` of the same database (every
 * table, compressed) and `pg_restore -1` of that dump into a new database; on the embedded
 * database, its own `COPY … TO '/dev/blob'` of every table, uncompressed. Target: the backup of
 * 1,000,000 dossiers in under 60 s on each backend (scaled to the rows generated).
 *
 * Rows: `--rows N` or PARINDEX_BENCH_ROWS (the embedded run uses PARINDEX_BENCH_EMBEDDED_ROWS,
 * default the same; 0 skips it). Run alone: `node --import tsx bench/backup.bench.ts --rows 200000`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { backupToFile, listTables, restoreFromFile } from '../src/server/infra/backup.ts';
import { fixedClock } from '../src/server/infra/clock.ts';
import { openEmbeddedDb, openPostgresDb, type Db } from '../src/server/infra/db.ts';
import type { BenchFigure, BenchModule, BenchResult } from './run.ts';

function argRows(): number | null {
  const i = process.argv.indexOf('--rows');
  return i >= 0 ? Number(process.argv[i + 1]) : null;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The units of a first start, then `rows` dossiers spread over the communes, in one statement. */
async function fill(db: Db, dir: string, rows: number): Promise<void> {
  const base = loadConfig({ PARINDEX_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  await prepareDatabase(
    db,
    { ...base, demo: false, adminPassword: 'bench-password-1' },
    fixedClock(new Date('2026-01-10T02:00:00Z')),
  );
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM units WHERE valid_to IS NULL AND kind IN ('commune', 'ward', 'special_zone')",
  );
  await db.query(
    `INSERT INTO dossiers (code, unit_id, unit_code, procedure_code, procedure_name, field,
        received_at, due_at, finished_at, completion_requests, agencies_involved, channel,
        online_payment, returned_by_post, status, citizen_ratings, period, timeliness,
        handling_seconds, citizen_points, citizen_count, p1, p2, p3, p4, p5, p6, p7, p8, p9,
        config_version)
     SELECT 'HS' || lpad(g::text, 9, '0'), u.id, u.code, '1.00' || (1000 + g % 60),
            'Thủ tục số ' || (g % 60), 'Hộ tịch', r, r + interval '5 days',
            CASE WHEN g % 20 = 0 THEN NULL ELSE r + interval '3 days' + (g % 7) * interval '1 hour' END,
            g % 2, 1 + g % 2, (ARRAY['counter', 'online-full', 'online-partial', 'postal'])[1 + g % 4],
            g % 3 = 0, g % 17 = 0, 'Đã trả kết quả',
            CASE WHEN g % 10 = 0 THEN '[100, 100, null, 75, 100, 100, 50, 100, 100]'::jsonb END,
            to_char(r, 'YYYY') || '-Q' || extract(quarter FROM r),
            CASE WHEN g % 20 = 0 THEN 'pending' ELSE 'early' END, 259200 + (g % 7) * 3600,
            g % 100, g % 2, 100, 100, 100, 100, 100, 100, 100, 100, 100, 'bench'
       FROM generate_series(1, $1::int) g
       CROSS JOIN LATERAL (SELECT timestamptz '2025-07-01 01:00+00' + (g % 170) * interval '1 day' AS r) t
       JOIN (SELECT id, code, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM units
              WHERE valid_to IS NULL AND kind IN ('commune', 'ward', 'special_zone')) u
         ON u.k = g % $2::int`,
    [rows, n],
  );
  await db.query('ANALYZE');
}

async function countRows(db: Db): Promise<number> {
  let total = 0;
  for (const t of await listTables(db)) {
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${t.name}"`,
    );
    total += n;
  }
  return total;
}

async function onPostgres(url: string, rows: number, figures: BenchFigure[]): Promise<boolean> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const stamp = Date.now();
  const names = ['source', 'restored', 'baseline'].map((n) => `parindex_bench_${n}_${stamp}`);
  const urlOf = (name: string) => {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  for (const name of names) await admin.query(`CREATE DATABASE ${name}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-backup-'));
  const source = await openPostgresDb(urlOf(names[0]!), 2);
  const restored = await openPostgresDb(urlOf(names[1]!), 2);
  try {
    await fill(source, path.join(dir, 'source'), rows);
    const file = path.join(dir, 'backup.parindex.gz');
    let t = performance.now();
    const written = await backupToFile(source, path.join(dir, 'source'), file);
    const tBackup = performance.now() - t;
    const dump = path.join(dir, 'baseline.dump');
    t = performance.now();
    execFileSync('pg_dump', ['-Fc', '-Z', '3', '-f', dump, urlOf(names[0]!)]);
    const tDump = performance.now() - t;
    t = performance.now();
    const read = await restoreFromFile(restored, path.join(dir, 'restored'), file);
    const tRestore = performance.now() - t;
    t = performance.now();
    execFileSync('pg_restore', ['-1', '-d', urlOf(names[2]!), dump]);
    const tPgRestore = performance.now() - t;
    const same = read.rows === written.rows && (await countRows(restored)) === written.rows;
    const target = 60_000 * (rows / 1_000_000);
    figures.push(
      { label: 'PostgreSQL: dossiers', value: rows.toLocaleString('vi-VN') },
      {
        label: 'PostgreSQL: rows in all tables',
        value: `${written.rows.toLocaleString('vi-VN')} in ${written.tables} tables`,
      },
      {
        label: 'PostgreSQL: parindex backup',
        value: `${seconds(tBackup)} (${mb(statSync(file).size)})`,
      },
      {
        label: 'PostgreSQL: pg_dump -Fc -Z3 (baseline)',
        value: `${seconds(tDump)} (${mb(statSync(dump).size)})`,
      },
      { label: 'PostgreSQL: ratio backup / pg_dump', value: `${(tBackup / tDump).toFixed(2)}×` },
      { label: 'PostgreSQL: parindex restore', value: seconds(tRestore) },
      { label: 'PostgreSQL: pg_restore -1 (baseline)', value: seconds(tPgRestore) },
      {
        label: 'PostgreSQL: ratio restore / pg_restore',
        value: `${(tRestore / tPgRestore).toFixed(2)}×`,
      },
      { label: 'PostgreSQL: restored rows equal the backup', value: same ? 'yes' : 'NO' },
    );
    return same && tBackup < target;
  } finally {
    await source.close();
    await restored.close();
    for (const name of names)
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onEmbedded(rows: number, figures: BenchFigure[]): Promise<boolean> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-backup-'));
  const source = await openEmbeddedDb(path.join(dir, 'source'));
  try {
    await fill(source, path.join(dir, 'source'), rows);
    const file = path.join(dir, 'backup.parindex.gz');
    let t = performance.now();
    const written = await backupToFile(source, path.join(dir, 'source'), file);
    const tBackup = performance.now() - t;
    // Baseline: the database's own COPY of every table, uncompressed, nothing written.
    let bytes = 0;
    t = performance.now();
    await source.transaction(async (tx) => {
      for (const table of await listTables(tx))
        for await (const chunk of tx.copyOut(
          `"${table.name}"`,
          table.columns.map((c) => `"${c}"`),
        ))
          bytes += chunk.byteLength;
    });
    const tCopy = performance.now() - t;
    await source.close();
    const restored = await openEmbeddedDb(path.join(dir, 'restored'));
    t = performance.now();
    const read = await restoreFromFile(restored, path.join(dir, 'restored'), file);
    const tRestore = performance.now() - t;
    const same = read.rows === written.rows && (await countRows(restored)) === written.rows;
    await restored.close();
    const target = 60_000 * (rows / 1_000_000);
    figures.push(
      { label: 'embedded: dossiers', value: rows.toLocaleString('vi-VN') },
      {
        label: 'embedded: parindex backup',
        value: `${seconds(tBackup)} (${mb(statSync(file).size)})`,
      },
      {
        label: 'embedded: its own COPY of every table (baseline)',
        value: `${seconds(tCopy)} (${mb(bytes)} uncompressed)`,
      },
      { label: 'embedded: ratio backup / COPY', value: `${(tBackup / tCopy).toFixed(2)}×` },
      { label: 'embedded: parindex restore', value: seconds(tRestore) },
      { label: 'embedded: restored rows equal the backup', value: same ? 'yes' : 'NO' },
    );
    return same && tBackup < target;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<BenchResult> {
  const rows = argRows() ?? Number(process.env.PARINDEX_BENCH_ROWS ?? 1_000_000);
  const embeddedRows = Number(process.env.PARINDEX_BENCH_EMBEDDED_ROWS ?? rows);
  const figures: BenchFigure[] = [];
  const verdicts: boolean[] = [];
  const url = process.env.PARINDEX_BENCH_DATABASE_URL;
  if (!url)
    figures.push({
      label: 'PostgreSQL',
      value:
        'skipped (set PARINDEX_BENCH_DATABASE_URL=postgres://user@host:port/db, a role that may CREATE DATABASE)',
    });
  else verdicts.push(await onPostgres(url, rows, figures));
  if (embeddedRows > 0) verdicts.push(await onEmbedded(embeddedRows, figures));
  return {
    figures,
    target: 'backup of 1,000,000 dossiers in under 60 s on each backend, restored rows equal',
    pass: verdicts.length ? verdicts.every(Boolean) : undefined,
  };
}

export const bench: BenchModule = { name: 'Backup and restore (COPY, both backends)', run };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  const result = await run();
  printResult(bench.name, result);
}
