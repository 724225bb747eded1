import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each test runs the command several times as its own process (each start migrates and loads the
// catalogue): on a busy machine that takes longer than the suite's minute, so the tests get the
// same five minutes as one command.
vi.setConfig({ testTimeout: 300_000 });
import { openEmbeddedDb } from '../server/infra/db.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/parindex.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'parindex-cli-'));
const dirA = path.join(work, 'a');
const dirB = path.join(work, 'b');

async function parindex(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        PARINDEX_DATA_DIR: dataDir,
        PARINDEX_ADMIN_PASSWORD: 'admin-cli-password',
        LOG_LEVEL: 'silent',
      },
      timeout: 300_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function dumpTables(dataDir: string): Promise<Record<string, string[]>> {
  const db = await openEmbeddedDb(dataDir);
  try {
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const out: Record<string, string[]> = {};
    for (const { table_name } of tables) {
      if (table_name === 'schema_migrations') continue;
      const rows = await db.query<{ j: string }>(
        `SELECT row_to_json(t)::text AS j FROM "${table_name}" t ORDER BY 1`,
      );
      out[table_name] = rows.map((r) => r.j).sort();
    }
    return out;
  } finally {
    await db.close();
  }
}

beforeAll(() => {
  writeFileSync(
    path.join(work, 'good.csv'),
    'code,name,kind,parent_code\nCLI-1,Ban CCHC tỉnh,other,19\nCLI-2,Tổ giúp việc,other,CLI-1\n',
  );
  writeFileSync(
    path.join(work, 'bad.csv'),
    'code,name,kind,parent_code\nCLI-3,Tổ,other,19\nCLI-4,Tổ,hành tinh,19\n',
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('parindex CLI', () => {
  it('prints its usage in Vietnamese and refuses an unknown command', async () => {
    const help = (await parindex(dirA, 'help')).stdout;
    expect(help).toMatch(/Cách dùng: parindex <lệnh>/);
    // Each role is listed as --role takes it, next to its name.
    expect(help).toMatch(/^ +standing_agency +Cơ quan thường trực \(Nội vụ\)$/m);
    expect(help).toMatch(/^ +enumerator +Điều tra viên$/m);
    const unknown = await parindex(dirA, 'fly');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Không có lệnh «fly»/);
  });

  it('migrates a new database and creates a user on a unit', async () => {
    const migrate = await parindex(dirA, 'db', 'migrate');
    expect(migrate.stdout).toMatch(/Đã áp dụng: 0001_foundation.sql/);
    const created = await parindex(
      dirA,
      'user',
      'create',
      '--username',
      'cli.officer',
      '--full-name',
      'Cán bộ dòng lệnh',
      '--role',
      'unit_officer',
      '--unit',
      '05551',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Đã tạo tài khoản «cli.officer»/);
    expect(created.stdout).toMatch(/Mật khẩu tạm \(phải đổi khi đăng nhập\): \S{19}/);
  });

  it('imports units from CSV with a progress bar, and refuses a bad file naming row and column', async () => {
    const good = await parindex(dirA, 'units', 'import', path.join(work, 'good.csv'));
    expect(good.stdout).toMatch(/Đã nhập 2 đơn vị\./);
    expect(good.stderr).toMatch(/100% 2\/2 đơn vị/);
    const bad = await parindex(dirA, 'units', 'import', path.join(work, 'bad.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Tệp nhập có 1 dòng lỗi; chưa có dữ liệu nào được nhập\./);
    expect(bad.stderr).toMatch(/dòng 3, cột «kind»: loại đơn vị «hành tinh» không tồn tại/);
  });

  it('exports a criteria set to Excel and imports it back as a new set', async () => {
    await parindex(dirA, 'demo');
    const db = await openEmbeddedDb(dirA);
    const [set] = await db.query<{ id: number }>(
      "SELECT id FROM criteria_sets WHERE origin = 'bundled:thai-nguyen-xa-2022'",
    );
    await db.close();
    const file = path.join(work, 'bo-chi-so.xlsx');
    const exported = await parindex(dirA, 'criteria', 'export', String(set!.id), file);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Đã xuất bộ chỉ số «.+» \(\d+ tiêu chí\)/);
    const imported = await parindex(dirA, 'criteria', 'import', file, '--owner', '19');
    expect(imported.code).toBe(0);
    expect(imported.stdout.trim()).toMatch(/^\d+$/);
    expect(Number(imported.stdout.trim())).not.toBe(set!.id);
    const notXlsx = await parindex(dirA, 'criteria', 'import', path.join(work, 'good.csv'));
    expect(notXlsx.code).toBe(1);
    expect(notXlsx.stderr).toMatch(/Tệp không phải bảng tính Excel \(\.xlsx\)\./);
  });

  it('backs up and restores into an empty data directory with identical data', async () => {
    const file = path.join(work, 'backup.parindex.gz');
    const backup = await parindex(dirA, 'backup', file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Đã sao lưu [\d.]+ dòng dữ liệu/);
    const restore = await parindex(dirB, 'restore', file);
    expect(restore.code).toBe(0);
    expect(await dumpTables(dirB)).toEqual(await dumpTables(dirA));
    expect((await parindex(dirB, 'audit', 'verify')).stdout).toMatch(/Nhật ký toàn vẹn/);
    const again = await parindex(dirB, 'restore', file);
    expect(again.code).toBe(1);
    // Refused before anything is written: the demo's stored file is found first, else the rows.
    expect(again.stderr).toMatch(
      /(Thư mục tệp đã lưu «.+» không trống|Cơ sở dữ liệu đích không trống).*chưa có gì được ghi/,
    );
  });

  it('refuses a file that is not a backup', async () => {
    const res = await parindex(path.join(work, 'c'), 'restore', path.join(work, 'good.csv'));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Tệp sao lưu bị hỏng hoặc không phải bản sao lưu parindex/);
  });

  it('verifies the audit chain and reports the first altered entry', async () => {
    const intact = await parindex(dirA, 'audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Chưa cấu hình neo ngoài cơ sở dữ liệu \(PARINDEX_AUDIT_KEY\)/);
    const db = await openEmbeddedDb(dirA);
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query("UPDATE audit_log SET actor_name = 'someone-else' WHERE id = 2");
    await db.close();
    const res = await parindex(dirA, 'audit', 'verify');
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/Bản ghi #2 đã bị sửa/);
  });
});
