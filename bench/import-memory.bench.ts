/**
 * The server's memory over repeated dossier imports: a real server process (`parindex serve`) on
 * a fresh PostgreSQL database (PARINDEX_BENCH_DATABASE_URL; else "skipped") receives three uploads
 * of a generated CSV (default 1,000,000 rows): new dossiers, the same file again (every dossier
 * updated through the staging table), then another file of new dossiers. Its resident set size
 * (VmRSS of /proc/<pid>/status) is read when idle, at its peak during each import, and a few
 * seconds after each. Target: after the third import, RSS within 150 MB of what it was after the
 * first (no growth from one import to the next).
 *
 * Rows: `--rows N` or PARINDEX_BENCH_ROWS. Run alone:
 * `PARINDEX_BENCH_DATABASE_URL=postgres://… node --import tsx bench/import-memory.bench.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { BenchFigure, BenchModule, BenchResult } from './run.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/parindex.mjs');
const PASSWORD = 'bench-import-memory';
const HEADER =
  'Mã hồ sơ,Mã thủ tục,Tên thủ tục,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';
const GROWTH_LIMIT_MB = 150;

function rowsWanted(): number {
  const i = process.argv.indexOf('--rows');
  if (i >= 0) return Number(process.argv[i + 1]);
  return Number(process.env.PARINDEX_BENCH_ROWS ?? 1_000_000);
}

async function writeCsv(file: string, prefix: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  let chunk = `${HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    chunk += `${prefix}-${i},1.001193,Đăng ký khai sinh,03203,CB${i % 50},${day}/${month}/2024 08:00,${day}/${month}/2024 17:00,${day}/${month}/2024 10:00,${i % 3 === 0 ? 'Trực tuyến toàn trình' : 'Trực tiếp'}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
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

async function startServer(
  databaseUrl: string,
  dataDir: string,
): Promise<{
  child: ChildProcess;
  base: string;
}> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PARINDEX_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PARINDEX_ADMIN_PASSWORD: PASSWORD,
      PARINDEX_DEMO: '0',
      PARINDEX_NOTIFY_INTERVAL_MINUTES: '0',
      PARINDEX_MAX_UPLOAD_MB: '500',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  return { child, base: `http://127.0.0.1:${port}` };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(): Promise<BenchResult> {
  const url = process.env.PARINDEX_BENCH_DATABASE_URL;
  if (!url) return { figures: [{ label: 'PostgreSQL', value: 'skipped (no URL)' }] };
  const rows = rowsWanted();
  const work = mkdtempSync(path.join(tmpdir(), 'parindex-import-memory-'));
  const name = `parindex_bench_memory_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  let child: ChildProcess | null = null;
  const figures: BenchFigure[] = [];
  try {
    const fileA = path.join(work, 'a.csv');
    const fileB = path.join(work, 'b.csv');
    await writeCsv(fileA, 'A', rows);
    await writeCsv(fileB, 'B', rows);
    const server = await startServer(target.toString(), path.join(work, 'data'));
    child = server.child;
    const pid = child.pid!;
    const login = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    await sleep(3000);
    const idle = rssMb(pid);
    figures.push({ label: 'RSS idle', value: `${idle} MB` });
    const after: number[] = [];
    const runs: Array<[string, string]> = [
      ['1: new dossiers', fileA],
      ['2: same file, all updated', fileA],
      ['3: another file, new', fileB],
    ];
    for (const [label, file] of runs) {
      const form = new FormData();
      form.set('source', 'Bench');
      form.set('file', await openAsBlob(file, { type: 'text/csv' }), path.basename(file));
      const started = Date.now();
      let peak = rssMb(pid);
      const res = await fetch(`${server.base}/api/v1/dossiers/import`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      if (res.status !== 202) throw new Error(`import refused: ${res.status} ${await res.text()}`);
      const { jobId } = (await res.json()) as { jobId: number };
      let status = 'queued';
      while (status === 'queued' || status === 'running') {
        await sleep(200);
        peak = Math.max(peak, rssMb(pid));
        const job = await fetch(`${server.base}/api/v1/dossiers/jobs/${jobId}`, {
          headers: { cookie },
        });
        status = ((await job.json()) as { status: string }).status;
      }
      if (status !== 'succeeded') throw new Error(`import ${label} ended ${status}`);
      const seconds = (Date.now() - started) / 1000;
      await sleep(5000);
      const settled = rssMb(pid);
      after.push(settled);
      figures.push({
        label: `import ${label}`,
        value: `${seconds.toFixed(1)} s, peak ${peak} MB, after ${settled} MB`,
      });
    }
    const growth = after[2]! - after[0]!;
    figures.push({ label: 'growth, first to third import', value: `${growth} MB` });
    return {
      figures,
      target: `RSS after the third import within ${GROWTH_LIMIT_MB} MB of after the first`,
      pass: growth <= GROWTH_LIMIT_MB,
    };
  } finally {
    child?.kill('SIGTERM');
    await sleep(1000);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

export const bench: BenchModule = { name: 'Server memory over three dossier imports', run };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printResult } = await import('./run.ts');
  printResult(bench.name, await run());
}
