import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../domain/access.ts';
import { startDeps } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import { openEvidenceFile, uploadEvidence } from '../server/features/evidence/service.ts';
import { samplePdf } from '../server/test-support/test-files.ts';
import { backupToFile, restoreFromFile } from '../server/infra/backup.ts';
import { openEmbeddedDb } from '../server/infra/db.ts';
import type { Deps } from '../server/deps.ts';

const work = mkdtempSync(path.join(tmpdir(), 'parindex-evidence-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const configFor = (dataDir: string) =>
  loadConfig({
    PARINDEX_DATA_DIR: dataDir,
    PARINDEX_ADMIN_PASSWORD: 'admin-backup-password',
    PARINDEX_DEMO: '0',
    LOG_LEVEL: 'silent',
  });

async function adminOf(deps: Deps): Promise<Actor> {
  const [admin] = await deps.db.query<{ id: number }>(
    "SELECT id FROM users WHERE username = 'admin'",
  );
  return {
    userId: admin!.id,
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('backup and restore with the evidence library', () => {
  it('keeps a stored evidence file, readable through its document after a restore', async () => {
    const dirA = path.join(work, 'a');
    const dirB = path.join(work, 'b');
    const backup = path.join(work, 'backup.parindex.gz');
    const pdf = samplePdf('survives backup');

    const a = (await startDeps(configFor(dirA))).deps;
    let documentId: number;
    try {
      const [unit] = await a.db.query<{ id: number }>(
        "SELECT id FROM units WHERE code = '19' AND valid_to IS NULL",
      );
      const outcome = await uploadEvidence(
        a,
        await adminOf(a),
        unit!.id,
        { filename: 'ke-hoach-87.pdf', stream: Readable.from([pdf]) },
        async () => ({
          number: '87/KH-UBND',
          type: 'plan',
          issuedOn: '2026-01-15',
          issuer: 'UBND tỉnh Thái Nguyên',
          summary: 'Kế hoạch CCHC năm 2026',
        }),
      );
      documentId = outcome.document.id;
      expect(existsSync(path.join(dirA, 'files', 'evidence', String(unit!.id)))).toBe(true);
      const summary = await backupToFile(a.db, dirA, backup);
      expect(summary.files).toBe(1);
    } finally {
      await a.db.close();
    }

    const target = await openEmbeddedDb(dirB);
    try {
      expect((await restoreFromFile(target, dirB, backup)).files).toBe(1);
    } finally {
      await target.close();
    }

    const b = (await startDeps(configFor(dirB))).deps;
    try {
      const opened = await openEvidenceFile(b, await adminOf(b), documentId);
      expect(opened.mediaType).toBe('application/pdf');
      expect(opened.filename).toBe('ke-hoach-87.pdf');
      expect(await readAll(opened.stream)).toEqual(pdf);
    } finally {
      await b.db.close();
    }
    // Two data directories migrated and loaded, a backup and a restore through the command line:
    // about 30 s alone, more on a loaded machine.
  }, 180_000);
});
