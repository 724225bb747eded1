/**
 * The periodic notification scan as jobs of the runner: one chain at the quarter hours (the interval
 * of these tests is 15 minutes) whatever the number of runners started, a first scan shortly after
 * a start, and each periodic scan queueing the next one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test-support/harness.ts';
import { enqueueJob, getJob, listJobs, type Job } from '../../infra/jobs.ts';
import { notificationScanJob } from './scan-job.ts';
import { queueCampaignScan } from './scan-queue.ts';

let h: Harness;

beforeAll(async () => {
  // The harness's clock starts at 2026-03-02T02:00:00Z and its runner is started at once.
  h = await createHarness({ notifyIntervalMinutes: 15 });
});
afterAll(async () => {
  await h?.close();
});

const openScans = async (): Promise<Job[]> =>
  (await listJobs(h.deps.db, { kind: 'notification.scan' })).filter(
    (j) => j.status === 'queued' || j.status === 'running',
  );

const runAfters = (jobs: Job[]) => jobs.map((j) => j.runAfter).sort();

async function finished(id: number): Promise<Job | null> {
  for (let i = 0; i < 100; i++) {
    const job = await getJob(h.deps.db, id);
    if (job && !['queued', 'running'].includes(job.status)) return job;
    await h.deps.jobs!.runUntilIdle(['notification.scan']);
    await new Promise((r) => setTimeout(r, 50));
  }
  return getJob(h.deps.db, id);
}

describe('the periodic notification scan', () => {
  it('is queued once at the next quarter hour, with a first scan ten seconds after the start', async () => {
    // The runner queues them in the background as it starts.
    for (let i = 0; i < 100 && (await openScans()).length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(runAfters(await openScans())).toEqual([
      '2026-03-02T02:00:10.000Z',
      '2026-03-02T02:15:00.000Z',
    ]);
  });

  it('is not queued again when another runner starts meanwhile', async () => {
    h.clock.set(new Date('2026-03-02T02:07:30.000Z'));
    await notificationScanJob(h.deps).resume!();
    expect(runAfters(await openScans())).toEqual([
      '2026-03-02T02:00:10.000Z',
      '2026-03-02T02:15:00.000Z',
    ]);
  });

  it('queues the next quarter hour once the scan has run', async () => {
    const [first, periodic] = (await openScans()).sort((a, b) =>
      a.runAfter < b.runAfter ? -1 : 1,
    );
    h.clock.set(new Date('2026-03-02T02:15:00.000Z'));
    expect((await finished(first!.id))?.status).toBe('succeeded');
    expect((await finished(periodic!.id))?.status).toBe('succeeded');
    expect(runAfters(await openScans())).toEqual(['2026-03-02T02:30:00.000Z']);
  });
});

describe("a campaign's scan", () => {
  const scansOf = async (campaignId: number) =>
    (await listJobs(h.deps.db, { kind: 'notification.scan', limit: 500 })).filter(
      (j) => (j.payload as { campaignId?: number }).campaignId === campaignId,
    );

  it('is asked for once while queued, and again once it has started', async () => {
    const now = h.clock.now();
    // Queued for later, so that no runner takes it during the test.
    const queued = await enqueueJob(
      h.deps.db,
      now,
      'notification.scan',
      { campaignId: 4242 },
      {
        dedupeKey: 'notification.scan:campaign:4242',
        runAfter: new Date(now.getTime() + 3_600_000),
      },
    );
    await queueCampaignScan(h.deps.db, h.clock.now(), 4242);
    expect((await scansOf(4242)).map((j) => j.id)).toEqual([queued.id]);

    await notificationScanJob(h.deps).run({
      id: queued.id,
      payload: { campaignId: 4242 },
      attempt: 1,
      signal: new AbortController().signal,
      progress: async () => undefined,
    });
    await queueCampaignScan(h.deps.db, h.clock.now(), 4242);
    const scans = await scansOf(4242);
    expect(scans).toHaveLength(2);
    expect(scans.map((j) => j.id)).toContain(queued.id);
  });
});
