/**
 * Dossier import end to end, as a person does it, against the floor of what storing the same rows
 * costs. On PostgreSQL (PARINDEX_BENCH_DATABASE_URL; else "skipped"), in one run on a fresh database:
 * - product: a real server process (`parindex serve`), signed in as the administrator, receives a
 *   generated CSV (default 1,000,000 rows: procedures, units of one province, channels, late
 *   dossiers in a realistic mix) by the import route; the time runs from the upload's start to
 *   the job's end (reading, checking, scoring on the server's worker threads, COPY, commit);
 * - readers: meanwhile two clients ask without pause for the dossier list and the province's
 *   quarterly view (a tenth of the rows imported before, so both have data): their p99;
 * - baseline: in a process of its own with plain `pg`, the same rows, already encoded (exported by
 *   the server in binary COPY format before the clock starts), loaded by binary COPY into a table
 *   shaped like `dossiers` with its primary key (best of two);
 * - the server's RSS idle, at its peak during the import and 5 s after.
 * Then an embedded server (PGlite in the process) imports PARINDEX_BENCH_EMBEDDED_ROWS rows
 * (default the same) by the same route: its peak RSS.
 * Targets: import ≤ 2× the baseline; readers' p99 < 500 ms; embedded peak RSS < 1 GB; server RSS
 * 5 s after the import within 150 MB of idle.
 *
 * Rows: `--rows N` or PARINDEX_BENCH_ROWS. Run alone:
 * `PARINDEX_BENCH_DATABASE_URL=postgres://… node --import tsx bench/dossier-import.bench.ts`.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { BenchFigure, BenchModule, BenchResult } from './run.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/parindex.mjs');
const PASSWORD = 'bench-dossier-import';
const READERS_P99_MS = 500;
const EMBEDDED_RSS_MB = 1024;
const SETTLE_MB = 150;

function argRows(): number | null {
  const i = process.argv.indexOf('--rows');
  return i >= 0 ? Number(process.argv[i + 1]) : null;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER =
  'Mã hồ sơ,Mã thủ tục,Tên thủ tục,Lĩnh vực,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Số lần yêu cầu bổ sung,Số cơ quan tham gia giải quyết,Hình thức nộp,Thanh toán trực tuyến,Trả kết quả qua bưu chính';
const CHANNELS = [
  'Trực tiếp',
  'Trực tuyến toàn trình',
  'Trực tuyến một phần',
  'Qua bưu chính công ích',
];
const pad = (n: number) => String(n).padStart(2, '0');

function stamp(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Writes the CSV, streaming; returns its path. */
async function generateCsv(
  file: string,
  prefix: string,
  rows: number,
  unitCodes: string[],
  seed: number,
): Promise<string> {
  const out = createWriteStream(file);
  const rand = prng(seed);
  const procedures = Array.from({ length: 60 }, (_, i) => `1.00${1000 + i}`);
  const start = Date.UTC(2025, 6, 1, 1, 0);
  let chunk = `${HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const unit = unitCodes[Math.floor(rand() * unitCodes.length)] as string;
    const received =
      start + Math.floor(rand() * 170) * 86_400_000 + Math.floor(rand() * 9) * 3_600_000;
    const due = received + (3 + Math.floor(rand() * 10)) * 86_400_000;
    const r = rand();
    const finished =
      r < 0.05
        ? ''
        : stamp(r < 0.13 ? due + 2 * 86_400_000 : received + Math.floor(rand() * (due - received)));
    const c = rand();
    const channel = CHANNELS[c < 0.55 ? 0 : c < 0.75 ? 1 : c < 0.92 ? 2 : 3];
    chunk += `${prefix}${String(i).padStart(9, '0')},${procedures[i % 60]},Thủ tục ${i % 60},Hộ tịch,${unit},CB${i % 3},${stamp(received)},${stamp(due)},${finished},${rand() < 0.8 ? 0 : 1},${rand() < 0.9 ? 1 : 2},${channel},${rand() < 0.3 ? 'Có' : ''},${rand() < 0.05 ? 'x' : ''}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
  return file;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  base: string;
  cookie: string;
  csrf: string;
}

/** A server process on `databaseUrl` (null: the embedded database in `dataDir`), signed in. */
async function startServer(databaseUrl: string | null, dataDir: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PARINDEX_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PARINDEX_ADMIN_PASSWORD: PASSWORD,
    PARINDEX_DEMO: '0',
    PARINDEX_NOTIFY_INTERVAL_MINUTES: '0',
    PARINDEX_MAX_UPLOAD_MB: '1000',
    LOG_LEVEL: 'warn',
  };
  if (databaseUrl === null) delete env.DATABASE_URL;
  else env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('parindex đang chạy tại')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { child, base, cookie, csrf: csrfToken };
}

async function stopServer(server: Server | null): Promise<void> {
  if (server === null || server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
}

/** Uploads `file` by the import route and waits for its job; peak RSS sampled meanwhile. */
async function importFile(
  server: Server,
  file: string,
): Promise<{ seconds: number; peakMb: number; periods: Record<string, number> }> {
  const pid = server.child.pid!;
  let peak = rssMb(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 100);
  try {
    const started = performance.now();
    const form = new FormData();
    form.set('source', 'Bench');
    form.set('file', await openAsBlob(file, { type: 'text/csv' }), path.basename(file));
    const res = await fetch(`${server.base}/api/v1/dossiers/import`, {
      method: 'POST',
      headers: { cookie: server.cookie, 'x-csrf-token': server.csrf },
      body: form,
    });
    if (res.status !== 202) throw new Error(`import refused: ${res.status} ${await res.text()}`);
    const { jobId } = (await res.json()) as { jobId: number };
    for (;;) {
      await sleep(100);
      const job = (await (
        await fetch(`${server.base}/api/v1/dossiers/jobs/${jobId}`, {
          headers: { cookie: server.cookie },
        })
      ).json()) as { status: string; message: string | null; periods: Record<string, number> };
      if (job.status === 'queued' || job.status === 'running') continue;
      if (job.status !== 'succeeded') throw new Error(`import ended ${job.status}: ${job.message}`);
      return { seconds: (performance.now() - started) / 1000, peakMb: peak, periods: job.periods };
    }
  } finally {
    clearInterval(sampler);
  }
}

/** Asks `url` without pause until `stop` is set; the latencies in ms. */
async function reader(server: Server, url: string, stop: { done: boolean }): Promise<number[]> {
  const times: number[] = [];
  while (!stop.done) {
    const t = performance.now();
    const res = await fetch(`${server.base}${url}`, { headers: { cookie: server.cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t);
  }
  return times;
}

function p99(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/**
 * The baseline, in its own process with plain `pg`: the imported rows exported by the server in
 * binary COPY format (not timed), then loaded by binary COPY into a table shaped like `dossiers`
 * with its primary key; best of two loads, in ms (printed as JSON).
 */
async function baselineChild(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_baseline');
    await client.query('CREATE TABLE bench_baseline (LIKE dossiers)');
    await client.query('ALTER TABLE bench_baseline ADD PRIMARY KEY (code)');
    const chunks: Buffer[] = [];
    const out = client.query(
      copyTo(
        `COPY (SELECT * FROM dossiers WHERE code LIKE '${prefix}%') TO STDOUT (FORMAT binary)`,
      ),
    );
    for await (const chunk of out) chunks.push(chunk as Buffer);
    const bytes = chunks.reduce((n, c) => n + c.length, 0);
    let best = Infinity;
    for (let attempt = 0; attempt < 2; attempt++) {
      await client.query('TRUNCATE bench_baseline');
      await client.query('CHECKPOINT');
      const t = performance.now();
      await pipeline(
        Readable.from(chunks),
        client.query(copyFrom('COPY bench_baseline FROM STDIN (FORMAT binary)')),
      );
      best = Math.min(best, performance.now() - t);
    }
    await client.query('DROP TABLE bench_baseline');
    process.stdout.write(JSON.stringify({ ms: best, bytes }));
  } finally {
    await client.end();
  }
}

function runBaseline(url: string, prefix: string): number {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--baseline', url, prefix],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return (JSON.parse(out) as { ms: number }).ms;
}

async function unitsOfOneProvince(url: string): Promise<{ provinceId: number; codes: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; path: string }>(
      `SELECT p.id, p.path FROM units p
       WHERE p.kind = 'province' AND p.valid_to IS NULL
         AND EXISTS (SELECT 1 FROM units c WHERE c.path LIKE p.path || '%'
                     AND c.valid_to IS NULL AND c.kind IN ('commune', 'ward', 'special_zone'))
       ORDER BY p.id LIMIT 1`,
    );
    const province = rows[0]!;
    const units = await client.query<{ code: string }>(
      `SELECT code FROM units WHERE path LIKE $1 || '%' AND valid_to IS NULL
       AND kind IN ('commune', 'ward', 'special_zone') ORDER BY code`,
      [province.path],
    );
    return { provinceId: province.id, codes: units.rows.map((u) => u.code) };
  } finally {
    await client.end();
  }
}

async function run(): Promise<BenchResult> {
  const rows = argRows() ?? Number(process.env.PARINDEX_BENCH_ROWS ?? 1_000_000);
  const embeddedRows = Number(process.env.PARINDEX_BENCH_EMBEDDED_ROWS ?? rows);
  const url = process.env.PARINDEX_BENCH_DATABASE_URL;
  const figures: BenchFigure[] = [];
  if (!url) {
    return {
      figures: [
        {
          label: 'PostgreSQL',
          value: 'skipped (set PARINDEX_BENCH_DATABASE_URL, a role that may CREATE DATABASE)',
        },
      ],
    };
  }
  const work = mkdtempSync(path.join(tmpdir(), 'parindex-bench-import-'));
  const name = `parindex_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  let server: Server | null = null;
  const checks: boolean[] = [];
  let unitCodes: string[] = [];
  try {
    server = await startServer(target.toString(), path.join(work, 'data'));
    const { provinceId, codes } = await unitsOfOneProvince(target.toString());
    unitCodes = codes;
    const warm = await generateCsv(
      path.join(work, 'truoc.csv'),
      'W',
      Math.max(1, Math.round(rows / 10)),
      codes,
      7,
    );
    const file = await generateCsv(path.join(work, 'ho-so.csv'), 'M', rows, codes, 42);
    const before = await importFile(server, warm);
    const period = Object.keys(before.periods).sort()[0]!;
    await sleep(3000);
    const idle = rssMb(server.child.pid!);
    // The readers alone first, the machine as it is: what the import adds to their latency.
    const quiet = { done: false };
    const alone = [
      reader(server, `/api/v1/dossiers?unitId=${provinceId}&period=${period}&limit=50`, quiet),
      reader(server, `/api/v1/dossiers/quarter-view?unitId=${provinceId}&period=${period}`, quiet),
    ];
    await sleep(3000);
    quiet.done = true;
    const [listAlone, quarterAlone] = await Promise.all(alone);
    const stop = { done: false };
    const readers = [
      reader(server, `/api/v1/dossiers?unitId=${provinceId}&period=${period}&limit=50`, stop),
      reader(server, `/api/v1/dossiers/quarter-view?unitId=${provinceId}&period=${period}`, stop),
    ];
    let imported: Awaited<ReturnType<typeof importFile>>;
    try {
      imported = await importFile(server, file);
    } finally {
      stop.done = true;
    }
    const [list, quarter] = await Promise.all(readers);
    await sleep(5000);
    const settled = rssMb(server.child.pid!);
    await stopServer(server);
    server = null;
    const baselineMs = runBaseline(target.toString(), 'M');
    const ratio = imported.seconds / (baselineMs / 1000);
    const listP99 = p99(list!);
    const quarterP99 = p99(quarter!);
    checks.push(ratio <= 2, Math.max(listP99, quarterP99) < READERS_P99_MS);
    checks.push(settled - idle <= SETTLE_MB);
    figures.push(
      { label: 'PostgreSQL: rows', value: rows.toLocaleString('vi-VN') },
      {
        label: 'product: upload + job (read, check, score, COPY, commit)',
        value: `${imported.seconds.toFixed(1)} s`,
      },
      {
        label: 'baseline: binary COPY, pre-encoded, table like dossiers with PK',
        value: `${(baselineMs / 1000).toFixed(1)} s`,
      },
      { label: 'ratio product / baseline', value: `${ratio.toFixed(2)}× (target ≤ 2×)` },
      {
        label: 'readers before the import: list / quarterly view p99',
        value: `${p99(listAlone!).toFixed(0)} / ${p99(quarterAlone!).toFixed(0)} ms`,
      },
      {
        label: 'readers during the import: dossier list p99',
        value: `${listP99.toFixed(0)} ms (${list!.length} requests)`,
      },
      {
        label: 'readers during the import: quarterly view p99',
        value: `${quarterP99.toFixed(0)} ms (${quarter!.length} requests)`,
      },
      {
        label: 'server RSS: idle / peak / 5 s after',
        value: `${idle} / ${imported.peakMb} / ${settled} MB`,
      },
    );
  } finally {
    await stopServer(server);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  if (embeddedRows > 0) {
    let embedded: Server | null = null;
    try {
      embedded = await startServer(null, path.join(work, 'embedded'));
      await sleep(3000);
      const embeddedIdle = rssMb(embedded.child.pid!);
      // Both databases hold the same units (the same migrations and seed).
      const file = await generateCsv(
        path.join(work, 'nhung.csv'),
        'E',
        embeddedRows,
        unitCodes,
        43,
      );
      const result = await importFile(embedded, file);
      checks.push(result.peakMb < EMBEDDED_RSS_MB);
      figures.push(
        { label: 'embedded: rows', value: embeddedRows.toLocaleString('vi-VN') },
        { label: 'embedded: upload + job', value: `${result.seconds.toFixed(1)} s` },
        {
          label: 'embedded: server RSS idle / peak',
          value: `${embeddedIdle} / ${result.peakMb} MB (target < 1 GB)`,
        },
      );
    } finally {
      await stopServer(embedded);
    }
  }
  rmSync(work, { recursive: true, force: true });
  figures.push({ label: 'machine load (uptime)', value: execFileSync('uptime').toString().trim() });
  return {
    figures,
    target: `import ≤ 2× baseline; readers' p99 < ${READERS_P99_MS} ms; server RSS after ≤ idle + ${SETTLE_MB} MB; embedded peak RSS < 1 GB`,
    pass: checks.every(Boolean),
  };
}

export const bench: BenchModule = { name: 'Dossier import (HTTP route, readers, baseline)', run };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--baseline');
  if (i >= 0) {
    await baselineChild(process.argv[i + 1]!, process.argv[i + 2]!);
  } else {
    const { printResult } = await import('./run.ts');
    const result = await run();
    printResult(bench.name, result);
  }
}
