/**
 * Backups restore everywhere: a backup of the embedded database restores into the embedded one
 * and into PostgreSQL, and a backup of PostgreSQL into PostgreSQL and into the embedded one, each
 * time with the same rows (a digest per table) and the same stored files (SHA-256 of each). The
 * PostgreSQL legs need PARINDEX_TEST_DATABASE_URL (CI sets it); without it they are skipped and
 * say so. A refused restore leaves nothing behind, on the suite's backend.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import { prepareDatabase } from '../bootstrap.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Deps } from '../deps.ts';
import { appendAuditEntry } from '../features/audit/repository.ts';
import { verifyAudit } from '../features/audit/service.ts';
import { uploadEvidence } from '../features/evidence/service.ts';
import { samplePdf } from '../test-support/test-files.ts';
import { openTestDb } from '../test-support/harness.ts';
import { backupToFile, restoreFromFile, RestoreError, tableDigests } from './backup.ts';
import { fixedClock } from './clock.ts';
import { openEmbeddedDb, openPostgresDb, type Db } from './db.ts';
import { createStorage } from './storage.ts';

const url = process.env.PARINDEX_TEST_DATABASE_URL;
const work = mkdtempSync(path.join(tmpdir(), 'parindex-backup-'));
const dir = (name: string) => path.join(work, name);
const opened: Db[] = [];
const dropped: Array<() => Promise<void>> = [];

async function freshPostgres(): Promise<Db> {
  const name = `parindex_backup_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url!);
  target.pathname = `/${name}`;
  dropped.push(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const db = await openPostgresDb(target.toString(), 3);
  opened.push(db);
  return db;
}

async function freshEmbedded(dataDir: string): Promise<Db> {
  const db = await openEmbeddedDb(dataDir);
  opened.push(db);
  return db;
}

/** SHA-256 of every stored file, by its path under `files/`. */
function fileHashes(dataDir: string): Record<string, string> {
  const root = path.join(dataDir, 'files');
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else
        out[path.relative(root, full)] = createHash('sha256')
          .update(readFileSync(full))
          .digest('hex');
    }
  };
  walk(root);
  return out;
}

const configFor = (dataDir: string): Config => ({
  ...loadConfig({ PARINDEX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
  adminPassword: 'admin-backup-password',
  demo: true,
  notifyIntervalMinutes: 0,
});

const ADMIN: Actor = {
  userId: 1,
  username: 'admin',
  fullName: 'Quản trị hệ thống',
  grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
};

// The source: the demo, one stored evidence file, and text that COPY must escape.
const TRICKY = 'tab\there\nnew line\r\\ backslash\n\\.\nĐồng Hới « » \u{1F600}';
let sourceDigests: Record<string, string>;
let sourceFiles: Record<string, string>;
const embeddedBackup = path.join(work, 'embedded.parindex.gz');

beforeAll(async () => {
  const db = await freshEmbedded(dir('source'));
  const config = configFor(dir('source'));
  const clock = fixedClock(new Date('2026-03-02T02:00:00.000Z'));
  await prepareDatabase(db, config, clock);
  const deps: Deps = { db, clock, config, storage: createStorage(config) };
  const [unit] = await db.query<{ id: number }>(
    "SELECT id FROM units WHERE code = '19' AND valid_to IS NULL",
  );
  const [admin] = await db.query<{ id: number }>("SELECT id FROM users WHERE username = 'admin'");
  const outcome = await uploadEvidence(
    deps,
    { ...ADMIN, userId: admin!.id },
    unit!.id,
    { filename: 'ke-hoach.pdf', stream: Readable.from([samplePdf('backup everywhere')]) },
    async () => ({
      number: '12/KH-UBND',
      type: 'plan',
      issuedOn: '2026-01-15',
      issuer: 'UBND tỉnh',
      summary: 'Kế hoạch',
    }),
  );
  await db.query('UPDATE evidence_documents SET summary = $1 WHERE id = $2', [
    TRICKY,
    outcome.document.id,
  ]);
  sourceDigests = await tableDigests(db);
  sourceFiles = fileHashes(dir('source'));
  const summary = await backupToFile(db, dir('source'), embeddedBackup);
  expect(summary.files).toBe(1);
  expect(summary.rows).toBeGreaterThan(3000);
}, 600_000);

afterAll(async () => {
  for (const db of opened) await db.close().catch(() => undefined);
  for (const drop of dropped) await drop();
  rmSync(work, { recursive: true, force: true });
});

/** Restores `file` into `db`, then checks rows, files, the audit chain and the sequences. */
async function restoreAndCompare(db: Db, dataDir: string, file: string): Promise<void> {
  const summary = await restoreFromFile(db, dataDir, file);
  expect(summary.files).toBe(1);
  const digests = await tableDigests(db);
  expect(Object.keys(digests).length).toBeGreaterThan(40);
  expect(digests).toEqual(sourceDigests);
  expect(fileHashes(dataDir)).toEqual(sourceFiles);
  const [doc] = await db.query<{ summary: string }>(
    'SELECT summary FROM evidence_documents ORDER BY id DESC LIMIT 1',
  );
  expect(doc!.summary).toBe(TRICKY);
  const verdict = await verifyAudit({ db } as Deps);
  expect(verdict.ok).toBe(true);
  // Ids continue after the restored ones.
  const [{ max } = { max: 0 }] = await db.query<{ max: number }>(
    'SELECT max(id)::int AS max FROM audit_log',
  );
  const next = await db.transaction((tx) =>
    appendAuditEntry(
      tx,
      { actorId: null, actorName: 'test', action: 'x', entity: 'x', entityId: null, unitId: null },
      new Date(),
    ),
  );
  expect(next).toBeGreaterThan(max);
}

describe('backups restore everywhere', { timeout: 300_000 }, () => {
  it('embedded → embedded', async () => {
    await restoreAndCompare(await freshEmbedded(dir('e2e')), dir('e2e'), embeddedBackup);
  });

  const needsPostgres = url ? '' : ' — skipped: needs PARINDEX_TEST_DATABASE_URL';
  const postgresBackup = path.join(work, 'postgres.parindex.gz');

  it.skipIf(!url)(`embedded → PostgreSQL${needsPostgres}`, async () => {
    const db = await freshPostgres();
    await restoreAndCompare(db, dir('e2p'), embeddedBackup);
  });

  it.skipIf(!url)(`PostgreSQL → PostgreSQL and PostgreSQL → embedded${needsPostgres}`, async () => {
    const source = await freshPostgres();
    await restoreFromFile(source, dir('pg-source'), embeddedBackup);
    expect(await tableDigests(source)).toEqual(sourceDigests);
    const summary = await backupToFile(source, dir('pg-source'), postgresBackup);
    expect(summary.files).toBe(1);
    await restoreAndCompare(await freshPostgres(), dir('p2p'), postgresBackup);
    await restoreAndCompare(await freshEmbedded(dir('p2e')), dir('p2e'), postgresBackup);
  });
});

/** The backup's lines, decompressed, to build damaged or foreign backups from. */
const backupLines = () => gunzipSync(readFileSync(embeddedBackup)).toString('utf8').split('\n');
const writeBackup = (name: string, lines: string[]): string => {
  const file = path.join(work, name);
  writeFileSync(file, gzipSync(Buffer.from(lines.join('\n'))));
  return file;
};

/** The restore is refused with `key`, and the target database and data folder stay empty. */
async function expectRefusedCleanly(file: string, key: string, message: RegExp): Promise<void> {
  const { db, drop } = await openTestDb();
  const dataDir = mkdtempSync(path.join(work, 'refused-'));
  try {
    const error = await restoreFromFile(db, dataDir, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreError);
    expect((error as RestoreError).key).toBe(key);
    expect((error as RestoreError).message).toMatch(message);
    const [state] = await db.query<{ t: string | null }>(
      "SELECT to_regclass('public.users')::text AS t",
    );
    expect(state!.t).toBeNull();
    expect(readdirSync(dataDir)).toEqual([]);
  } finally {
    await db.close();
    await drop();
  }
}

describe('a restore is all or nothing', { timeout: 300_000 }, () => {
  it('refuses a backup from a newer schema before writing anything', async () => {
    const lines = backupLines();
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    header.migrations.push('9999_future_tables.sql');
    lines[0] = JSON.stringify(header);
    await expectRefusedCleanly(
      writeBackup('newer.gz', lines),
      'restore_newer_schema',
      /phiên bản parindex mới hơn \(migration 9999_future_tables\.sql\)/,
    );
  });

  it('leaves nothing when a stored file is damaged after every table was loaded', async () => {
    const lines = backupLines();
    const at = lines.findIndex((l) => l.startsWith('{"file":'));
    const data = lines[at + 1]!;
    lines[at + 1] = `${data.slice(0, 40)}${data[40] === 'A' ? 'B' : 'A'}${data.slice(41)}`;
    await expectRefusedCleanly(
      writeBackup('damaged-file.gz', lines),
      'restore_file_damaged',
      /Tệp «evidence\/\d+\/[\w-]+» trong bản sao lưu bị hỏng/,
    );
  });

  it('leaves nothing when the database refuses a row, naming the table', async () => {
    const lines = backupLines();
    const start = lines.findIndex((l) => l.startsWith('{"table":"users"'));
    lines.splice(start + 1, 0, 'not-a-number\tx');
    await expectRefusedCleanly(
      writeBackup('refused-row.gz', lines),
      'restore_rows_refused',
      /từ chối dữ liệu của bảng «users»/,
    );
  });

  it('leaves nothing when the backup is cut short', async () => {
    const whole = readFileSync(embeddedBackup);
    const file = path.join(work, 'cut.gz');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.7)));
    await expectRefusedCleanly(file, 'restore_truncated', /bị cắt cụt/);
  });
});
