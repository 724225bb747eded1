/**
 * Jobs of processes that stopped (ADR 23): a document draft left running by a gone owner becomes
 * interrupted and is drafted again on request; on PostgreSQL a job whose owner still lives is left
 * alone until that owner's connection ends; a staging table no open import uses is dropped; a
 * running server does it again every minute, as the recurring job `jobs.recover`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJobOwner, type JobOwner } from '../../infra/job-owner.ts';
import {
  createHarness,
  testBackend,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { createJobRunner, type JobHandler } from '../../infra/jobs.ts';
import { recoverInterruptedJobs, recoveryJob, RECOVERY_KIND } from './recovery.ts';

let h: Harness;
let admin: Client;
const owners: JobOwner[] = [];

async function owner(): Promise<JobOwner> {
  const o = await claimJobOwner(h.deps.db, h.databaseUrl);
  owners.push(o);
  return o;
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
}, 120_000);
afterAll(async () => {
  for (const o of owners) await o.close();
  await h?.close();
});

/** A document job as a process leaves it when it stops while drafting. */
async function runningDraft(ownerId: number): Promise<number> {
  const [user] = await h.deps.db.query<{ id: number }>(
    "SELECT id FROM users WHERE username = 'admin'",
  );
  const district = (
    await h.deps.db.query<{ id: number }>("SELECT id FROM units WHERE code = 'H-DIENBIENDONG'")
  )[0]!.id;
  const [row] = await h.deps.db.query<{ id: number }>(
    `INSERT INTO document_jobs (doc_type, params, status, progress, step, file_name, created_by, owner)
     VALUES ('dossier_quarter_report', $1, 'running', 30, 'render', 'bao-cao', $2, $3) RETURNING id`,
    [
      JSON.stringify({
        type: 'dossier_quarter_report',
        unitId: district,
        period: '2021-Q2',
        bands: 'dien-bien-dong-509-2020',
      }),
      user!.id,
      ownerId,
    ],
  );
  return row!.id;
}

describe('jobs left by a process that stopped', () => {
  it('marks a draft of a gone owner interrupted, and drafts it again on request', async () => {
    const stopped = await owner();
    const id = await runningDraft(stopped.id);
    await stopped.close();
    const me = await owner();
    const recovery = await recoverInterruptedJobs(h.deps, me);
    expect(recovery.documents).toEqual([id]);

    const vi = await admin.get(`/api/v1/documents/jobs/${id}`);
    expect(vi.body).toMatchObject({ status: 'interrupted', retriedBy: null });
    expect(vi.body.errorMessage).toBe(
      'Việc lập văn bản bị gián đoạn vì máy chủ dừng giữa chừng. Có thể chạy lại.',
    );
    const en = await admin.request('GET', `/api/v1/documents/jobs/${id}`, undefined, {
      'accept-language': 'en',
    });
    expect(en.body.errorMessage).toContain('interrupted');

    const retried = await admin.post(`/api/v1/documents/jobs/${id}/retry`, {});
    expect(retried.status).toBe(202);
    let job = retried.body;
    for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await admin.get(`/api/v1/documents/jobs/${job.id}`)).body;
    }
    expect(job.status).toBe('succeeded');
    expect((await admin.get(`/api/v1/documents/jobs/${id}`)).body.retriedBy).toBe(job.id);
    // Only an interrupted job runs again.
    const again = await admin.post(`/api/v1/documents/jobs/${job.id}/retry`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('job_not_interrupted');
  });

  it('marks them while a server runs, by the recurring job jobs.recover', async () => {
    const stopped = await owner();
    const id = await runningDraft(stopped.id);
    await stopped.close();
    const me = await owner();
    const runner = createJobRunner({
      db: h.deps.db,
      clock: h.deps.clock,
      owner: me.id,
      isGone: (o) => me.isGone(o),
      handlers: [recoveryJob(h.deps, me) as JobHandler<never>],
      pollMs: 100,
    });
    await runner.start();
    try {
      let status = '';
      for (let i = 0; i < 100 && status !== 'interrupted'; i++) {
        status = (await admin.get(`/api/v1/documents/jobs/${id}`)).body.status;
        if (status !== 'interrupted') await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe('interrupted');
      // One job for every process, queued again for the next minute with what it did.
      const rows = await h.deps.db.query<{ status: string; run_after: Date; result: unknown }>(
        'SELECT status, run_after, result FROM jobs WHERE kind = $1',
        [RECOVERY_KIND],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe('queued');
      expect(new Date(rows[0]!.run_after).getTime()).toBeGreaterThan(
        h.deps.clock.now().getTime() + 30_000,
      );
      expect(rows[0]!.result).toMatchObject({ documents: [id] });
    } finally {
      await runner.stop();
    }
  });

  it.runIf(testBackend === 'postgres')(
    'leaves the jobs of a live process alone on PostgreSQL',
    async () => {
      const other = await owner();
      const id = await runningDraft(other.id);
      const me = await owner();
      expect((await recoverInterruptedJobs(h.deps, me)).documents).toEqual([]);
      expect((await admin.get(`/api/v1/documents/jobs/${id}`)).body.status).toBe('running');
      await other.close();
      expect((await recoverInterruptedJobs(h.deps, me)).documents).toEqual([id]);
    },
  );

  it('drops a staging table that no queued or running import uses', async () => {
    await h.deps.db.query(
      'CREATE UNLOGGED TABLE dossier_staging_job_999999 (LIKE dossier_staging)',
    );
    const me = await owner();
    expect((await recoverInterruptedJobs(h.deps, me)).stagingDropped).toEqual([
      'dossier_staging_job_999999',
    ]);
    const left = await h.deps.db.query(
      "SELECT 1 FROM pg_tables WHERE tablename = 'dossier_staging_job_999999'",
    );
    expect(left).toEqual([]);
  });
});
