/**
 * The import spread over worker threads: a file of several pieces (quoted fields, bad rows in
 * different pieces) gives the same job, the same problems and the same stored dossiers as the
 * job's own thread; a refused file leaves nothing visible, during the load or after; and on
 * PostgreSQL a reader with a short lock timeout reads `dossiers` while an import's transaction is
 * loading it (the import takes no lock that waits readers out).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/access.ts';
import { createHarness, testBackend, type Harness } from '../../test-support/harness.ts';
import { awaitDossierImport, startDossierImport, type JobView, type StartInput } from './import.ts';

const ADMIN: Actor & { userId: number } = {
  userId: 0,
  username: 'test',
  fullName: 'Test',
  grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
};

let h: Harness;
let dir: string;

beforeAll(async () => {
  h = await createHarness();
  const [admin] = await h.deps.db.query<{ id: number }>(
    "SELECT id FROM users WHERE username = 'admin'",
  );
  ADMIN.userId = admin!.id;
  dir = mkdtempSync(path.join(tmpdir(), 'parindex-import-workers-'));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER =
  'Mã hồ sơ,Mã thủ tục,Tên thủ tục,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';
const CHANNELS = ['Trực tiếp', 'Trực tuyến toàn trình', 'Trực tuyến một phần'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Row i of a generated file (its file row is i + 2): dates, channels and officials vary; every
 * 997th procedure name is quoted with a comma in it; `bad` rows end before they start (i in
 * `early`) or name an unknown unit (i in `unknown`).
 */
function line(prefix: string, i: number, early: Set<number>, unknown: Set<number>): string {
  const day = 1 + (i % 27);
  const month = 1 + (i % 12);
  const received = `${pad(day)}/${pad(month)}/2024 08:00`;
  const due = `${pad(day + 1)}/${pad(month)}/2024 17:00`;
  const finished = early.has(i)
    ? `01/01/2023 08:00`
    : i % 5 === 0
      ? ''
      : `${pad(day + (i % 3))}/${pad(month)}/2024 10:00`;
  const name = i % 997 === 0 ? `"Cấp bản sao, chứng thực ${i}"` : `Đăng ký khai sinh ${i % 40}`;
  const unit = unknown.has(i) ? '99999' : '03203';
  return [
    `${prefix}-${i}`,
    '1.001193',
    name,
    unit,
    `CB${i % 7}`,
    received,
    due,
    finished,
    CHANNELS[i % 3],
  ].join(',');
}

function file(prefix: string, rows: number, early: number[] = [], unknown: number[] = []): string {
  const e = new Set(early);
  const u = new Set(unknown);
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) lines.push(line(prefix, i, e, u));
  return `${lines.join('\n')}\n`;
}

let fileNo = 0;
async function run(content: string, extra: Partial<StartInput> = {}): Promise<JobView> {
  const filePath = path.join(dir, `w${++fileNo}.csv`);
  writeFileSync(filePath, content);
  const started = await startDossierImport(h.deps, ADMIN, {
    filePath,
    fileName: 'ho-so.csv',
    sourceName: 'Kiểm thử luồng',
    ownsFile: true,
    ...extra,
  });
  return awaitDossierImport(h.deps, started);
}

async function count(prefix: string): Promise<number> {
  const rows = await h.deps.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM dossiers WHERE code LIKE $1',
    [`${prefix}-%`],
  );
  return rows[0]!.n;
}

/** The stored dossiers of a prefix, by row index, without what names the job or the prefix. */
async function stored(prefix: string): Promise<unknown[]> {
  return h.deps.db.query(
    `SELECT substr(code, length($1) + 2)::int AS i,
            to_jsonb(d) - 'code' - 'import_job_id' - 'updated_at' AS row
     FROM dossiers d WHERE code LIKE $1 || '-%' ORDER BY 1`,
    [prefix],
  );
}

// About 2.7 MB: three pieces of text, some with quoted fields.
const ROWS = 25_000;

describe('checking and scoring on worker threads', () => {
  it('refuses a mixed file with the same problems, by row and column, as the job thread', async () => {
    // Bad rows in the first, middle and last pieces; file row = index + 2.
    const content = file('MW', ROWS, [10, 12_000, 24_990], [500, 20_001]);
    const threads = await run(content, { workers: 2 });
    const inline = await run(content, { workers: 0 });
    for (const job of [threads, inline]) {
      expect(job.status).toBe('failed');
      expect(job.rowsDone).toBe(ROWS);
      expect(job.problemRows).toBe(5);
      expect(job.problems.map((p) => p.row)).toEqual([12, 502, 12_002, 20_003, 24_992]);
      expect(job.problems[1]).toMatchObject({ column: 'Mã đơn vị tiếp nhận' });
      expect(job.problems[1]!.message).toContain('99999');
      expect(job.problems[0]!.column).toBe('Ngày có kết quả');
    }
    expect(threads.problems).toEqual(inline.problems);
    expect(threads.message).toEqual(inline.message);
    expect(await count('MW')).toBe(0);
  });

  it('stores the same dossiers, points and quarters as the job thread', async () => {
    const threads = await run(file('TA', ROWS), { workers: 2 });
    const inline = await run(file('TB', ROWS), { workers: 0 });
    expect(threads.status, threads.message ?? '').toBe('succeeded');
    expect(inline.status, inline.message ?? '').toBe('succeeded');
    expect(threads.inserted).toBe(ROWS);
    expect(threads.periods).toEqual(inline.periods);
    expect(Object.values(threads.periods ?? {}).reduce((a, b) => a + b, 0)).toBe(ROWS);
    const a = await stored('TA');
    expect(a).toHaveLength(ROWS);
    expect(a).toEqual(await stored('TB'));
    const quoted = await h.deps.db.query<{ name: string }>(
      "SELECT procedure_name AS name FROM dossiers WHERE code = 'TA-1994'",
    );
    expect(quoted[0]?.name).toBe('Cấp bản sao, chứng thực 1994');
  });

  it('shows nothing of a refused file while it loads, nor after', async () => {
    const during: Promise<number>[] = [];
    const job = await run(file('RF', 30_000, [29_000]), {
      workers: 2,
      onProgress: (done) => {
        if (done > 0 && during.length === 0) during.push(count('RF'));
      },
    });
    expect(job.status).toBe('failed');
    expect(job.problems.map((p) => p.row)).toEqual([29_002]);
    expect(await Promise.all(during)).toEqual([0]);
    expect(await count('RF')).toBe(0);
  });

  it.runIf(testBackend === 'postgres')(
    'lets a reader with a short lock timeout read dossiers while a large import loads them',
    async () => {
      const probes: Promise<number>[] = [];
      const probe = () =>
        h.deps.db.transaction(async (tx) => {
          await tx.query("SET LOCAL lock_timeout = '300ms'");
          await tx.query("SET LOCAL statement_timeout = '3s'");
          const rows = await tx.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM dossiers
             WHERE code LIKE 'RD-%' AND period IS NOT NULL AND unit_id > 0`,
          );
          return rows[0]!.n;
        });
      const job = await run(file('RD', 30_000), {
        workers: 2,
        // The large-load path (indexes were once dropped and rebuilt there, locking readers out).
        bulkMinRows: 1,
        onProgress: (done, total) => {
          if (done > 0 && done < (total ?? 0)) probes.push(probe());
        },
      });
      expect(job.status, job.message ?? '').toBe('succeeded');
      expect(probes.length).toBeGreaterThan(0);
      // Read at once, and nothing of the file before its commit.
      expect(await Promise.all(probes)).toEqual(probes.map(() => 0));
      expect(await count('RD')).toBe(30_000);
    },
  );
});
