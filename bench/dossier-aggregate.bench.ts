/**
 * Quarterly aggregation at national scale on PostgreSQL: 10,000,000 dossiers (four quarters) of the
 * 3,321 communes and wards, generated set-based in SQL; then, for each quarter, what a quarterly
 * view does: where each unit's dossiers count (mergers), the sums per unit and per official in one
 * GROUP BY scan, per-procedure counts, and the core's evaluation, classes and rates of every unit.
 * Target: under 10 s per quarter; the process stays small (sums come back, never dossiers).
 *
 * Needs PARINDEX_BENCH_DATABASE_URL (a role that may CREATE DATABASE); otherwise prints "skipped".
 * Rows: PARINDEX_BENCH_AGG_ROWS (default 10,000,000). Run alone:
 * `PARINDEX_BENCH_DATABASE_URL=postgres://… node --import tsx bench/dossier-aggregate.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { quarterView } from '../src/domain/dossiers/aggregate.ts';
import { DEFAULT_DOSSIER_CONFIG } from '../src/domain/dossiers/config.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Deps } from '../src/server/deps.ts';
import * as repo from '../src/server/features/dossiers/repository.ts';
import { loadAccumulator } from '../src/server/features/dossiers/service.ts';
import { fixedClock } from '../src/server/infra/clock.ts';
import { openPostgresDb, type Db } from '../src/server/infra/db.ts';
import { createStorage } from '../src/server/infra/storage.ts';
import type { BenchFigure, BenchModule, BenchResult } from './run.ts';

const PERIODS = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];
const CHUNK = 1_000_000;

/**
 * Inserts `rows` dossiers spread over the communes and the four quarters, a million at a time
 * (also the data of `quarterly-readers.bench.ts`).
 */
export async function generate(db: Db, rows: number): Promise<void> {
  await db.query(
    `CREATE TABLE bench_units AS
     SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id, code FROM units
     WHERE valid_to IS NULL AND kind IN ('commune', 'ward', 'special_zone')`,
  );
  const [{ units } = { units: 0 }] = await db.query<{ units: number }>(
    'SELECT count(*)::int AS units FROM bench_units',
  );
  await db.transaction(async (tx) => {
    const restore = await repo.suspendDossierIndexes(tx);
    for (let from = 1; from <= rows; from += CHUNK) {
      const to = Math.min(rows, from + CHUNK - 1);
      await tx.query(
        `INSERT INTO dossiers (code, unit_id, unit_code, official_code, procedure_code,
           procedure_name, field, received_at, due_at, finished_at, completion_requests,
           agencies_involved, channel, online_payment, returned_by_post, status, period, timeliness,
           handling_seconds, citizen_points, citizen_count, p1, p2, p3, p4, p5, p6, p7, p8, p9,
           config_version)
         SELECT 'AG' || g, u.id, u.code, 'CB' || (h % 5), '1.00' || (1000 + h % 60), 'Thủ tục',
           'Hộ tịch', r, r + interval '5 days', f, h % 2, 1,
           (ARRAY['counter', 'online-full', 'online-partial', 'postal'])[1 + (h >> 3) % 4],
           CASE (h >> 5) % 3 WHEN 0 THEN true WHEN 1 THEN false END, (h >> 7) % 17 = 0, '',
           to_char(r AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q'),
           CASE WHEN f IS NULL THEN 'pending' WHEN f > r + interval '5 days' THEN 'late'
             WHEN f < r + interval '4 days' THEN 'early' ELSE 'on-time' END,
           extract(epoch FROM f - r)::bigint, 0, 0,
           (h >> 2) % 3 * 100, (h >> 4) % 3 * 100, 200, (h >> 6) % 3 * 100,
           CASE WHEN h % 7 = 0 THEN NULL ELSE 200 END, (h >> 8) % 3 * 100, 200,
           (h >> 10) % 3 * 100, 200, $3
         FROM (
           SELECT g, h, timestamptz '2025-07-01 08:00+07' + (g % 364) * interval '1 day' AS r
           FROM (SELECT g, abs(hashint4(g)) AS h FROM generate_series($1::int, $2::int) g) s
         ) x
         CROSS JOIN LATERAL (SELECT CASE WHEN x.h % 20 = 0 THEN NULL
           ELSE x.r + ((x.h >> 12) % 7) * interval '1 day' END AS f) fin
         JOIN bench_units u ON u.n = x.h % $4`,
        [from, to, DEFAULT_DOSSIER_CONFIG.version, units],
      );
    }
    await restore();
  });
  await db.query('ANALYZE dossiers');
}

const rssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function run(): Promise<BenchResult> {
  const url = process.env.PARINDEX_BENCH_DATABASE_URL;
  if (!url) {
    return {
      figures: [
        {
          label: 'PostgreSQL',
          value:
            'skipped (set PARINDEX_BENCH_DATABASE_URL=postgres://user@host:port/db, a role that may CREATE DATABASE)',
        },
      ],
    };
  }
  const rows = Number(process.env.PARINDEX_BENCH_AGG_ROWS ?? 10_000_000);
  const figures: BenchFigure[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-'));
  const name = `parindex_bench_agg_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgresDb(target.toString(), 4);
  let worst = 0;
  try {
    const base = loadConfig({ PARINDEX_DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const config = { ...base, demo: false, adminPassword: 'bench-password-1' };
    const clock = fixedClock(new Date('2026-07-10T02:00:00Z'));
    await prepareDatabase(db, config, clock);
    const deps: Deps = { db, clock, config, storage: createStorage(config) };
    const t0 = performance.now();
    await generate(db, rows);
    figures.push(
      {
        label: 'dossiers generated (SQL, not timed against the target)',
        value: rows.toLocaleString('vi-VN'),
      },
      { label: 'generation', value: `${((performance.now() - t0) / 1000).toFixed(1)} s` },
    );
    for (const period of PERIODS) {
      const t = performance.now();
      // The whole country: every unit, with mergers folded as in an area's quarterly view.
      const fold = await repo.foldIntoArea(db, '/');
      const acc = await loadAccumulator(deps, DEFAULT_DOSSIER_CONFIG, period, null, fold);
      const groups = acc.periods.get(period) ?? new Map();
      const units = [...groups.keys()].map((code) => ({ code }));
      const view = quarterView(acc, period, units);
      const ms = performance.now() - t;
      worst = Math.max(worst, ms);
      figures.push({
        label: `${period}: ${units.length.toLocaleString('vi-VN')} units, ${view.area.dossiers.toLocaleString('vi-VN')} dossiers`,
        value: `${(ms / 1000).toFixed(2)} s (${view.counts.map((c) => `${c.count} ${c.label}`).join(', ')})`,
      });
    }
    figures.push({ label: 'peak RSS of the process', value: `${rssMb().toFixed(0)} MB` });
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    figures,
    target: 'each quarter (3,321 units) under 10 s on PostgreSQL',
    pass: worst < 10_000,
  };
}

export const bench: BenchModule = { name: 'Dossier quarterly aggregation (10M dossiers)', run };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  printResult(bench.name, await run());
}
