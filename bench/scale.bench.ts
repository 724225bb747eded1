/**
 * Several server processes on one PostgreSQL primary and its streaming replica: real `parindex
 * serve` processes (ports PARINDEX_BENCH_SCALE_PORTS, default 3405 and 3406) on one database, and
 * a load client in a worker thread that sends each request to the next process in turn, as a
 * round-robin reverse proxy would. Measured with 1 process, then 2:
 * - public SIPAS submissions (POST /api/v1/public/sipas/responses, each with its own client id,
 *   the whole path: rate counters, form token, validation, insert committed before the answer);
 * - ranking reads (GET /api/v1/campaigns/:id/results?limit=50 of the demo's 2026 campaign, signed
 *   in as the administrator), which read on the replica when one is given.
 * Each phase runs PARINDEX_BENCH_SCALE_SECONDS (default 10) with PARINDEX_BENCH_SCALE_C (default
 * 16) concurrent keep-alive clients. No target: the figures show what a second process brings on
 * this machine (on a machine of 2 cores the processes, the load client and PostgreSQL share them).
 *
 * Needs PARINDEX_BENCH_DATABASE_URL (a fresh database is created on that server and dropped
 * afterwards) and, for the reads, PARINDEX_BENCH_DATABASE_READ_URL: a streaming replica of that
 * server (the same database name is used on it). Run with `npm run bench -- scale`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { DEFAULT_QUESTIONNAIRE, scaleQuestions } from '../src/domain/sipas/questionnaire.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { systemClock } from '../src/server/infra/clock.ts';
import { openPostgresDb } from '../src/server/infra/db.ts';
import * as repo from '../src/server/features/sipas/repository.ts';
import { ensureDefaultQuestionnaire } from '../src/server/features/sipas/service.ts';
import type { BenchFigure, BenchModule, BenchResult } from './run.ts';

const SECONDS = Number(process.env.PARINDEX_BENCH_SCALE_SECONDS ?? 10);
const C = Number(process.env.PARINDEX_BENCH_SCALE_C ?? 16);
const PORTS = (process.env.PARINDEX_BENCH_SCALE_PORTS ?? '3405,3406').split(',').map(Number);
const PASSWORD = 'bench-password-123';
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/parindex.mjs');

/** Starts `parindex serve` on `port`; resolves once it listens. */
function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no start on ${port}:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('parindex đang chạy tại')) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`server on ${port} exited (${code}):\n${output}`)),
    );
  });
}

interface Load {
  ok: number;
  failed: number;
  ms: number;
  latencies: number[];
}

/**
 * The load client: `concurrency` keep-alive clients for `maxMs`, each request to the next of
 * `bases` in turn. `body` set: POSTs of that JSON with a fresh clientId each; else GETs.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { bases, pathname, concurrency, maxMs, body, cookie } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency * bases.length });
const targets = bases.map((b) => new URL(b));
let turn = 0;
function send() {
  const target = targets[turn++ % targets.length];
  const payload = body ? JSON.stringify({ ...body, clientId: randomUUID() }) : undefined;
  const headers = payload
    ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
    : {};
  if (cookie) headers.cookie = cookie;
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path: pathname,
      method: payload ? 'POST' : 'GET', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end(payload);
  });
}
(async () => {
  let ok = 0, failed = 0;
  const latencies = [];
  const start = performance.now();
  const deadline = start + maxMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const success = await send();
      latencies.push(performance.now() - t);
      if (success) ok++; else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  parentPort.postMessage({ ok, failed, ms: performance.now() - start, latencies });
})();
`;

function load(data: {
  bases: string[];
  pathname: string;
  body?: Record<string, unknown>;
  cookie?: string;
  seconds: number;
}): Promise<Load> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, {
      eval: true,
      workerData: {
        bases: data.bases,
        pathname: data.pathname,
        body: data.body,
        cookie: data.cookie,
        concurrency: C,
        maxMs: data.seconds * 1000,
      },
    });
    worker.once('message', (m: Load) => {
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

const line = (r: Load, unit: string): string => {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return `${fmt((r.ok / r.ms) * 1000, 1)} ${unit}/giây, p50 ${fmt(percentile(sorted, 50), 1)} ms, p99 ${fmt(percentile(sorted, 99), 1)} ms (${fmt(r.ok)} thành công${r.failed > 0 ? `, ${fmt(r.failed)} lỗi` : ''})`;
};

async function measureOn(url: string, readUrl: string | undefined): Promise<BenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-'));
  const base = loadConfig({ PARINDEX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const config: Config = { ...base, demo: true, adminPassword: PASSWORD };
  const db = await openPostgresDb(url, 4);
  const servers: ChildProcess[] = [];
  try {
    // The demo (its 2026 campaign ranks a few dozen units) and an open SIPAS campaign.
    await prepareDatabase(db, config, systemClock);
    const [unit] = await db.query<{ id: number }>(
      "SELECT id FROM units WHERE kind = 'commune' AND valid_to IS NULL ORDER BY id LIMIT 1",
    );
    const now = new Date();
    const sipasId = await db.transaction(async (tx) => {
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

    const env: Record<string, string> = {
      DATABASE_URL: url,
      ...(readUrl ? { DATABASE_READ_URL: readUrl } : {}),
      PARINDEX_DATA_DIR: dataDir,
      PARINDEX_ADMIN_PASSWORD: PASSWORD,
      PARINDEX_DEMO: '0',
      PARINDEX_SIPAS_RATE_PER_ADDRESS: '1000000000',
      PARINDEX_SIPAS_RATE_PER_FORM: '1000000000',
      PARINDEX_LOGIN_RATE_PER_MINUTE: '1000',
      PARINDEX_NOTIFY_INTERVAL_MINUTES: '0',
      LOG_LEVEL: 'warn',
    };
    const bases = PORTS.map((p) => `http://127.0.0.1:${p}`);
    servers.push(await startServer(env, PORTS[0]!));

    const login = await fetch(`${bases[0]}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    // The session only: the cookie that keeps a browser on the primary after a change is left out,
    // so the reads go to the replica as an ordinary reader's do.
    const cookie =
      login.headers
        .getSetCookie()
        .find((c) => c.startsWith('parindex_session='))
        ?.split(';')[0] ?? '';
    const campaigns = (await (
      await fetch(`${bases[0]}/api/v1/campaigns`, { headers: { cookie } })
    ).json()) as { items: Array<{ id: number; year: number; name: string }> };
    const c2026 = campaigns.items.find((c) => c.year === 2026 && /dữ liệu mẫu/.test(c.name))!.id;
    const rankingPath = `/api/v1/campaigns/${c2026}/results?limit=50`;
    const ranking = (await (
      await fetch(`${bases[0]}${rankingPath}`, { headers: { cookie } })
    ).json()) as { total: number };

    const form = (await (
      await fetch(`${bases[0]}/api/v1/public/sipas/forms/${sipasId}`)
    ).json()) as {
      formToken: string;
    };
    await new Promise((r) => setTimeout(r, config.sipasMinFillSeconds * 1000 + 200));
    const submission = {
      campaignId: sipasId,
      formToken: form.formToken,
      channel: 'web',
      unitId: unit!.id,
      fieldId: 'dat-dai',
      questionnaireId: DEFAULT_QUESTIONNAIRE.id,
      questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
      answers: Object.fromEntries(
        scaleQuestions(DEFAULT_QUESTIONNAIRE).map((q, i) => [q.question.id, (i % 3) + 3]),
      ),
      profile: { respondentType: 'individual', channel: 'counter' },
      suggestion: 'Góp ý thử',
      website: '',
    };
    const phase = async (count: number) => {
      const targets = bases.slice(0, count);
      // A short warm-up of both paths, then the measured runs.
      await load({ bases: targets, pathname: rankingPath, cookie, seconds: 2 });
      await load({
        bases: targets,
        pathname: '/api/v1/public/sipas/responses',
        body: submission,
        seconds: 2,
      });
      const reads = await load({ bases: targets, pathname: rankingPath, cookie, seconds: SECONDS });
      const writes = await load({
        bases: targets,
        pathname: '/api/v1/public/sipas/responses',
        body: submission,
        seconds: SECONDS,
      });
      return { reads, writes };
    };
    const one = await phase(1);
    servers.push(await startServer(env, PORTS[1]!));
    const two = await phase(2);

    const figures: BenchFigure[] = [
      {
        label: 'Cơ sở dữ liệu',
        value: readUrl
          ? 'PostgreSQL: máy chủ chính + bản sao chỉ đọc (DATABASE_READ_URL)'
          : 'PostgreSQL: chỉ máy chủ chính',
      },
      {
        label: 'Tải',
        value: `${C} kết nối giữ mở, ${SECONDS} giây mỗi lượt, luân phiên giữa các tiến trình`,
      },
      { label: 'Xếp hạng đọc', value: `trang 50 của ${ranking.total} đơn vị (đợt 2026 mẫu)` },
      { label: 'Phiếu SIPAS, 1 tiến trình', value: line(one.writes, 'phiếu') },
      { label: 'Phiếu SIPAS, 2 tiến trình', value: line(two.writes, 'phiếu') },
      { label: 'Đọc xếp hạng, 1 tiến trình', value: line(one.reads, 'yêu cầu') },
      { label: 'Đọc xếp hạng, 2 tiến trình', value: line(two.reads, 'yêu cầu') },
    ];
    return { figures };
  } finally {
    for (const s of servers) s.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
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
            'bỏ qua: đặt PARINDEX_BENCH_DATABASE_URL (và PARINDEX_BENCH_DATABASE_READ_URL, bản sao của cùng máy chủ) rồi chạy lại `npm run bench -- scale`',
        },
      ],
    };
  const name = `parindex_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  let readTarget: string | undefined;
  if (process.env.PARINDEX_BENCH_DATABASE_READ_URL) {
    const r = new URL(process.env.PARINDEX_BENCH_DATABASE_READ_URL);
    r.pathname = `/${name}`;
    readTarget = r.toString();
  }
  try {
    return await measureOn(target.toString(), readTarget);
  } finally {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

/** Registered with bench/run.ts by the `.bench.ts` suffix. */
export const bench: BenchModule = {
  name: 'Nhiều tiến trình máy chủ trên một máy chủ chính và bản sao: phiếu SIPAS và đọc xếp hạng',
  run: measure,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  printResult(bench.name, await measure());
}
