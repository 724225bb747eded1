/**
 * Dossier imports as jobs of the job runner (ADR 54), as their screen reads them: two imports
 * started together run one after the other; a cancelled import, queued or running, writes nothing
 * and says so; an import left running by a process that died is interrupted at the next start and
 * runs again on request; one whose process stopped gracefully is queued again and runs at the next
 * start; `parindex jobs list` shows imports.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../../domain/access.ts';
import { runJobsCommand } from '../../../cli/jobs.ts';
import { cancelJob, getJob, requeueJob } from '../../infra/jobs.ts';
import { startJobs } from '../../jobs.ts';
import { createHarness, type Client, type Harness } from '../../test-support/harness.ts';
import { dossierImportJob } from './import-job.ts';
import {
  awaitDossierImport,
  startDossierImport,
  uploadsDir,
  type StartedImport,
  type StartInput,
} from './import.ts';

const ADMIN: Actor & { userId: number } = {
  userId: 0,
  username: 'test',
  fullName: 'Test',
  grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
};

let h: Harness;
let admin: Client;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  const [row] = await h.deps.db.query<{ id: number }>(
    "SELECT id FROM users WHERE username = 'admin'",
  );
  ADMIN.userId = row!.id;
  mkdirSync(uploadsDir(h.deps), { recursive: true });
}, 120_000);
afterAll(async () => h?.close());

const HEADER =
  'Mã hồ sơ,Mã thủ tục,Tên thủ tục,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';

/** An upload as the import route keeps it, with `rows` new dossiers named `prefix-i`. */
function upload(prefix: string, rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${prefix}-${i},1.001193,Đăng ký khai sinh,03203,CB1,05/02/2024 08:00,08/02/2024 17:00,06/02/2024 10:00,Trực tiếp`,
    );
  const file = path.join(uploadsDir(h.deps), `dossiers-${randomUUID()}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function start(file: string, extra: Partial<StartInput> = {}) {
  return startDossierImport(h.deps, ADMIN, {
    filePath: file,
    fileName: 'ho-so.csv',
    sourceName: 'Kiểm thử hàng đợi',
    ownsFile: true,
    ...extra,
  });
}

async function count(prefix: string): Promise<number> {
  const [row] = await h.deps.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM dossiers WHERE code LIKE $1',
    [`${prefix}-%`],
  );
  return row!.n;
}

const view = async (id: number, language = 'vi') =>
  (
    await admin.request('GET', `/api/v1/dossiers/jobs/${id}`, undefined, {
      'accept-language': language,
    })
  ).body;

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const end = Date.now() + 60_000;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function interruptedOnHome(): Promise<number> {
  const tasks = (await admin.get('/api/v1/me/tasks')).body as {
    items: Array<{ kind: string; figures?: Record<string, number> }>;
  };
  return tasks.items.find((t) => t.kind === 'health')!.figures!.interruptedImports!;
}

/** Stops this process's runner and starts a new one, as a server started again does. */
async function restart(): Promise<void> {
  await h.deps.jobs?.stop();
  delete h.deps.jobs;
  await startJobs(h.deps, { pollMs: 500 });
}

describe('dossier imports on the job runner', () => {
  it('runs two imports started together one after the other, with progress', async () => {
    const whileFirstRan: Promise<unknown>[] = [];
    let second: { jobId: number; runnerJobId: number } | null = null;
    const first = await start(upload('SQ1', 6000), {
      onProgress: (done) => {
        if (done > 0 && second !== null) whileFirstRan.push(view(second.jobId));
      },
    });
    second = await start(upload('SQ2', 40));
    const a = await awaitDossierImport(h.deps, first);
    const b = await awaitDossierImport(h.deps, second);
    expect(a).toMatchObject({ status: 'succeeded', inserted: 6000, rowsDone: 6000 });
    expect(b).toMatchObject({ status: 'succeeded', inserted: 40 });
    // While the first one read its file, the second waited its turn.
    expect(whileFirstRan.length).toBeGreaterThan(0);
    for (const v of await Promise.all(whileFirstRan))
      expect(v).toMatchObject({ status: 'queued', rowsDone: 0 });
    // The runner kept the progress and the outcome.
    expect(await getJob(h.deps.db, first.runnerJobId)).toMatchObject({
      kind: 'dossier.import',
      status: 'succeeded',
      progress: { done: 6000 },
      result: { importId: first.jobId, rows: 6000, inserted: 6000, updated: 0 },
    });
    expect(await count('SQ1')).toBe(6000);
    expect(await count('SQ2')).toBe(40);
  });

  it('cancels a running import and a queued one: nothing is written, the screen says so', async () => {
    const runningFile = upload('CR', 6000);
    const queuedFile = upload('CQ', 30);
    // Both are cancelled when the first reports its start (the second one waits its turn).
    let started!: (ids: [StartedImport, StartedImport]) => void;
    const both = new Promise<[StartedImport, StartedImport]>((resolve) => (started = resolve));
    const cancels: Promise<unknown>[] = [];
    const running = await start(runningFile, {
      onProgress: (done) => {
        if (done !== 0) return;
        cancels.push(
          both.then((ids) =>
            Promise.all(ids.map((s) => cancelJob(h.deps.db, h.deps.clock.now(), s.runnerJobId))),
          ),
        );
      },
    });
    const queued = await start(queuedFile);
    started([running, queued]);
    await awaitDossierImport(h.deps, running);
    await awaitDossierImport(h.deps, queued);
    expect(cancels).toHaveLength(1);
    await Promise.all(cancels);

    const message = 'Lượt nhập đã bị hủy; chưa hồ sơ nào của tệp được ghi.';
    for (const started of [running, queued]) {
      expect(await view(started.jobId)).toMatchObject({
        status: 'failed',
        message,
        canRetry: false,
      });
      expect((await getJob(h.deps.db, started.runnerJobId))!.status).toBe('cancelled');
    }
    expect((await view(running.jobId, 'en')).message).toContain('cancelled');
    expect(await count('CR')).toBe(0);
    expect(await count('CQ')).toBe(0);
    // The running one deleted its upload; the queued one never ran: its upload goes when a runner
    // starts next.
    expect(existsSync(runningFile)).toBe(false);
    expect(existsSync(queuedFile)).toBe(true);
    await dossierImportJob(h.deps).resume!();
    expect(existsSync(queuedFile)).toBe(false);
  });

  it('interrupts at the next start an import whose process died, and runs it again on request', async () => {
    await h.deps.jobs?.stop();
    delete h.deps.jobs;
    const file = upload('RS', 50);
    const started = await start(file);
    // The process that ran it claimed it, began loading and died: its lease ran out, its staging
    // table is left.
    const now = h.deps.clock.now();
    await h.deps.db.query(
      `UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 987654,
         lease_expires_at = $2, started_at = $3 WHERE id = $1`,
      [started.runnerJobId, new Date(now.getTime() - 1000), now],
    );
    await h.deps.db.query(
      `UPDATE dossier_import_jobs SET status = 'running', started_at = $2 WHERE id = $1`,
      [started.jobId, now],
    );
    const staging = `dossier_staging_job_${started.jobId}`;
    await h.deps.db.query(`CREATE UNLOGGED TABLE ${staging} (LIKE dossier_staging)`);
    expect((await view(started.jobId)).status).toBe('running');

    await startJobs(h.deps, { pollMs: 500 });
    expect(await view(started.jobId)).toMatchObject({
      status: 'interrupted',
      canRetry: true,
      retriedBy: null,
      message:
        'Lượt nhập bị gián đoạn vì máy chủ dừng giữa chừng; chưa hồ sơ nào của tệp được ghi. Có thể chạy lại lượt nhập.',
    });
    expect((await view(started.jobId, 'en')).message).toContain('interrupted');
    expect((await getJob(h.deps.db, started.runnerJobId))!.status).toBe('interrupted');
    // The administrator's home counts it until it is run again.
    expect(await interruptedOnHome()).toBe(1);
    const tables = await h.deps.db.query('SELECT 1 FROM pg_tables WHERE tablename = $1', [staging]);
    expect(tables).toEqual([]);
    expect(existsSync(file)).toBe(true);
    expect(await count('RS')).toBe(0);

    const retried = await admin.post(`/api/v1/dossiers/jobs/${started.jobId}/retry`, {});
    expect(retried.status).toBe(202);
    const again = retried.body.jobId as number;
    expect(again).not.toBe(started.jobId);
    const done = await until(
      () => view(again),
      (v) => v.status !== 'queued' && v.status !== 'running',
    );
    expect(done).toMatchObject({ status: 'succeeded', inserted: 50 });
    expect(await view(started.jobId)).toMatchObject({ status: 'interrupted', retriedBy: again });
    expect(await interruptedOnHome()).toBe(0);
    expect(await count('RS')).toBe(50);
    expect(existsSync(file)).toBe(false);
    const twice = await admin.post(`/api/v1/dossiers/jobs/${started.jobId}/retry`, {});
    expect(twice.status).toBe(409);
    // Its runner's job queued again by hand (`parindex jobs run <id>`): it does not run twice.
    await requeueJob(h.deps.db, h.deps.clock.now(), started.runnerJobId);
    expect(await h.deps.jobs!.settle(started.runnerJobId)).toMatchObject({
      status: 'failed',
      error: `Lượt nhập này đã được chạy lại thành lượt nhập ${again}.`,
    });
    expect(await view(started.jobId)).toMatchObject({ status: 'interrupted', retriedBy: again });
    expect(await count('RS')).toBe(50);
  });

  it('queues again an import whose process stopped, and runs it at the next start', async () => {
    const file = upload('GS', 6000);
    let stopping: Promise<void> | null = null;
    const started = await start(file, {
      onProgress: (done) => {
        if (done === 0 && stopping === null) stopping = h.deps.jobs!.stop();
      },
    });
    await until(
      async () => stopping,
      (s) => s !== null,
    );
    await stopping;
    delete h.deps.jobs;
    expect(await getJob(h.deps.db, started.runnerJobId)).toMatchObject({
      status: 'queued',
      attempts: 0,
      leaseOwner: null,
    });
    expect((await view(started.jobId)).status).toBe('queued');
    expect(await count('GS')).toBe(0);
    expect(existsSync(file)).toBe(true);

    await restart();
    expect(await awaitDossierImport(h.deps, started)).toMatchObject({
      status: 'succeeded',
      inserted: 6000,
    });
    expect(await count('GS')).toBe(6000);
    expect(existsSync(file)).toBe(false);
  });

  it('lists and shows import jobs in `parindex jobs`', async () => {
    const started = await start(upload('LS', 5));
    await awaitDossierImport(h.deps, started);
    const out: string[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((...args) => void out.push(args.join(' ')));
    const usage = (m: string) => new Error(m);
    try {
      await runJobsCommand(h.deps, 'list', ['--kind', 'dossier.import'], usage);
      await runJobsCommand(h.deps, 'show', [String(started.runnerJobId)], usage);
    } finally {
      log.mockRestore();
    }
    const listed = out.find((l) => l.trimStart().startsWith(`${started.runnerJobId} `));
    expect(listed).toContain('Hoàn tất');
    expect(listed).toContain('Nhập hồ sơ');
    const shown = out.join('\n');
    expect(shown).toContain('Nhập hồ sơ (dossier.import)');
    expect(shown).toContain(`"importId":${started.jobId}`);
  });
});
