/**
 * Dossier import end to end: a generated CSV (default 1,000,000 rows: procedures, units, channels,
 * late dossiers in a realistic mix) imported through the same job as the API (read, check, score,
 * binary COPY, index rebuild) followed by the quarterly GROUP BY aggregation, on PostgreSQL when
 * PARINDEX_BENCH_DATABASE_URL is set (else it prints "skipped") and on the embedded database. The
 * same file is also loaded into a bare table of text columns by `psql \copy` (PostgreSQL) or the
 * embedded database's own COPY: target ≤ 2× the `\copy` time, and peak RSS < 500 MB.
 *
 * Rows: `--rows N` or PARINDEX_BENCH_ROWS (the embedded run uses PARINDEX_BENCH_EMBEDDED_ROWS,
 * default the same). Run alone: `node --import tsx bench/dossier-import.bench.ts --rows 200000`.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Actor } from '../src/domain/access.ts';
import { DEFAULT_DOSSIER_CONFIG } from '../src/domain/dossiers/config.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Deps } from '../src/server/deps.ts';
import { startDossierImport } from '../src/server/features/dossiers/import.ts';
import { foldIntoArea } from '../src/server/features/dossiers/repository.ts';
import { loadAccumulator } from '../src/server/features/dossiers/service.ts';
import { fixedClock } from '../src/server/infra/clock.ts';
import { openEmbeddedDb, openPostgresDb, type Db } from '../src/server/infra/db.ts';
import { createStorage } from '../src/server/infra/storage.ts';
import type { BenchFigure, BenchModule, BenchResult } from './run.ts';

const ACTOR: Actor = {
  userId: 0,
  username: 'bench',
  fullName: 'Bench',
  grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
};

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
async function generateCsv(dir: string, rows: number, unitCodes: string[]): Promise<string> {
  const file = path.join(dir, 'ho-so.csv');
  const out = createWriteStream(file);
  const rand = prng(42);
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
    chunk += `HS${String(i).padStart(9, '0')},${procedures[i % 60]},Thủ tục ${i % 60},Hộ tịch,${unit},CB${i % 3},${stamp(received)},${stamp(due)},${finished},${rand() < 0.8 ? 0 : 1},${rand() < 0.9 ? 1 : 2},${channel},${rand() < 0.3 ? 'Có' : ''},${rand() < 0.05 ? 'x' : ''}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
  return file;
}

async function runOn(db: Db, label: string, rows: number, dir: string, figures: BenchFigure[]) {
  const base = loadConfig({ PARINDEX_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const config = { ...base, demo: false, adminPassword: 'bench-password-1' };
  const clock = fixedClock(new Date('2026-01-10T02:00:00Z'));
  await prepareDatabase(db, config, clock);
  const deps: Deps = { db, clock, config, storage: createStorage(config) };
  const units = await db.query<{ code: string }>(
    "SELECT code FROM units WHERE valid_to IS NULL AND kind IN ('commune', 'ward', 'special_zone')",
  );
  const file = await generateCsv(
    dir,
    rows,
    units.map((u) => u.code),
  );
  const t0 = performance.now();
  const { finished } = await startDossierImport(deps, ACTOR, {
    filePath: file,
    fileName: 'ho-so.csv',
    sourceName: 'bench',
    ownsFile: false,
  });
  const job = await finished;
  const tImport = performance.now() - t0;
  if (job.status !== 'succeeded')
    throw new Error(`${label}: ${job.message} ${JSON.stringify(job.problems.slice(0, 3))}`);
  const t1 = performance.now();
  let groups = 0;
  // Every unit of the country, mergers folded, as an area's quarterly view reads them.
  const fold = await foldIntoArea(db, '/');
  for (const period of Object.keys(job.periods ?? {})) {
    const acc = await loadAccumulator(deps, DEFAULT_DOSSIER_CONFIG, period, null, fold);
    groups += acc.periods.get(period)?.size ?? 0;
  }
  const tAgg = performance.now() - t1;
  figures.push(
    { label: `${label}: rows`, value: rows.toLocaleString('vi-VN') },
    {
      label: `${label}: import (read, check, score, COPY, index)`,
      value: `${(tImport / 1000).toFixed(1)} s`,
    },
    {
      label: `${label}: quarterly aggregation`,
      value: `${(tAgg / 1000).toFixed(2)} s (${groups} unit-quarters)`,
    },
  );
  return { file, total: tImport + tAgg };
}

/** Loads the CSV as it is into a bare table of text columns with the database's own COPY. */
async function rawCopy(db: Db, file: string): Promise<number> {
  const columns = HEADER.split(',').map((_, i) => `c${i}`);
  await db.query(`CREATE TABLE bare_copy (${columns.map((c) => `${c} text`).join(', ')})`);
  const t = performance.now();
  const copy = await db.copyIn('bare_copy', columns, 'csv');
  let rest = '';
  let header = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    const cut = text.lastIndexOf('\n') + 1;
    rest = text.slice(cut);
    let lines = text.slice(0, cut);
    if (header) {
      header = false;
      lines = lines.slice(lines.indexOf('\n') + 1);
    }
    await copy.write(lines);
  }
  if (rest) await copy.write(`${rest}\n`);
  await copy.end();
  return performance.now() - t;
}

const rssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function run(): Promise<BenchResult> {
  const rows = argRows() ?? Number(process.env.PARINDEX_BENCH_ROWS ?? 1_000_000);
  const embeddedRows = Number(process.env.PARINDEX_BENCH_EMBEDDED_ROWS ?? rows);
  const figures: BenchFigure[] = [];
  let pass: boolean | undefined;
  let pgRss: number | null = null;
  const url = process.env.PARINDEX_BENCH_DATABASE_URL;
  if (!url) {
    figures.push({
      label: 'PostgreSQL',
      value:
        'skipped (set PARINDEX_BENCH_DATABASE_URL=postgres://user@host:port/db, a role that may CREATE DATABASE)',
    });
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-'));
    const name = `parindex_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = await openPostgresDb(target.toString(), 4);
    try {
      await db.query('SELECT 1');
      const { file, total } = await runOn(db, 'PostgreSQL', rows, dir, figures);
      await db.query(
        `CREATE TABLE bare_copy (${HEADER.split(',')
          .map((_, i) => `c${i} text`)
          .join(', ')})`,
      );
      const t = performance.now();
      execFileSync('psql', [
        target.toString(),
        '-q',
        '-c',
        `\\copy bare_copy FROM '${file}' CSV HEADER`,
      ]);
      const tCopy = performance.now() - t;
      const ratio = total / tCopy;
      figures.push(
        {
          label: 'PostgreSQL: psql \\copy into a bare table',
          value: `${(tCopy / 1000).toFixed(1)} s`,
        },
        {
          label: 'PostgreSQL: ratio (import + aggregation) / \\copy',
          value: `${ratio.toFixed(1)}×`,
        },
        { label: 'PostgreSQL: peak RSS so far', value: `${rssMb().toFixed(0)} MB` },
      );
      // The memory target is the server's on PostgreSQL: measured before the embedded run, whose
      // database lives in this process (its WebAssembly memory only grows) and is printed apart.
      pgRss = rssMb();
      pass = ratio <= 2 && pgRss < 500;
    } finally {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (embeddedRows > 0) {
    const dir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-'));
    const db = await openEmbeddedDb(null);
    try {
      const { file, total } = await runOn(db, 'embedded', embeddedRows, dir, figures);
      const tCopy = await rawCopy(db, file);
      figures.push(
        {
          label: 'embedded: its own COPY into a bare table',
          value: `${(tCopy / 1000).toFixed(1)} s`,
        },
        {
          label: 'embedded: ratio (import + aggregation) / COPY',
          value: `${(total / tCopy).toFixed(1)}×`,
        },
      );
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  figures.push({
    label: 'peak RSS of the process (with the embedded database in it)',
    value: `${rssMb().toFixed(0)} MB`,
  });
  return {
    figures,
    target: 'import + aggregation ≤ 2× psql \\copy on PostgreSQL; peak RSS < 500 MB on PostgreSQL',
    pass: pgRss === null ? undefined : pass,
  };
}

export const bench: BenchModule = { name: 'Dossier import (CSV → dossiers → quarterly)', run };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  const result = await run();
  printResult(bench.name, result);
}
