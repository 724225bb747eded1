/**
 * The import's loading path on a real database: CSV text with quotes, line breaks and escapes
 * arrives unchanged through COPY; a large load (the bulk path, lowered here to a few rows) puts
 * the indexes of `dossiers` back as they were, updates by code without duplicates (also when the
 * first rows are new), keeps rating forms, reports progress; a failure or a repeated code changes
 * nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/access.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';
import { awaitDossierImport, startDossierImport, type JobView, type StartInput } from './import.ts';
import { enterCounterRating, getDossier } from './service.ts';

// The administrator of the first start, acting as the CLI does.
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
  dir = mkdtempSync(path.join(tmpdir(), 'parindex-import-'));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER =
  'Mã hồ sơ,Mã thủ tục,Tên thủ tục,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';

function line(code: string, over: { name?: string; finished?: string; official?: string } = {}) {
  return [
    code,
    '1.001193',
    over.name ?? 'Đăng ký khai sinh',
    '03203',
    over.official ?? 'CB1',
    '05/02/2024 08:00',
    '08/02/2024 17:00',
    over.finished ?? '06/02/2024 10:00',
    'Trực tiếp',
  ].join(',');
}

let fileNo = 0;
async function run(
  content: string,
  extra: Partial<StartInput> = {},
): Promise<{ job: JobView; progress: Array<[number, number | null]> }> {
  const file = path.join(dir, `f${++fileNo}.csv`);
  writeFileSync(file, content);
  const progress: Array<[number, number | null]> = [];
  const started = await startDossierImport(h.deps, ADMIN, {
    filePath: file,
    fileName: 'ho-so.csv',
    sourceName: 'Kiểm thử nạp',
    ownsFile: true,
    onProgress: (done, total) => progress.push([done, total]),
    ...extra,
  });
  return { job: await awaitDossierImport(h.deps, started), progress };
}

/** Imports `content` (bulk path) while the database refuses to write the dossier `code`. */
async function runRefusing(code: string, content: string): Promise<JobView> {
  await h.deps.db.query(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.code = '${code}' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END; $$`);
  await h.deps.db.query(
    'CREATE TRIGGER test_refuse BEFORE INSERT OR UPDATE ON dossiers FOR EACH ROW EXECUTE FUNCTION test_refuse()',
  );
  try {
    return (await run(content, { bulkMinRows: 1 })).job;
  } finally {
    await h.deps.db.query('DROP TRIGGER test_refuse ON dossiers');
    await h.deps.db.query('DROP FUNCTION test_refuse()');
  }
}

async function schemaOfDossiers(): Promise<string[]> {
  const rows = await h.deps.db.query<{ d: string }>(
    `SELECT pg_get_indexdef(indexrelid) AS d FROM pg_index WHERE indrelid = 'dossiers'::regclass
     UNION ALL
     SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
     WHERE conrelid = 'dossiers'::regclass ORDER BY 1`,
  );
  return rows.map((r) => r.d);
}

async function count(prefix: string): Promise<number> {
  const rows = await h.deps.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM dossiers WHERE code LIKE $1',
    [`${prefix}%`],
  );
  return rows[0]!.n;
}

describe('loading through COPY', () => {
  it('keeps quoted commas, doubled quotes, line breaks, tabs and backslashes of a CSV (BOM, CRLF)', async () => {
    const names = [
      'Cấp bản sao, chứng thực',
      'Thủ tục "đặc biệt"',
      'Dòng một\nDòng hai',
      'Cột\tcó tab và \\ gạch',
    ];
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const csv =
      '\uFEFF' +
      [HEADER, ...names.map((n, i) => line(`CP-${i}`, { name: quote(n) }))].join('\r\n') +
      '\r\n';
    const { job } = await run(csv);
    expect(job.status, job.message ?? '').toBe('succeeded');
    expect(job.inserted).toBe(4);
    for (const [i, n] of names.entries()) {
      expect((await getDossier(h.deps, ADMIN, `CP-${i}`)).procedureName).toBe(n);
    }
  });

  it('names the row of a quote that is never closed, and imports nothing', async () => {
    const csv = [HEADER, line('CQ-1'), line('CQ-2', { name: '"không đóng' })].join('\n');
    const { job } = await run(csv);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/dòng 3/);
    expect(await count('CQ-')).toBe(0);
  });
});

describe('the bulk path (indexes rebuilt)', () => {
  it('imports, then re-imports by code without duplicates, keeping rating forms and the schema', async () => {
    const before = await schemaOfDossiers();
    const first = Array.from({ length: 30 }, (_, i) => line(`BK-${i}`));
    const a = await run([HEADER, ...first].join('\n'), { bulkMinRows: 1 });
    expect(a.job.status, a.job.message ?? '').toBe('succeeded');
    expect([a.job.inserted, a.job.updated]).toEqual([30, 0]);
    expect(a.progress.at(-1)).toEqual([30, 30]);
    expect(await schemaOfDossiers()).toEqual(before);

    await enterCounterRating(h.deps, ADMIN, 'BK-3', { ratings: [2, 2, 2, 2, 2, 2, 2, 2, 2] });
    const again = [
      ...Array.from({ length: 10 }, (_, i) => line(`BK-${i}`, { official: 'CB9' })),
      ...Array.from({ length: 5 }, (_, i) => line(`BK-${30 + i}`)),
    ];
    const b = await run([HEADER, ...again].join('\n'), { bulkMinRows: 1 });
    expect(b.job.status, b.job.message ?? '').toBe('succeeded');
    expect([b.job.inserted, b.job.updated]).toEqual([5, 10]);
    expect(await count('BK-')).toBe(35);
    const rated = await getDossier(h.deps, ADMIN, 'BK-3');
    expect(rated.officialCode).toBe('CB9');
    expect(rated.rating?.channel).toBe('counter-form');
    expect(await schemaOfDossiers()).toEqual(before);
  });

  it('updates a dossier named after new ones in the file, and inserts the new ones once', async () => {
    const csv = [HEADER, line('MX-1'), line('MX-2'), line('BK-2', { official: 'CB4' })];
    const { job } = await run(csv.join('\n'), { bulkMinRows: 1 });
    expect(job.status, job.message ?? '').toBe('succeeded');
    expect([job.inserted, job.updated]).toEqual([2, 1]);
    expect(await count('MX-')).toBe(2);
    expect((await getDossier(h.deps, ADMIN, 'BK-2')).officialCode).toBe('CB4');
    expect(await count('BK-')).toBe(35);
  });

  it('lists a code repeated on several rows and imports none of the file', async () => {
    const csv = [HEADER, line('DU-1'), line('DU-2'), line('DU-1'), line('DU-3')].join('\n');
    const { job } = await run(csv, { bulkMinRows: 1 });
    expect(job.status).toBe('failed');
    expect(job.problemRows).toBe(1);
    expect(job.problems[0]).toMatchObject({ row: 4, column: 'Mã hồ sơ' });
    expect(job.problems[0]!.message).toContain('DU-1');
    expect(job.problems[0]!.message).toContain('2, 4');
    expect(await count('DU-')).toBe(0);
  });

  it('lists a repeated code that is already a dossier too (the upsert path), changing nothing', async () => {
    const csv = [HEADER, line('BK-1', { official: 'CB7' }), line('DU-9'), line('BK-1')];
    const { job } = await run(csv.join('\n'), { bulkMinRows: 1 });
    expect(job.status).toBe('failed');
    expect(job.problems[0]).toMatchObject({ row: 4, column: 'Mã hồ sơ' });
    expect(job.problems[0]!.message).toContain('BK-1');
    expect(job.problems[0]!.message).toContain('2, 4');
    expect((await getDossier(h.deps, ADMIN, 'BK-1')).officialCode).not.toBe('CB7');
    expect(await count('DU-9')).toBe(0);
  });

  it('leaves dossiers and indexes as they were when the upsert fails', async () => {
    const before = await schemaOfDossiers();
    const csv = [HEADER, line('BK-0', { official: 'CB5' }), line('BK-NEW'), line('BK-BOOM')];
    const job = await runRefusing('BK-BOOM', csv.join('\n'));
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/dữ liệu cũ được giữ nguyên/);
    expect((await getDossier(h.deps, ADMIN, 'BK-0')).officialCode).toBe('CB9');
    expect(await count('BK-NEW')).toBe(0);
    expect(await schemaOfDossiers()).toEqual(before);
    const staging = await h.deps.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'dossier_staging_job_%'",
    );
    expect(staging[0]!.n).toBe(0);
  });

  it('writes nothing of a file of new dossiers when the database refuses one half-way', async () => {
    const before = await schemaOfDossiers();
    const rows = Array.from({ length: 3000 }, (_, i) => line(i === 1500 ? 'NW-BOOM' : `NW-${i}`));
    const job = await runRefusing('NW-BOOM', [HEADER, ...rows].join('\n'));
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/dữ liệu cũ được giữ nguyên/);
    expect(await count('NW-')).toBe(0);
    expect(await schemaOfDossiers()).toEqual(before);
  });

  it('stops loading at the first refused row but lists the problems of the whole file', async () => {
    const rows = Array.from({ length: 9000 }, (_, i) =>
      line(`PR-${i}`, i === 10 || i === 8500 ? { finished: '01/01/2024 08:00' } : {}),
    );
    const { job } = await run([HEADER, ...rows].join('\n'), { bulkMinRows: 1 });
    expect(job.status).toBe('failed');
    expect(job.problems.map((p) => p.row)).toEqual([12, 8502]);
    expect(job.rowsDone).toBe(9000);
    expect(await count('PR-')).toBe(0);
  });
});
