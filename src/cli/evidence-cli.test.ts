/**
 * `parindex evidence recheck` through the real command: every file of a unit's library is read
 * again and the progress is drawn until all are done; a wrong unit code is refused.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeps } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import { drainEvidenceChecks } from '../server/features/evidence/check.service.ts';
import { uploadEvidence } from '../server/features/evidence/service.ts';
import { samplePdf } from '../server/test-support/test-files.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/parindex.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'parindex-evidence-cli-'));
const dataDir = path.join(work, 'data');
const env = {
  PARINDEX_DATA_DIR: dataDir,
  PARINDEX_ADMIN_PASSWORD: 'admin-cli-password',
  PARINDEX_DEMO: '0',
  LOG_LEVEL: 'silent',
};

async function parindex(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  // Three files in the library of Thái Nguyên province (code 19), uploaded by the administrator.
  const { deps } = await startDeps(loadConfig(env));
  try {
    const [unit] = await deps.db.query<{ id: number }>(
      "SELECT id FROM units WHERE code = '19' AND valid_to IS NULL",
    );
    const [admin] = await deps.db.query<{ id: number }>(
      "SELECT id FROM users WHERE username = 'admin'",
    );
    const actor = {
      userId: admin!.id,
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      grants: [{ role: 'system_admin' as const, unitId: null, unitPath: null }],
    };
    for (const n of [1, 2, 3])
      await uploadEvidence(
        deps,
        actor,
        unit!.id,
        { filename: `tep-${n}.pdf`, stream: Readable.from([samplePdf(`doc lai bang lenh ${n}`)]) },
        async () => ({
          number: null,
          type: 'other',
          issuedOn: null,
          issuer: null,
          summary: `Tệp ${n}`,
        }),
      );
    await drainEvidenceChecks(deps);
  } finally {
    await deps.db.close();
  }
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('parindex evidence recheck', { timeout: 240_000 }, () => {
  it('reads every file of the unit again and prints the progress until done', async () => {
    const res = await parindex('evidence', 'recheck', '19');
    expect(res.stderr).toContain('3/3 tệp đã đọc lại');
    expect(res.stdout.trim()).toMatch(
      /^Đã đọc lại 3 tệp của «.*Thái Nguyên»: \d tệp đọc được, \d tệp không đọc được\.$/,
    );
    expect(res.code).toBe(0);
  });

  it('refuses a unit code that does not exist, and a missing one', async () => {
    const unknown = await parindex('evidence', 'recheck', 'KHONG-CO');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Không tìm thấy đơn vị có mã «KHONG-CO».');
    const missing = await parindex('evidence', 'recheck');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cách dùng: parindex evidence recheck <mã đơn vị>');
  });
});
