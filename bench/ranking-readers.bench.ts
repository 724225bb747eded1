/**
 * Ranking pages under concurrent readers at national size, on PostgreSQL: 3.321 communes × 120
 * nodes with self, round-1 and round-2 scores and survey points (the campaign of
 * `campaign-recompute.bench.ts`), results computed and stored. Then, in the same run:
 * - the product: the app listens on 127.0.0.1 and 20 readers signed in as a national
 *   administrator ask `GET /api/v1/campaigns/:id/results?limit=50` (the first page of 50) for
 *   PARINDEX_BENCH_READERS_SECONDS (default 10) through autocannon, run as a process of its own;
 * - the baseline: a plain `pg` HTTP server in a process of its own (`support/plain-pg-server.ts`)
 *   returning the same 50 stored rows, read by the same 20 readers for as long.
 * Targets: product p95 under 300 ms and at least half the baseline's requests per second.
 * Also printed: a page of 50 deep in the ranking read with its cursor, a filtered page, and the
 * whole ranking as one download.
 *
 * Needs PARINDEX_BENCH_DATABASE_URL (a fresh database is created on that server and dropped
 * afterwards); without it the bench is printed as skipped. Run with the others
 * (`npm run bench -- ranking`) or alone (`node --import tsx bench/ranking-readers.bench.ts`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { formatHundredths } from '../src/domain/format.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Deps } from '../src/server/deps.ts';
import { createApp } from '../src/server/http/app.ts';
import { SESSION_COOKIE } from '../src/server/http/session.ts';
import { fixedClock } from '../src/server/infra/clock.ts';
import { openPostgresDb } from '../src/server/infra/db.ts';
import { migrate } from '../src/server/infra/migrate.ts';
import { createStorage } from '../src/server/infra/storage.ts';
import { recomputeResults } from '../src/server/features/campaigns/results.service.ts';
import { seed } from './campaign-recompute.bench.ts';
import { runReaders, startPlainPgServer } from './support/processes.ts';
import type { ReadersResult } from './support/readers.ts';
import type { BenchFigure, BenchModule, BenchResult } from './run.ts';

const READERS = 20;
const PAGE = 50;
const SECONDS = Number(process.env.PARINDEX_BENCH_READERS_SECONDS ?? 10);
const TARGET_P95_MS = 300;
const TARGET_RATIO = 0.5;
const PASSWORD = 'bench-password-123';

/** The rows of the first page, as the product's page query reads them. */
const BASELINE_SQL = `SELECT r.*, u.code AS unit_code, u.name AS unit_name, p.status
  FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
  WHERE r.campaign_id = $1 ORDER BY r.position LIMIT ${PAGE}`;

const ms = (value: number): string => `${formatHundredths(Math.round(value * 100), 2)} ms`;
const rate = (value: number): string =>
  `${formatHundredths(Math.round(value * 100), 2)} yêu cầu/giây`;

/** Runs the readers process against a URL and returns its figures. */
const readers = (url: string, seconds: number, headers: Record<string, string> = {}) =>
  runReaders(url, READERS, seconds, headers);

/** Starts the plain `pg` server; resolves with its port and a stop function. */
const startBaseline = (url: string, campaignId: number) =>
  startPlainPgServer(url, BASELINE_SQL, [campaignId]);

const line = (r: ReadersResult): string =>
  `${rate(r.perSecond)}, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)} (${r.requests} yêu cầu${r.non2xx > 0 ? `, ${r.non2xx} lỗi` : ''})`;

async function measureOn(url: string): Promise<BenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-'));
  const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
  const db = await openPostgresDb(url, 10);
  try {
    await migrate(db);
    const campaignId = await seed(db, clock.now());
    await db.transaction((tx) => recomputeResults(tx, campaignId, clock.now()));
    await db.query('ANALYZE');

    const config = loadConfig({ PARINDEX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const deps: Deps = { db, clock, config, storage: createStorage(config) };
    const app = await createApp(deps, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bench', password: PASSWORD },
    });
    const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`;
    const base = `http://127.0.0.1:${port}/api/v1/campaigns/${campaignId}/results`;
    const get = async (query: string) => {
      const start = performance.now();
      const res = await fetch(`${base}${query}`, { headers: { cookie } });
      const body = (await res.json()) as {
        nextCursor: string | null;
        units: unknown[];
        total: number;
      };
      if (res.status !== 200) throw new Error(`${query}: ${res.status}`);
      return { body, ms: performance.now() - start };
    };
    const whole = await get('');
    const deep = await get(`?limit=${PAGE}&offset=${1600 - PAGE}`);
    const cursor = deep.body.nextCursor ?? '';

    await readers(`${base}?limit=${PAGE}`, 2, { cookie });
    const product = await readers(`${base}?limit=${PAGE}`, SECONDS, { cookie });
    const cursorPage = await readers(
      `${base}?limit=${PAGE}&cursor=${encodeURIComponent(cursor)}`,
      Math.max(3, SECONDS / 2),
      { cookie },
    );
    const filtered = await readers(
      `${base}?limit=${PAGE}&classLabel=${encodeURIComponent('Tốt')}&q=xa`,
      Math.max(3, SECONDS / 2),
      { cookie },
    );
    await app.close();

    const baselineServer = await startBaseline(url, campaignId);
    let baseline: ReadersResult;
    try {
      await readers(`http://127.0.0.1:${baselineServer.port}/`, 2);
      baseline = await readers(`http://127.0.0.1:${baselineServer.port}/`, SECONDS);
    } finally {
      baselineServer.stop();
    }

    const ratio = product.perSecond / baseline.perSecond;
    const pass = product.non2xx === 0 && product.p95 < TARGET_P95_MS && ratio >= TARGET_RATIO;
    const figures: BenchFigure[] = [
      {
        label: 'Đơn vị × nút × vòng',
        value: `3321 xã × 120 nút × 3 vòng (${whole.body.total} kết quả)`,
      },
      { label: `Sản phẩm: trang đầu ${PAGE}, ${READERS} người đọc`, value: line(product) },
      { label: `Đối chứng (pg thuần, tiến trình riêng)`, value: line(baseline) },
      { label: 'Tỉ lệ sản phẩm / đối chứng', value: formatHundredths(Math.round(ratio * 100), 2) },
      { label: `Sản phẩm: trang ${PAGE} theo con trỏ (sau vị trí 1600)`, value: line(cursorPage) },
      { label: `Sản phẩm: trang ${PAGE} lọc theo xếp loại và tên`, value: line(filtered) },
      {
        label: 'Toàn bộ xếp hạng, một lần tải',
        value: `${ms(whole.ms)} (${whole.body.units.length} đơn vị)`,
      },
    ];
    return {
      figures,
      target: `p95 < ${TARGET_P95_MS} ms with ${READERS} readers and ≥ ${TARGET_RATIO} × the plain pg server's rate`,
      pass,
    };
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(): Promise<BenchResult> {
  const url = process.env.PARINDEX_BENCH_DATABASE_URL;
  if (!url)
    return {
      figures: [
        {
          label: '[PostgreSQL]',
          value:
            'bỏ qua: đặt PARINDEX_BENCH_DATABASE_URL=postgres://người_dùng@máy:cổng/cơ_sở_dữ_liệu (một cơ sở dữ liệu tạm được tạo rồi xóa) và chạy lại `npm run bench -- ranking`',
        },
      ],
      target: 'PostgreSQL only; not measured',
    };
  const name = `parindex_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await measureOn(target.toString());
  } finally {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

/** Registered with bench/run.ts by the `.bench.ts` suffix. */
export const bench: BenchModule = {
  name: 'Xếp hạng một đợt toàn quốc: 20 người đọc một trang 50 (PostgreSQL, so với pg thuần)',
  run: measure,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  const result = await measure();
  printResult(bench.name, result);
  if (result.pass === false) process.exitCode = 1;
}
