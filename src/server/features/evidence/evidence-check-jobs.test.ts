/**
 * Evidence checks run as jobs of the job runner (ADR 37): an upload queues one job for its
 * version, in the upload's transaction; a check taken by a process that died is taken over and
 * read; a storage out of reach leaves the check pending without spending an attempt; a pending
 * check with no job (saved before checks were jobs) gets one when a runner starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from '../../infra/storage.ts';
import { StorageUnavailableError, createStorage } from '../../infra/storage.ts';
import { getJob, listJobs } from '../../infra/jobs.ts';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { drainEvidenceChecks, EVIDENCE_CHECK } from './check.service.ts';
import { multipart, samplePdf } from '../../test-support/test-files.ts';

let h: Harness;
let officer: Client;
let unitId: number;
let storageDown = false;
let real: FileStorage;

// The harness's storage, which a test can take out of reach for reading.
const switchable: FileStorage = {
  kind: 'disk',
  put: (key, source, options) => real.put(key, source, options),
  get: (key) => {
    if (storageDown) return Promise.reject(new StorageUnavailableError('down'));
    return real.get(key);
  },
  delete: (key) => real.delete(key),
  exists: (key) => real.exists(key),
  check: () => real.check(),
};

beforeAll(async () => {
  const { loadConfig } = await import('../../config.ts');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  real = createStorage(
    loadConfig({ PARINDEX_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'parindex-check-jobs-')) }),
  );
  h = await createHarness({}, { storage: switchable });
  // These tests run the checks themselves, step by step.
  await h.deps.jobs!.stop();
  officer = await h.login('canbo.kimphuong');
  unitId = await unitIdByCode(officer, '05551');
});
afterAll(async () => h?.close());

async function upload(name: string): Promise<{ documentId: number; versionId: number }> {
  const { body, headers } = multipart({ name, content: samplePdf(name) });
  const res = await officer.request<any>('POST', `/api/v1/units/${unitId}/evidence`, body, headers);
  expect(res.status).toBe(201);
  const [v] = await h.deps.db.query<{ id: number }>(
    'SELECT id FROM evidence_versions WHERE document_id = $1',
    [res.body.id],
  );
  return { documentId: res.body.id, versionId: v!.id };
}

const checkOf = async (documentId: number) =>
  (await officer.get(`/api/v1/evidence/${documentId}/check`)).body;

async function jobOf(versionId: number) {
  const jobs = await listJobs(h.deps.db, { kind: EVIDENCE_CHECK, limit: 500 });
  return jobs.filter((j) => (j.payload as { versionId: number }).versionId === versionId);
}

describe('evidence checks as jobs', () => {
  it('queues one job per uploaded version and reads it', async () => {
    const { documentId, versionId } = await upload('mot-viec.pdf');
    const [job, ...more] = await jobOf(versionId);
    expect(more).toEqual([]);
    expect(job).toMatchObject({ status: 'queued', maxAttempts: 3 });
    expect((await checkOf(documentId)).status).toBe('pending');
    await drainEvidenceChecks(h.deps);
    expect(await getJob(h.deps.db, job!.id)).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      result: { status: 'done', error: null },
    });
    expect((await checkOf(documentId)).status).toBe('done');
  });

  it('takes over a check whose process died while reading, and reads it', async () => {
    const { documentId, versionId } = await upload('tien-trinh-chet.pdf');
    const [job] = await jobOf(versionId);
    // A process claimed it and died: its lease ran out a minute ago.
    await h.deps.db.query(
      `UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 424242,
         lease_expires_at = $2 WHERE id = $1`,
      [job!.id, new Date(h.clock.now().getTime() - 60_000)],
    );
    await h.deps.db.query('UPDATE evidence_checks SET attempts = 1 WHERE version_id = $1', [
      versionId,
    ]);
    expect(await h.deps.jobs!.takeOver()).toEqual({ requeued: [job!.id], interrupted: [] });
    await drainEvidenceChecks(h.deps);
    expect(await getJob(h.deps.db, job!.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect((await checkOf(documentId)).status).toBe('done');
  });

  it('leaves a check pending while the storage is out of reach, spending no attempt', async () => {
    const { documentId, versionId } = await upload('kho-mat-ket-noi.pdf');
    const [job] = await jobOf(versionId);
    storageDown = true;
    try {
      await drainEvidenceChecks(h.deps);
    } finally {
      storageDown = false;
    }
    expect(await getJob(h.deps.db, job!.id)).toMatchObject({ status: 'queued', attempts: 0 });
    const [row] = await h.deps.db.query<{ attempts: number; status: string }>(
      'SELECT attempts, status FROM evidence_checks WHERE version_id = $1',
      [versionId],
    );
    expect(row).toEqual({ attempts: 0, status: 'pending' });
    expect((await checkOf(documentId)).status).toBe('pending');
    // A minute later the storage is back and the check is read.
    h.clock.advance(60_000);
    await drainEvidenceChecks(h.deps);
    expect((await checkOf(documentId)).status).toBe('done');
  });

  it('gives a job to a pending check that has none when a runner starts', async () => {
    const { documentId, versionId } = await upload('truoc-khi-co-viec.pdf');
    await h.deps.db.query('DELETE FROM jobs WHERE kind = $1', [EVIDENCE_CHECK]);
    expect(await jobOf(versionId)).toEqual([]);
    await h.deps.jobs!.resume();
    const [job] = await jobOf(versionId);
    expect(job).toMatchObject({ status: 'queued' });
    await drainEvidenceChecks(h.deps);
    expect((await checkOf(documentId)).status).toBe('done');
  });
});
