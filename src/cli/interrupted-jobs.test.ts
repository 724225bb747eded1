/**
 * A server process killed (SIGKILL) in the middle of a large dossier import, on the database the
 * tests run on: started again, it shows the job interrupted, no staging table is left, the import
 * acknowledged before the kill is whole, and the interrupted import runs again to completion.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDb } from '../server/infra/db.ts';

const url = process.env.PARINDEX_TEST_DATABASE_URL;
const BIN = path.resolve(import.meta.dirname, '../../bin/parindex.mjs');
const PASSWORD = 'admin-interrupted-jobs';
const ROWS = 300_000;
const work = mkdtempSync(path.join(tmpdir(), 'parindex-interrupted-'));
const dataDir = path.join(work, 'data');
let databaseUrl: string | undefined;
let dbName = '';
let child: ChildProcess | null = null;
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<string> {
  const port = await freePort();
  const proc = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
      PARINDEX_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PARINDEX_ADMIN_PASSWORD: PASSWORD,
      PARINDEX_DEMO: '0',
      PARINDEX_NOTIFY_INTERVAL_MINUTES: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('parindex đang chạy tại')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return `http://127.0.0.1:${port}`;
}

async function stopServer(signal: NodeJS.Signals): Promise<void> {
  const proc = child;
  child = null;
  if (!proc || proc.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill(signal);
  });
}

/** Runs a query on the database while no server holds it (embedded) or at any time (PostgreSQL). */
async function sql<T extends object>(text: string): Promise<T[]> {
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return (await c.query<T>(text)).rows;
    } finally {
      await c.end();
    }
  }
  const db = await openEmbeddedDb(dataDir);
  try {
    return await db.query<T>(text);
  } finally {
    await db.close();
  }
}

const stagingTables = () =>
  sql<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE tablename LIKE 'dossier\\_staging\\_job\\_%'",
  ).then((rows) => rows.map((r) => r.tablename));

const HEADER =
  'Mã hồ sơ,Mã thủ tục,Tên thủ tục,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';

function csv(from: number, count: number): string {
  const lines = [HEADER];
  for (let i = from; i < from + count; i++) {
    lines.push(
      `HS-${i},1.001193,Đăng ký khai sinh,03203,CB1,05/02/2024 08:00,08/02/2024 17:00,06/02/2024 10:00,Trực tiếp`,
    );
  }
  return lines.join('\n') + '\n';
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: csrfToken };
}

async function startImport(s: Session, content: string, name: string): Promise<number> {
  const form = new FormData();
  form.set('source', 'Một cửa tỉnh');
  form.set('file', new Blob([content], { type: 'text/csv' }), name);
  const res = await fetch(`${base}/api/v1/dossiers/import`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { jobId: number }).jobId;
}

interface Job {
  status: string;
  rowsDone: number;
  inserted: number;
  updated: number;
  message: string | null;
  canRetry: boolean;
  retriedBy: number | null;
}

async function job(s: Session, id: number, language = 'vi'): Promise<Job> {
  const res = await fetch(`${base}/api/v1/dossiers/jobs/${id}`, {
    headers: { cookie: s.cookie, 'accept-language': language },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Job;
}

async function until(s: Session, id: number, done: (j: Job) => boolean): Promise<Job> {
  for (;;) {
    const j = await job(s, id);
    if (done(j)) return j;
    if (j.status === 'failed' || j.status === 'succeeded') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  if (url) {
    dbName = `parindex_interrupted_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${dbName}`;
    databaseUrl = target.toString();
  }
});

afterAll(async () => {
  await stopServer('SIGKILL');
  if (url && dbName) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  }
  rmSync(work, { recursive: true, force: true });
});

describe('a server killed during an import', () => {
  it(
    'shows the import interrupted, leaves no staging table, and runs it again',
    { timeout: 600_000 },
    async () => {
      base = await startServer();
      let s = await login();
      // Acknowledged before the kill: 1,000 dossiers, the first of them repeated by the large
      // file (so that the large file updates dossiers and goes through a staging table).
      const first = await startImport(s, csv(0, 1000), 'quy-1.csv');
      const firstDone = await until(s, first, (j) => j.status === 'succeeded');
      expect(firstDone).toMatchObject({ status: 'succeeded', inserted: 1000 });

      const large = await startImport(s, csv(0, ROWS), 'ca-nam.csv');
      const running = await until(s, large, (j) => j.status === 'running' && j.rowsDone > 0);
      expect(running.status).toBe('running');
      if (databaseUrl) expect(await stagingTables()).toEqual([`dossier_staging_job_${large}`]);
      await stopServer('SIGKILL');
      // The staging table and the kept upload are what the process left behind.
      if (!databaseUrl) expect(await stagingTables()).toEqual([`dossier_staging_job_${large}`]);
      expect(
        readdirSync(path.join(dataDir, 'uploads')).filter((f) => f.startsWith('dossiers-')),
      ).toHaveLength(1);

      base = await startServer();
      s = await login();
      const interrupted = await job(s, large);
      expect(interrupted).toMatchObject({ status: 'interrupted', canRetry: true, retriedBy: null });
      expect(interrupted.message).toContain('bị gián đoạn');
      expect((await job(s, large, 'en')).message).toContain('interrupted');
      expect(await job(s, first)).toMatchObject({ status: 'succeeded', inserted: 1000 });
      if (databaseUrl) {
        expect(await stagingTables()).toEqual([]);
        const [n] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM dossiers');
        expect(n!.n).toBe(1000);
      }

      const retry = await fetch(`${base}/api/v1/dossiers/jobs/${large}/retry`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
      expect(retry.status).toBe(202);
      const again = ((await retry.json()) as { jobId: number }).jobId;
      expect(again).not.toBe(large);
      const twice = await fetch(`${base}/api/v1/dossiers/jobs/${large}/retry`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
      expect(twice.status).toBe(409);
      const done = await until(s, again, () => false);
      expect(done).toMatchObject({ status: 'succeeded', inserted: ROWS - 1000, updated: 1000 });
      expect(await job(s, large)).toMatchObject({ status: 'interrupted', retriedBy: again });

      await stopServer('SIGTERM');
      expect(await stagingTables()).toEqual([]);
      const [n] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM dossiers');
      expect(n!.n).toBe(ROWS);
      expect(
        readdirSync(path.join(dataDir, 'uploads')).filter((f) => f.startsWith('dossiers-')),
      ).toEqual([]);
    },
  );
});
