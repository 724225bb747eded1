/**
 * The audit chain anchored outside the database: someone who can write to the database rewrites an
 * entry and re-hashes the chain and its head, cuts the end of the log, or empties both tables; the
 * chain inside the database then looks intact, and the signed checkpoints tell otherwise.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, type AuditContent } from '../../../domain/audit-chain.ts';
import { prepareDatabase } from '../../bootstrap.ts';
import { loadConfig, type Config } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { fixedClock, systemClock } from '../../infra/clock.ts';
import { createJobRunner, listJobs } from '../../infra/jobs.ts';
import { createStorage } from '../../infra/storage.ts';
import { openTestDb } from '../../test-support/harness.ts';
import { appendAuditEntry, readChain } from './repository.ts';
import S3rver from 's3rver';
import { signCheckpoint, checkpointName } from '../../../domain/audit-checkpoint.ts';
import {
  AnchorMismatchError,
  auditCheckpointJob,
  createS3CheckpointStore,
  verifyAnchor,
  writeCheckpoint,
} from './checkpoints.ts';
import { anchorFailed, describeAnchor, describeVerify, verifyAudit } from './service.ts';

const KEY = 'a-test-key-of-at-least-thirty-two-characters';
const work = mkdtempSync(path.join(tmpdir(), 'parindex-anchor-'));
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A database after a first start (no demo), its checkpoints in a folder of their own. */
async function start(key: string | null = KEY): Promise<Deps & { dir: string }> {
  const dataDir = mkdtempSync(path.join(work, 'data-'));
  const dir = path.join(dataDir, 'audit-checkpoints');
  const base = loadConfig({ PARINDEX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const config: Config = {
    ...base,
    demo: false,
    adminPassword: 'admin-anchor-password',
    audit: { key, checkpointDir: dir, everyEntries: 3, everyMinutes: 0 },
  };
  const clock = fixedClock(new Date('2026-03-02T02:00:00.000Z'));
  const { db, drop } = await openTestDb();
  closers.push(async () => {
    await db.close();
    await drop();
  });
  await prepareDatabase(db, config, clock);
  return { db, clock, config, storage: createStorage(config), dir };
}

async function append(deps: Deps, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await deps.db.transaction((tx) =>
      appendAuditEntry(
        tx,
        {
          actorId: null,
          actorName: 'test',
          action: 'unit.update',
          entity: 'unit',
          entityId: i,
          unitId: null,
          after: { name: `Tên ${i}` },
        },
        deps.clock.now(),
      ),
    );
}

/** What an intruder with database access does: edit entry `id`, then re-hash everything after. */
async function rewriteAndRehash(deps: Deps, id: number): Promise<void> {
  await deps.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  await deps.db.query(`UPDATE audit_log SET after = '{"name":"giả mạo"}' WHERE id = $1`, [id]);
  let prev = GENESIS_HASH;
  let last = 0;
  for await (const e of readChain(deps.db)) {
    const content: AuditContent = e;
    const hash = entryHash(content, prev);
    await deps.db.query('UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE id = $3', [
      prev,
      hash,
      e.id,
    ]);
    prev = hash;
    last = e.id;
  }
  await deps.db.query('UPDATE audit_head SET last_id = $1, last_hash = $2', [last, prev]);
  await deps.db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
}

const checkpointsIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** Waits until `check` holds (the scheduler works on its own time), or fails after 30 s. */
async function eventually(check: () => boolean): Promise<void> {
  for (const start = Date.now(); !check();) {
    if (Date.now() - start > 30_000) throw new Error('condition not met within 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ids = async (deps: Deps) =>
  (await deps.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).map((r) => r.id);

// Each case starts a database of its own (migrations and the official units): minutes on a busy machine.
describe('the audit chain anchored outside the database', { timeout: 300_000 }, () => {
  it('says plainly that nothing anchors the chain when no key is configured', async () => {
    const deps = await start(null);
    await append(deps, 1);
    expect(await writeCheckpoint(deps)).toBeNull();
    expect(checkpointsIn(deps.dir)).toEqual([]);
    const verdict = await verifyAnchor(deps);
    expect(verdict).toEqual({ kind: 'no_key' });
    expect(anchorFailed(verdict)).toBe(false);
    expect(describeAnchor(verdict)[0]).toMatch(
      /^Chưa cấu hình neo ngoài cơ sở dữ liệu \(PARINDEX_AUDIT_KEY\)/,
    );
    expect(describeAnchor(verdict, 'en')[0]).toMatch(/^No anchor outside the database/);
  });

  it('matches an intact log, and tells a checkpoint signed with another key', async () => {
    const deps = await start();
    expect((await verifyAnchor(deps)).kind).toBe('no_checkpoints');
    await append(deps, 2);
    const written = await writeCheckpoint(deps);
    expect(written).not.toBeNull();
    expect(await writeCheckpoint(deps)).toBeNull(); // nothing new to anchor
    await append(deps, 2);
    const intact = await verifyAnchor(deps);
    expect(intact).toMatchObject({ kind: 'ok', count: 1, unanchored: 2 });
    expect(describeAnchor(intact)).toEqual([
      `Khớp với 1 mốc neo đã ký trong ${deps.dir}; mốc mới nhất «audit-checkpoint-${String(written!.lastId).padStart(12, '0')}-${written!.lastHash.slice(0, 16)}.json» (2026-03-02T02:00:00.000Z) đến bản ghi #${written!.lastId}.`,
      '2 bản ghi sau mốc mới nhất chưa được neo.',
    ]);

    const other = {
      ...deps,
      config: { ...deps.config, audit: { ...deps.config.audit, key: 'x'.repeat(32) } },
    };
    const wrongKey = await verifyAnchor(other);
    expect(wrongKey.kind).toBe('other_key');
    expect(anchorFailed(wrongKey)).toBe(true);
    expect(describeAnchor(wrongKey)[0]).toMatch(
      /^Mốc neo «audit-checkpoint-\d{12}-[0-9a-f]{16}\.json» được ký bằng một khóa khác với PARINDEX_AUDIT_KEY hiện tại/,
    );
  });

  it('detects an entry rewritten with the chain and its head re-hashed', async () => {
    const deps = await start();
    await append(deps, 3);
    const early = await writeCheckpoint(deps);
    await append(deps, 3);
    const late = await writeCheckpoint(deps);
    const target = early!.lastId + 1; // after the first checkpoint, before the second
    await rewriteAndRehash(deps, target);
    // Inside the database nothing shows.
    expect(describeVerify(await verifyAudit(deps))).toMatch(/^Nhật ký toàn vẹn/);
    const verdict = await verifyAnchor(deps);
    expect(verdict).toMatchObject({ kind: 'rewritten', lastId: late!.lastId });
    expect(anchorFailed(verdict)).toBe(true);
    expect(describeAnchor(verdict)[0]).toBe(
      `Nhật ký đã bị viết lại: mốc neo «audit-checkpoint-${String(late!.lastId).padStart(12, '0')}-${late!.lastHash.slice(0, 16)}.json» (2026-03-02T02:00:00.000Z) ghi nhận bản ghi #${late!.lastId} với mã băm ${late!.lastHash.slice(0, 16)}, nhưng trong cơ sở dữ liệu bản ghi #${late!.lastId} có mã băm ${(verdict as { found: string }).found}.`,
    );
    // And the rewritten chain is never anchored.
    await append(deps, 1);
    await expect(writeCheckpoint(deps)).rejects.toBeInstanceOf(AnchorMismatchError);
  });

  it('detects a log whose end was cut, the head moved back to match', async () => {
    const deps = await start();
    await append(deps, 4);
    const checkpoint = await writeCheckpoint(deps);
    const all = await ids(deps);
    const keep = all[all.length - 3]!;
    await deps.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await deps.db.query('DELETE FROM audit_log WHERE id > $1', [keep]);
    await deps.db.query(
      'UPDATE audit_head SET last_id = $1, last_hash = (SELECT hash FROM audit_log WHERE id = $1)',
      [keep],
    );
    expect((await verifyAudit(deps)).ok).toBe(true);
    const verdict = await verifyAnchor(deps);
    expect(verdict).toMatchObject({ kind: 'truncated', lastId: checkpoint!.lastId, last: keep });
    expect(describeAnchor(verdict)[0]).toMatch(
      new RegExp(
        `^Nhật ký đã bị cắt bớt hoặc xóa: mốc neo «.+» \\(.+\\) ghi nhận nhật ký đến bản ghi #${checkpoint!.lastId}, nhưng cơ sở dữ liệu chỉ còn ${all.length - 2} bản ghi \\(đến #${keep}\\)\\.$`,
      ),
    );
  });

  it('detects a log emptied with its head', async () => {
    const deps = await start();
    await append(deps, 2);
    await writeCheckpoint(deps);
    await deps.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await deps.db.query('DELETE FROM audit_log');
    await deps.db.query('DELETE FROM audit_head');
    expect(describeVerify(await verifyAudit(deps))).toBe(
      'Nhật ký toàn vẹn: 0 bản ghi, chuỗi băm khớp.',
    );
    const verdict = await verifyAnchor(deps);
    expect(verdict).toMatchObject({ kind: 'truncated', count: 0, last: null });
    expect(describeAnchor(verdict)[0]).toMatch(/cơ sở dữ liệu chỉ còn 0 bản ghi \(đến #—\)\.$/);
  });

  it('detects a checkpoint file altered to agree with a rewritten log', async () => {
    const deps = await start();
    await append(deps, 2);
    await writeCheckpoint(deps);
    const [name] = readdirSync(deps.dir);
    const file = path.join(deps.dir, name!);
    const text = JSON.parse(readFileSync(file, 'utf8')) as { at: string };
    writeFileSync(file, JSON.stringify({ ...text, at: '2026-01-01T00:00:00.000Z' }));
    const verdict = await verifyAnchor(deps);
    expect(verdict).toEqual({ kind: 'forged', name });
    expect(describeAnchor(verdict)[0]).toBe(
      `Mốc neo «${name}» có chữ ký không hợp lệ: tệp mốc đã bị sửa hoặc giả mạo.`,
    );
  });

  it('writes checkpoints in the server every N entries, as one recurring job, and at shutdown', async () => {
    const deps = await start();
    // The server's runner, its checkpoint job read every 20 ms.
    const runner = createJobRunner({
      db: deps.db,
      clock: systemClock,
      owner: 1,
      handlers: [auditCheckpointJob(deps, { everyMs: 20 }) as never],
      pollMs: 10,
    });
    await runner.start();
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(checkpointsIn(deps.dir)).toHaveLength(0); // one entry (the admin's), fewer than 3
      await append(deps, 3);
      await eventually(() => checkpointsIn(deps.dir).length === 1);
      // One job, queued again after each run.
      const jobs = await listJobs(deps.db, { kind: 'audit.checkpoint' });
      expect(jobs).toHaveLength(1);
      expect(['queued', 'running']).toContain(jobs[0]!.status);
    } finally {
      await runner.stop();
    }
    const before = checkpointsIn(deps.dir);
    await append(deps, 1);
    // The server's shutdown writes the last one (the audit routes' onClose).
    await writeCheckpoint(deps);
    const names = checkpointsIn(deps.dir);
    expect(names).toHaveLength(before.length + 1);
    const [last] = await deps.db.query<{ last_id: number }>('SELECT last_id FROM audit_head');
    expect(names[1]).toContain(`-${String(last!.last_id).padStart(12, '0')}-`);
    expect((await verifyAnchor(deps)).kind).toBe('ok');
  });
});

describe('checkpoints in an S3-compatible bucket', () => {
  it('are written under audit-checkpoints/ and listed in the order of their entry', async () => {
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: path.join(work, 's3'),
      configureBuckets: [{ name: 'parindex-files' }],
    });
    const { port } = await server.run();
    const store = createS3CheckpointStore({
      kind: 's3',
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'parindex-files',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      region: 'us-east-1',
      timeoutMs: 5000,
    });
    try {
      const at = new Date('2026-03-02T02:00:00.000Z');
      const late = signCheckpoint(KEY, { lastId: 120, lastHash: 'b'.repeat(64) }, at);
      const early = signCheckpoint(KEY, { lastId: 7, lastHash: 'a'.repeat(64) }, at);
      await store.write(checkpointName(late), JSON.stringify(late));
      await store.write(checkpointName(early), JSON.stringify(early));
      await store.write('unrelated.txt', 'x');
      expect(store.where).toBe('s3://parindex-files/audit-checkpoints/');
      expect(await store.list()).toEqual([checkpointName(early), checkpointName(late)]);
      expect(JSON.parse(await store.read(checkpointName(late)))).toEqual(late);
    } finally {
      store.client.destroy();
      await server.close();
    }
  });
});
