/**
 * Public SIPAS submissions: the app listens on 127.0.0.1 (port 0) and N forms are sent to
 * POST /api/v1/public/sipas/responses by C concurrent keep-alive clients (in a worker thread), each with its
 * own client id, through the whole path (rate counters, form token with its HMAC and a real 3 s
 * wait, validation, insert committed before the acknowledgement). Then, in the same run, the
 * baseline: the same number of the same single-row INSERT, sent by C workers of a plain `pg`
 * process of its own (bench/support/plain-pg-inserts.ts; on the embedded database, which has one
 * process, through the same statement in this one). Both rates, p50/p99 and the ratio are printed.
 *
 * Runs against PostgreSQL when PARINDEX_BENCH_DATABASE_URL is set (a fresh database is created on
 * that server and dropped afterwards), else against the embedded database, which is single-process
 * and not what the targets are for (figures are printed, no PASS/FAIL). Targets (PostgreSQL):
 * ≥ 2.000 accepted answers/s, p99 < 50 ms, and at least half the baseline's rate.
 *
 * Environment: PARINDEX_BENCH_SIPAS_N (default 20000), PARINDEX_BENCH_SIPAS_C (default 32),
 * PARINDEX_BENCH_SIPAS_MAX_SECONDS (default 120, per phase). Run alone:
 * `node --import tsx bench/sipas-submit.bench.ts`.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { DEFAULT_QUESTIONNAIRE, scaleQuestions } from '../src/domain/sipas/questionnaire.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import type { Deps } from '../src/server/deps.ts';
import { createApp } from '../src/server/http/app.ts';
import { systemClock } from '../src/server/infra/clock.ts';
import { openEmbeddedDb, openPostgresDb, type Db } from '../src/server/infra/db.ts';
import { createStorage } from '../src/server/infra/storage.ts';
import * as repo from '../src/server/features/sipas/repository.ts';
import { ensureDefaultQuestionnaire } from '../src/server/features/sipas/service.ts';
import type { BenchModule, BenchResult } from './run.ts';

const N = Number(process.env.PARINDEX_BENCH_SIPAS_N ?? 20_000);
const C = Number(process.env.PARINDEX_BENCH_SIPAS_C ?? 32);
const MAX_MS = Number(process.env.PARINDEX_BENCH_SIPAS_MAX_SECONDS ?? 120) * 1000;
const POOL = 20;
const TARGET_RATE = 2000;
const TARGET_P99_MS = 50;

async function openBenchDb(): Promise<{
  db: Db;
  backend: string;
  databaseUrl?: string;
  drop: () => Promise<void>;
}> {
  const url = process.env.PARINDEX_BENCH_DATABASE_URL;
  if (!url) return { db: await openEmbeddedDb(null), backend: 'embedded', drop: async () => {} };
  const name = `parindex_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    db: await openPostgresDb(target.toString(), POOL),
    backend: 'postgres',
    databaseUrl: target.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The baseline on PostgreSQL: the product's INSERT sent by a plain `pg` process of its own. */
function plainInserts(
  databaseUrl: string,
  total: number,
  concurrency: number,
  params: unknown[],
): Promise<{ ok: number; failed: number; ms: number; latencies: number[] }> {
  const sql = `INSERT INTO sipas_responses (campaign_id, unit_id, field_id, channel, answers, profile, suggestion,
       client_id, dossier_code, paper_serial, entered_by, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT DO NOTHING RETURNING id, received_at`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./support/plain-pg-inserts.ts', import.meta.url))],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          PARINDEX_BASELINE_URL: databaseUrl,
          PARINDEX_BASELINE_SQL: sql,
          PARINDEX_BASELINE_PARAMS: JSON.stringify(params),
          PARINDEX_BASELINE_N: String(total),
          PARINDEX_BASELINE_C: String(concurrency),
          PARINDEX_BASELINE_MAX_MS: String(MAX_MS),
        },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`baseline exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
    });
  });
}

/** Runs `total` tasks on `concurrency` workers, timing each; stops at the deadline. */
async function runWorkers(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<boolean>,
): Promise<{ ok: number; failed: number; ms: number; latencies: number[] }> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + MAX_MS;
  const worker = async () => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      const success = await task(i).catch(() => false);
      latencies.push(performance.now() - t);
      if (success) ok += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ok, failed, ms: performance.now() - start, latencies };
}

/**
 * The load generator runs in a worker thread (keep-alive HTTP, C sockets), so the server's own
 * event loop is not shared with the clients' JSON and socket work.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { url, total, concurrency, maxMs, template } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
function post(body) {
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname,
      method: 'POST', agent, headers: { 'content-type': 'application/json',
      'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}
(async () => {
  let next = 0, ok = 0, failed = 0;
  const latencies = [];
  const start = performance.now();
  const deadline = start + maxMs;
  const worker = async () => {
    while (next < total && performance.now() < deadline) {
      next++;
      const body = JSON.stringify({ ...template, clientId: randomUUID() });
      const t = performance.now();
      const success = await post(body);
      latencies.push(performance.now() - t);
      if (success) ok++; else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  parentPort.postMessage({ ok, failed, ms: performance.now() - start, latencies });
})();
`;

function loadFromWorker(data: {
  url: string;
  total: number;
  concurrency: number;
  maxMs: number;
  template: Record<string, unknown>;
}): Promise<{ ok: number; failed: number; ms: number; latencies: number[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: data });
    worker.once('message', (m: { ok: number; failed: number; ms: number; latencies: number[] }) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function measure(): Promise<BenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-'));
  const { db, backend, databaseUrl, drop } = await openBenchDb();
  const base = loadConfig({ PARINDEX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const config: Config = {
    ...base,
    demo: false,
    adminPassword: 'bench-password-123',
    sipasRatePerAddress: 1_000_000_000,
    sipasRatePerForm: 1_000_000_000,
  };
  const deps: Deps = { db, clock: systemClock, config, storage: createStorage(config) };
  try {
    await prepareDatabase(db, config, systemClock);
    const [unit] = await db.query<{ id: number }>(
      "SELECT id FROM units WHERE kind = 'commune' AND valid_to IS NULL ORDER BY id LIMIT 1",
    );
    const now = new Date();
    const campaignId = await db.transaction(async (tx) => {
      const questionnaireId = await ensureDefaultQuestionnaire(tx, now);
      const id = await repo.insertCampaign(
        tx,
        {
          name: 'Bench',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          status: 'open',
          ownerUnitId: null,
          questionnaireId,
          fields: [{ id: 'dat-dai', name: 'Đất đai' }],
          channels: ['web'],
          satisfiedLevels: [4, 5],
          overallMethod: 'element-mean',
          marginOfError: 500,
        },
        null,
        now,
      );
      await repo.replaceCampaignUnits(tx, id, [unit!.id], []);
      return id;
    });

    const app = await createApp(deps, { logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const url = `http://127.0.0.1:${port}`;
    const form = (await (await fetch(`${url}/api/v1/public/sipas/forms/${campaignId}`)).json()) as {
      formToken: string;
    };
    // A person takes longer than the minimum fill time; so does the bench.
    await new Promise((r) => setTimeout(r, config.sipasMinFillSeconds * 1000 + 200));
    const answers = Object.fromEntries(
      scaleQuestions(DEFAULT_QUESTIONNAIRE).map((q, i) => [q.question.id, (i % 3) + 3]),
    );
    const profile = { respondentType: 'individual', channel: 'counter' };
    const api = await loadFromWorker({
      url: `${url}/api/v1/public/sipas/responses`,
      total: N,
      concurrency: C,
      maxMs: MAX_MS,
      template: {
        campaignId,
        formToken: form.formToken,
        channel: 'web',
        unitId: unit!.id,
        fieldId: 'dat-dai',
        questionnaireId: DEFAULT_QUESTIONNAIRE.id,
        questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
        answers,
        profile,
        suggestion: 'Góp ý thử',
        website: '',
      },
    });
    await app.close();
    const [stored] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sipas_responses WHERE campaign_id = $1',
      [campaignId],
    );

    const baseRow = {
      campaignId,
      unitId: unit!.id,
      fieldId: 'dat-dai',
      channel: 'web',
      answers,
      profile,
      suggestion: 'Góp ý thử',
      clientId: randomUUID(),
      dossierCode: null,
      paperSerial: null,
      enteredBy: null,
    };
    // On PostgreSQL the baseline is a process of its own sending the same INSERT with plain `pg`;
    // the embedded database has one process, so there it runs here through the same statement.
    const baseline =
      databaseUrl !== undefined
        ? await plainInserts(databaseUrl, api.ok + api.failed, C, [
            baseRow.campaignId,
            baseRow.unitId,
            baseRow.fieldId,
            baseRow.channel,
            JSON.stringify(answers),
            JSON.stringify(profile),
            baseRow.suggestion,
            '{uuid}',
            null,
            null,
            null,
            '{now}',
          ])
        : await runWorkers(api.ok + api.failed, C, async () => {
            const row = await repo.insertResponse(
              db,
              { ...baseRow, clientId: randomUUID() },
              new Date(),
            );
            return row !== null;
          });

    const apiSorted = [...api.latencies].sort((a, b) => a - b);
    const baseSorted = [...baseline.latencies].sort((a, b) => a - b);
    const apiRate = (api.ok / api.ms) * 1000;
    const baseRate = (baseline.ok / baseline.ms) * 1000;
    const p99 = percentile(apiSorted, 99);
    const ratio = baseRate > 0 ? apiRate / baseRate : 0;
    const figures = [
      {
        label: 'Cơ sở dữ liệu',
        value:
          backend === 'postgres'
            ? 'PostgreSQL (PARINDEX_BENCH_DATABASE_URL)'
            : 'nhúng (PGlite, một tiến trình) — đặt PARINDEX_BENCH_DATABASE_URL để đo trên PostgreSQL',
      },
      { label: 'Phiếu gửi / đồng thời', value: `${fmt(N)} / ${C}` },
      {
        label: 'API: nhận / lỗi / đã lưu',
        value: `${fmt(api.ok)} / ${fmt(api.failed)} / ${fmt(stored?.n ?? 0)}`,
      },
      { label: 'API: phiếu/giây', value: fmt(apiRate) },
      {
        label: 'API: p50 / p99',
        value: `${fmt(percentile(apiSorted, 50), 1)} ms / ${fmt(p99, 1)} ms`,
      },
      { label: 'Gốc (INSERT trực tiếp): dòng/giây', value: fmt(baseRate) },
      {
        label: 'Gốc: p50 / p99',
        value: `${fmt(percentile(baseSorted, 50), 1)} ms / ${fmt(percentile(baseSorted, 99), 1)} ms`,
      },
      { label: 'Tỷ lệ API / gốc', value: `${fmt(ratio * 100, 1)} %` },
    ];
    if (backend !== 'postgres') return { figures };
    return {
      figures,
      target: `≥ ${TARGET_RATE} answers/s, p99 < ${TARGET_P99_MS} ms, ≥ 50 % of the baseline (PostgreSQL)`,
      pass:
        api.failed === 0 &&
        stored?.n === api.ok &&
        apiRate >= TARGET_RATE &&
        p99 < TARGET_P99_MS &&
        ratio >= 0.5,
    };
  } finally {
    await db.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Registered with bench/run.ts by the `.bench.ts` suffix. */
export const bench: BenchModule = {
  name: 'Nhận phiếu SIPAS công khai (public submissions)',
  run: measure,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  const result = await measure();
  printResult(bench.name, result);
  if (result.pass === false) process.exitCode = 1;
}
