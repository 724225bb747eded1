/**
 * Quarterly views under concurrent readers at national size, on PostgreSQL: 10,000,000 dossiers
 * over four quarters of the 3,321 communes and wards of the 34 provinces (the data of
 * `dossier-aggregate.bench.ts`). Then:
 * - the product: the app listens on 127.0.0.1 and 5 readers ask
 *   `GET /api/v1/dossiers/quarter-view?unitId=…&period=2026-Q2` through autocannon (a process of
 *   its own), signed in as a province's officer (the province's view) and then as a national
 *   administrator of the ministry (the national view);
 * - the baseline: a plain `pg` HTTP server in a process of its own (`support/plain-pg-server.ts`)
 *   answering the same 5 readers with the equivalent SQL: the quarter's sums per unit and official
 *   of the area and the first page of its late dossiers, in one statement.
 * Target: product p95 under 1 s with 5 readers, for each view.
 *
 * The data is generated once into the database `parindex_bench_quarterly` on the server of
 * PARINDEX_BENCH_DATABASE_URL and kept (later runs only apply new migrations);
 * PARINDEX_BENCH_RESEED=1 generates it again. Rows: PARINDEX_BENCH_QUARTERLY_ROWS (default
 * 10,000,000). Without PARINDEX_BENCH_DATABASE_URL the bench is printed as skipped. Run with the
 * others (`npm run bench -- quarterly`) or alone (`node --import tsx bench/quarterly-readers.bench.ts`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { formatHundredths } from '../src/domain/format.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Deps } from '../src/server/deps.ts';
import { hashPassword } from '../src/server/features/auth/password.ts';
import { createApp } from '../src/server/http/app.ts';
import { SESSION_COOKIE } from '../src/server/http/session.ts';
import { fixedClock } from '../src/server/infra/clock.ts';
import { openPostgresDb, type Db } from '../src/server/infra/db.ts';
import { migrate } from '../src/server/infra/migrate.ts';
import { createStorage } from '../src/server/infra/storage.ts';
import { generate } from './dossier-aggregate.bench.ts';
import { runReaders, startPlainPgServer } from './support/processes.ts';
import type { ReadersResult } from './support/readers.ts';
import type { BenchFigure, BenchModule, BenchResult } from './run.ts';

const DATABASE = 'parindex_bench_quarterly';
const READERS = 5;
const SECONDS = Number(process.env.PARINDEX_BENCH_READERS_SECONDS ?? 20);
const TARGET_P95_MS = 1000;
/** A reader waits this long for an answer (a baseline scanning the country's quarter is slow). */
const TIMEOUT_SECONDS = 120;
const PERIOD = '2026-Q2';
const PASSWORD = 'bench-password-123';
const NOW = new Date('2026-07-10T02:00:00Z');

/** Opens the bench database, generating its data when it is missing (or asked to). */
async function openData(url: string, dataDir: string): Promise<{ db: Db; seeded: string }> {
  const rows = Number(process.env.PARINDEX_BENCH_QUARTERLY_ROWS ?? 10_000_000);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const target = new URL(url);
  target.pathname = `/${DATABASE}`;
  let ready = false;
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 1 && process.env.PARINDEX_BENCH_RESEED !== '1') {
      const probe = new pg.Client({ connectionString: target.toString() });
      await probe.connect();
      const done = await probe.query(`SELECT to_regclass('bench_seed_done') IS NOT NULL AS ok`);
      await probe.end();
      ready = (done.rows[0] as { ok: boolean }).ok;
    }
    if (!ready) {
      await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${DATABASE}`);
    }
  } finally {
    await admin.end();
  }
  const db = await openPostgresDb(target.toString(), 10);
  if (ready) {
    await migrate(db);
    return { db, seeded: 'kept from an earlier run' };
  }
  const config = {
    ...loadConfig({ PARINDEX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    demo: false,
    adminPassword: PASSWORD,
  };
  const t0 = performance.now();
  await prepareDatabase(db, config, fixedClock(NOW));
  await generate(db, rows);
  // As autovacuum leaves a table after a large load: its visibility map set, for index-only reads.
  await db.query('VACUUM ANALYZE dossiers');
  await db.query('CREATE TABLE bench_seed_done (rows bigint)');
  await db.query('INSERT INTO bench_seed_done VALUES ($1)', [rows]);
  return { db, seeded: `generated in ${((performance.now() - t0) / 1000).toFixed(0)} s` };
}

/** A province officer and a national officer of the ministry, created once; their user names. */
async function ensureReaders(
  db: Db,
  provinceId: number,
): Promise<{ province: string; national: string }> {
  const accounts = [
    { username: 'bench-province', role: 'unit_officer', unitId: provinceId as number | null },
    { username: 'bench-ministry', role: 'standing_agency', unitId: null },
  ];
  const hash = await hashPassword(PASSWORD);
  for (const a of accounts) {
    await db.query(`DELETE FROM users WHERE username = $1`, [a.username]);
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO users (username, full_name, email, password_hash, must_change_password, created_at, updated_at)
       VALUES ($1, $1, NULL, $2, false, now(), now()) RETURNING id`,
      [a.username, hash],
    );
    await db.query('INSERT INTO role_grants (user_id, role, unit_id) VALUES ($1, $2, $3)', [
      row!.id,
      a.role,
      a.unitId,
    ]);
  }
  return { province: 'bench-province', national: 'bench-ministry' };
}

/**
 * What the view reads, as one plain statement: the quarter's sums per unit and per official of the
 * area's units (the ids $1, every unit under the area's path), the number of late dossiers and the first 100 of them.
 */
const BASELINE_SQL = `WITH sums AS (
    SELECT unit_id, official_code, count(*) AS dossiers,
      ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `sum(p${i}) AS s${i}, count(p${i}) AS n${i}`).join(', ')},
      count(*) FILTER (WHERE timeliness = 'early') AS early,
      count(*) FILTER (WHERE timeliness = 'on-time') AS on_time,
      count(*) FILTER (WHERE timeliness = 'late') AS late,
      count(*) FILTER (WHERE timeliness = 'pending') AS pending,
      count(*) FILTER (WHERE channel = 'online-full') AS online_full,
      count(*) FILTER (WHERE channel = 'online-partial') AS online_partial,
      count(*) FILTER (WHERE channel = 'postal' OR returned_by_post) AS postal,
      count(online_payment) AS payment_applicable,
      count(*) FILTER (WHERE online_payment) AS paid_online,
      sum(handling_seconds) AS handling_seconds, count(finished_at) AS handled
    FROM dossiers WHERE period = $2 AND unit_id = ANY($1::int[])
    GROUP BY GROUPING SETS ((unit_id), (unit_id, official_code))),
  overdue AS (
    SELECT d.* FROM dossiers d WHERE d.period = $2 AND d.unit_id = ANY($1::int[])
      AND (d.timeliness = 'late' OR (d.finished_at IS NULL AND d.due_at < $3::timestamptz))),
  page AS (SELECT * FROM overdue ORDER BY received_at DESC, code DESC LIMIT 100)
SELECT (SELECT json_agg(sums) FROM sums) AS sums, (SELECT count(*) FROM overdue) AS late_total,
  (SELECT json_agg(page) FROM page) AS late_page`;

const ms = (value: number): string => `${formatHundredths(Math.round(value * 100), 2)} ms`;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Runs the readers process against a URL and returns its figures. */
const readers = (url: string, seconds: number, headers: Record<string, string> = {}) =>
  runReaders(url, READERS, seconds, headers, TIMEOUT_SECONDS);

/** Starts the plain `pg` server answering BASELINE_SQL for one area; its port and a stop. */
const startBaseline = (url: string, params: unknown[]) =>
  startPlainPgServer(url, BASELINE_SQL, params);

const line = (r: ReadersResult): string =>
  `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)} (${r.requests} yêu cầu${r.non2xx > 0 ? `, ${r.non2xx} lỗi` : ''})`;

async function measure(): Promise<BenchResult> {
  const url = process.env.PARINDEX_BENCH_DATABASE_URL;
  if (!url)
    return {
      figures: [
        {
          label: '[PostgreSQL]',
          value:
            'bỏ qua: đặt PARINDEX_BENCH_DATABASE_URL=postgres://người_dùng@máy:cổng/cơ_sở_dữ_liệu (cơ sở dữ liệu parindex_bench_quarterly được tạo và giữ lại) và chạy lại `npm run bench -- quarterly`',
        },
      ],
      target: 'PostgreSQL only; not measured',
    };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-'));
  const { db, seeded } = await openData(url, dataDir);
  const target = new URL(url);
  target.pathname = `/${DATABASE}`;
  try {
    // The province with the most dossiers in the quarter.
    const [big] = await db.query<{ id: number; name: string; path: string; dossiers: number }>(
      `SELECT p.id, p.name, p.path, count(*)::int AS dossiers FROM dossiers d
       JOIN units u ON u.id = d.unit_id JOIN units p ON p.path = '/' || split_part(u.path, '/', 2) || '/'
       WHERE d.period = $1 GROUP BY p.id, p.name, p.path ORDER BY dossiers DESC LIMIT 1`,
      [PERIOD],
    );
    const [{ n: total } = { n: 0 }] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dossiers',
    );
    const province = big!;
    const idsUnder = async (prefix: string) =>
      (
        await db.query<{ id: number }>('SELECT id FROM units WHERE path LIKE $1', [`${prefix}%`])
      ).map((r) => r.id);
    const users = await ensureReaders(db, province.id);
    const config = loadConfig({ PARINDEX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const deps: Deps = { db, clock: fixedClock(NOW), config, storage: createStorage(config) };
    const app = await createApp(deps, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const cookieOf = async (username: string) => {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: PASSWORD },
      });
      if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode}`);
      return `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`;
    };
    const views = [
      {
        label: `tỉnh (${province.name}, cán bộ của tỉnh)`,
        url: `http://127.0.0.1:${port}/api/v1/dossiers/quarter-view?unitId=${province.id}&period=${PERIOD}`,
        cookie: await cookieOf(users.province),
        params: [await idsUnder(province.path), PERIOD, NOW.toISOString()],
        baselineSeconds: SECONDS,
      },
      {
        label: 'toàn quốc (cán bộ của Bộ)',
        url: `http://127.0.0.1:${port}/api/v1/dossiers/quarter-view?period=${PERIOD}`,
        cookie: await cookieOf(users.national),
        params: [await idsUnder('/'), PERIOD, NOW.toISOString()],
        baselineSeconds: 60,
      },
    ];
    const figures: BenchFigure[] = [];
    // Each figure is also printed as soon as measured (a long run shows its progress).
    const push = figures.push.bind(figures);
    figures.push = (...items: BenchFigure[]) => {
      for (const f of items) console.error(`  … ${f.label}: ${f.value}`);
      return push(...items);
    };
    figures.push(
      { label: 'Hồ sơ (toàn quốc, 4 quý)', value: `${total.toLocaleString('vi-VN')} (${seeded})` },
      {
        label: `Hồ sơ quý ${PERIOD} của tỉnh lớn nhất`,
        value: province.dossiers.toLocaleString('vi-VN'),
      },
    );
    const results: Array<{ label: string; product: ReadersResult }> = [];
    for (const view of views) {
      // After a write: the first reader sums the quarter (the revision moved), then all share it.
      await db.query(`UPDATE dossiers SET updated_at = updated_at WHERE code = 'AG1'`);
      const t = performance.now();
      const first = await fetch(view.url, { headers: { cookie: view.cookie } });
      const body = (await first.json()) as { late?: { total: number; items: unknown[] } };
      if (first.status !== 200) throw new Error(`${view.url}: ${first.status}`);
      figures.push({
        label: `Sản phẩm, ${view.label}: lần đọc đầu sau khi hồ sơ thay đổi`,
        value: `${ms(performance.now() - t)} (${body.late?.total ?? 0} hồ sơ trễ hạn, trang ${body.late?.items.length ?? 0})`,
      });
      const product = await readers(view.url, SECONDS, { cookie: view.cookie });
      figures.push({
        label: `Sản phẩm, ${view.label}: ${READERS} người đọc`,
        value: `${line(product)}; tải ${load()}`,
      });
      results.push({ label: view.label, product });
    }
    await app.close();
    let pass = true;
    for (const [i, view] of views.entries()) {
      const baseline = await startBaseline(target.toString(), view.params);
      let base: ReadersResult;
      try {
        // A plain scan of the country's quarter takes seconds: long enough for answers to come back.
        base = await readers(
          `http://127.0.0.1:${baseline.port}/`,
          Math.max(SECONDS, view.baselineSeconds),
        );
      } finally {
        baseline.stop();
      }
      const product = results[i]!.product;
      const ok = product.requests > 0 && product.non2xx === 0 && product.p95 < TARGET_P95_MS;
      pass &&= ok;
      figures.push(
        {
          label: `Đối chứng (pg thuần, tiến trình riêng), ${view.label}`,
          value: `${line(base)}; tải ${load()}`,
        },
        {
          label: `Tỉ lệ p95 sản phẩm / đối chứng, ${view.label}`,
          value: `${base.p95 > 0 ? formatHundredths(Math.round((product.p95 / base.p95) * 100), 2) : 'không đo được (đối chứng không trả lời)'}: ${ok ? 'PASS' : 'FAIL'}`,
        },
      );
    }
    return {
      figures,
      target: `p95 < ${TARGET_P95_MS} ms with ${READERS} readers, for a province's view and the national view`,
      pass,
    };
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Registered with bench/run.ts by the `.bench.ts` suffix. */
export const bench: BenchModule = {
  name: 'Kết quả quý của tỉnh và toàn quốc, 10 triệu hồ sơ: 5 người đọc (PostgreSQL, so với pg thuần)',
  run: measure,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  if (process.env.PARINDEX_BENCH_SEED_ONLY === '1') {
    const dir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-'));
    const { db, seeded } = await openData(process.env.PARINDEX_BENCH_DATABASE_URL ?? '', dir);
    console.log(seeded);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  } else {
    const result = await measure();
    printResult(bench.name, result);
    if (result.pass === false) process.exitCode = 1;
  }
}
