/**
 * The job runner (ADR 37) on the suite's database: a queued job runs once and records its result
 * and progress; a job that throws is tried again after its delay until its attempts are spent; a
 * cancelled job never runs, or stops when it next reports progress; a job whose lease expired or
 * whose owner is gone is taken over (queued again, or interrupted when no attempt is left); two
 * runners sharing the database never run the same job twice; stopping a runner queues its
 * running job again; a kind of concurrency 1 runs its jobs one after the other; starting takes
 * over before it resolves; a job's progress reaches its listeners; `settle` waits for a job's end.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from './clock.ts';
import type { Db } from './db.ts';
import {
  cancelJob,
  createJobRunner,
  enqueueJob,
  getJob,
  JobFailure,
  requeueJob,
  type JobHandler,
  type JobRunner,
} from './jobs.ts';
import { migrate } from './migrate.ts';
import { openTestDb } from '../test-support/harness.ts';

let db: Db;
let drop: () => Promise<void>;
const clock = fixedClock(new Date('2026-03-02T02:00:00.000Z'));
const runners: JobRunner[] = [];

beforeAll(async () => {
  ({ db, drop } = await openTestDb());
  await migrate(db);
}, 120_000);
afterAll(async () => {
  for (const r of runners) await r.stop();
  await db?.close();
  await drop?.();
});
beforeEach(async () => {
  await db.query('DELETE FROM jobs');
});

function runner(
  handlers: JobHandler<never>[],
  options: { owner?: number; isGone?: (o: number | null) => Promise<boolean> } = {},
): JobRunner {
  const r = createJobRunner({
    db,
    clock,
    owner: options.owner ?? 1,
    ...(options.isGone ? { isGone: options.isGone } : {}),
    handlers,
    pollMs: 20,
    leaseMs: 60_000,
    retryDelayMs: () => 30_000,
  });
  runners.push(r);
  return r;
}

const now = (): Date => clock.now();

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the job runner', () => {
  it('runs a queued job once and keeps its result and last progress', async () => {
    const seen: unknown[] = [];
    const r = runner([
      {
        kind: 'sum',
        async run(ctx: { payload: { a: number; b: number }; progress(v: unknown): Promise<void> }) {
          seen.push(ctx.payload);
          await ctx.progress({ done: 1, total: 2 });
          await ctx.progress({ done: 2, total: 2 });
          return { sum: ctx.payload.a + ctx.payload.b };
        },
      } as JobHandler<never>,
    ]);
    const { id } = await enqueueJob(db, now(), 'sum', { a: 2, b: 3 });
    expect((await getJob(db, id))!.status).toBe('queued');
    expect(await r.runUntilIdle()).toBe(1);
    const job = (await getJob(db, id))!;
    expect(job).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      result: { sum: 5 },
      progress: { done: 2, total: 2 },
      leaseOwner: null,
    });
    expect(seen).toEqual([{ a: 2, b: 3 }]);
    // Nothing left: a second pass runs nothing.
    expect(await r.runUntilIdle()).toBe(0);
  });

  it('joins an open job with the same dedupe key and opens a new one after it ended', async () => {
    const r = runner([{ kind: 'noop', run: async () => null }]);
    const first = await enqueueJob(db, now(), 'noop', {}, { dedupeKey: 'k' });
    const second = await enqueueJob(db, now(), 'noop', {}, { dedupeKey: 'k' });
    expect(second).toEqual({ id: first.id, created: false });
    await r.runUntilIdle();
    const third = await enqueueJob(db, now(), 'noop', {}, { dedupeKey: 'k' });
    expect(third.created).toBe(true);
    expect(third.id).not.toBe(first.id);
  });

  it('tries a failing job again after its delay and gives up after its attempts', async () => {
    let calls = 0;
    const r = runner([
      {
        kind: 'flaky',
        run: async () => {
          calls += 1;
          throw new Error(`boom ${calls}`);
        },
      },
    ]);
    const { id } = await enqueueJob(db, now(), 'flaky', {}, { maxAttempts: 2 });
    await r.runUntilIdle();
    let job = (await getJob(db, id))!;
    expect(job).toMatchObject({ status: 'queued', attempts: 1, error: 'boom 1' });
    expect(new Date(job.runAfter).getTime() - now().getTime()).toBe(30_000);
    // Not ready before its delay.
    expect(await r.runUntilIdle()).toBe(0);
    clock.advance(30_000);
    expect(await r.runUntilIdle()).toBe(1);
    job = (await getJob(db, id))!;
    expect(job).toMatchObject({ status: 'failed', attempts: 2, error: 'boom 2' });
    expect(calls).toBe(2);
    // Run again by hand: attempts start over.
    expect((await requeueJob(db, now(), id))!.status).toBe('queued');
    await r.runUntilIdle();
    expect(calls).toBe(3);
  });

  it('does not retry a JobFailure', async () => {
    const r = runner([
      {
        kind: 'refused',
        run: async () => {
          throw new JobFailure('bad input');
        },
      },
    ]);
    const { id } = await enqueueJob(db, now(), 'refused', {}, { maxAttempts: 5 });
    await r.runUntilIdle();
    expect(await getJob(db, id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: 'bad input',
    });
  });

  it('cancels a queued job before it runs and a running one at its next progress report', async () => {
    let ran = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const r = runner([
      { kind: 'never', run: async () => void (ran += 1) },
      {
        kind: 'long',
        run: (async (ctx: { progress(v: unknown): Promise<void> }) => {
          started();
          await gate;
          await ctx.progress({ step: 'after cancel' });
          ran += 100;
        }) as never,
      },
    ]);
    const queued = await enqueueJob(db, now(), 'never', {});
    expect((await cancelJob(db, now(), queued.id))!.status).toBe('cancelled');
    const long = await enqueueJob(db, now(), 'long', {});
    const done = r.runUntilIdle(['long']);
    await running;
    const asked = (await cancelJob(db, now(), long.id))!;
    expect(asked).toMatchObject({ status: 'running', cancelRequested: true });
    release();
    await done;
    await r.runUntilIdle();
    expect(await getJob(db, long.id)).toMatchObject({ status: 'cancelled' });
    expect(await getJob(db, queued.id)).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(ran).toBe(0);
  });

  it('takes over a job whose lease expired, and marks it interrupted when no attempt is left', async () => {
    const ran: number[] = [];
    const r = runner([{ kind: 'work', run: async (ctx) => void ran.push(ctx.id) }], { owner: 2 });
    const retry = await enqueueJob(db, now(), 'work', {}, { maxAttempts: 2 });
    const last = await enqueueJob(db, now(), 'work', {}, { maxAttempts: 1 });
    const fresh = await enqueueJob(db, now(), 'work', {}, { maxAttempts: 2 });
    // A process (owner 77) claimed all three; two leases ended a second ago, one runs on.
    await db.query(
      `UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 77,
         lease_expires_at = CASE WHEN id = $3 THEN $2::timestamptz ELSE $1::timestamptz END`,
      [new Date(now().getTime() - 1000), new Date(now().getTime() + 60_000), fresh.id],
    );
    const taken = await r.takeOver();
    expect(taken).toEqual({ requeued: [retry.id], interrupted: [last.id] });
    await r.runUntilIdle();
    expect(ran).toEqual([retry.id]);
    expect(await getJob(db, retry.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(await getJob(db, last.id)).toMatchObject({ status: 'interrupted' });
    expect(await getJob(db, fresh.id)).toMatchObject({ status: 'running', leaseOwner: 77 });
  });

  it('takes over at once the jobs of an owner that is gone, before its lease ends', async () => {
    const r = runner([{ kind: 'work', run: async () => 'ok' }], {
      owner: 3,
      isGone: async (o) => o === 78,
    });
    const a = await enqueueJob(db, now(), 'work', {});
    const b = await enqueueJob(db, now(), 'work', {});
    await db.query(
      `UPDATE jobs SET status = 'running', attempts = 1, lease_expires_at = $1,
         lease_owner = CASE WHEN id = $2 THEN 78 ELSE 79 END`,
      [new Date(now().getTime() + 60_000), a.id],
    );
    expect(await r.takeOver()).toEqual({ requeued: [a.id], interrupted: [] });
    await r.runUntilIdle();
    expect(await getJob(db, a.id)).toMatchObject({ status: 'succeeded', result: 'ok' });
    expect(await getJob(db, b.id)).toMatchObject({ status: 'running', leaseOwner: 79 });
  });

  it('stops a running job whose lease another process took over', async () => {
    let signal!: AbortSignal;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const r = runner([
      {
        kind: 'slow',
        run: (async (ctx: { signal: AbortSignal; progress(v: unknown): Promise<void> }) => {
          signal = ctx.signal;
          started();
          await gate;
          await ctx.progress('late');
        }) as never,
      },
    ]);
    const { id } = await enqueueJob(db, now(), 'slow', {});
    const done = r.runUntilIdle();
    await running;
    await db.query(`UPDATE jobs SET lease_owner = 99 WHERE id = $1`, [id]);
    release();
    await done;
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('lease_lost');
    // The row is the other process's: this one wrote nothing over it.
    expect(await getJob(db, id)).toMatchObject({ status: 'running', leaseOwner: 99 });
  });

  it('renews the lease of a running job and queues it again when its runner stops', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const r = createJobRunner({
      db,
      clock,
      owner: 4,
      leaseMs: 60,
      pollMs: 10,
      handlers: [
        {
          kind: 'endless',
          run: (async (ctx: { signal: AbortSignal }) => {
            started();
            await new Promise((_, reject) =>
              ctx.signal.addEventListener('abort', () => reject(new Error('stopped'))),
            );
          }) as never,
        },
      ],
    });
    const { id } = await enqueueJob(db, now(), 'endless', {});
    await r.start();
    await running;
    const claimed = (await getJob(db, id))!;
    clock.advance(1000);
    await until(async () => {
      const job = (await getJob(db, id))!;
      return new Date(job.leaseExpiresAt!).getTime() > new Date(claimed.leaseExpiresAt!).getTime();
    });
    await r.stop();
    expect(await getJob(db, id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      leaseOwner: null,
    });
  });

  it('runs the jobs of a kind of concurrency 1 one after the other, other kinds meanwhile', async () => {
    const events: string[] = [];
    let releaseOther!: () => void;
    const otherHeld = new Promise<void>((resolve) => (releaseOther = resolve));
    const serial: JobHandler<never> = {
      kind: 'serial',
      run: (async (ctx: { payload: { n: number } }) => {
        events.push(`start ${ctx.payload.n}`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push(`end ${ctx.payload.n}`);
      }) as never,
    };
    const other: JobHandler<never> = {
      kind: 'other',
      run: async () => {
        events.push('other');
        await otherHeld;
      },
    };
    const r = runner([serial, other]);
    const one = await enqueueJob(db, now(), 'serial', { n: 1 });
    const two = await enqueueJob(db, now(), 'serial', { n: 2 });
    const third = await enqueueJob(db, now(), 'other', {});
    await r.start();
    await until(async () => events.includes('end 2'));
    // The other kind started while the first ran and is still running: it held no slot of theirs.
    expect(events[0]).toBe('start 1');
    expect(events).toContain('other');
    expect(events.filter((e) => e !== 'other')).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    expect((await getJob(db, third.id))!.status).toBe('running');
    releaseOther();
    expect((await r.settle(third.id))!.status).toBe('succeeded');
    expect((await getJob(db, one.id))!.status).toBe('succeeded');
    expect((await getJob(db, two.id))!.status).toBe('succeeded');
    await r.stop();
  });

  it('has taken over the jobs of gone owners when start resolves, before the kinds resume', async () => {
    const seenAtResume: string[] = [];
    const r = runner(
      [
        {
          kind: 'held',
          run: async () => 'again',
          resume: async () => {
            const [row] = await db.query<{ status: string }>(
              `SELECT status FROM jobs WHERE kind = 'held'`,
            );
            seenAtResume.push(row!.status);
          },
        },
      ],
      { owner: 4, isGone: async (o) => o === 80 },
    );
    const { id } = await enqueueJob(db, now(), 'held', {}, { maxAttempts: 1 });
    await db.query(
      `UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 80, lease_expires_at = $1`,
      [new Date(now().getTime() + 60_000)],
    );
    await r.start();
    expect(seenAtResume).toEqual(['interrupted']);
    expect(await getJob(db, id)).toMatchObject({ status: 'interrupted', leaseOwner: null });
    await r.stop();
  });

  it('hands progress to the listeners of this process and settles a job run in the foreground', async () => {
    const r = runner([
      {
        kind: 'steps',
        run: async (ctx) => {
          for (let i = 1; i <= 3; i++) await ctx.progress({ done: i });
          return 'done';
        },
      },
    ]);
    const { id } = await enqueueJob(db, now(), 'steps', {});
    const seen: unknown[] = [];
    const other: unknown[] = [];
    r.watch(id, (p) => seen.push(p));
    const unwatch = r.watch(id, (p) => other.push(p));
    unwatch();
    // Not started: settle runs the job in this call.
    expect(await r.settle(id)).toMatchObject({ status: 'succeeded', result: 'done' });
    expect(seen).toEqual([{ done: 1 }, { done: 2 }, { done: 3 }]);
    expect(other).toEqual([]);
    expect(await r.settle(999_999)).toBeNull();
  });

  it('queues a recurring kind once at start and again after each run, on the same row', async () => {
    let runs = 0;
    const r = runner([
      {
        kind: 'tick',
        everyMs: 60_000,
        run: async () => {
          runs += 1;
          if (runs === 2) throw new Error('not this time');
          return { run: runs };
        },
      },
    ]);
    await r.start();
    await until(async () => {
      const rows = await db.query<{ status: string }>(
        `SELECT status FROM jobs WHERE kind = 'tick'`,
      );
      return runs === 1 && rows[0]?.status === 'queued';
    });
    await r.stop();
    const [job, ...others] = await db.query<{ id: number }>(`SELECT id FROM jobs`);
    expect(others).toEqual([]);
    const due = new Date(now().getTime() + 60_000).toISOString();
    expect(await getJob(db, job!.id)).toMatchObject({
      kind: 'tick',
      status: 'queued',
      attempts: 0,
      result: { run: 1 },
      runAfter: due,
    });
    // Nothing before its time; at its time it runs on the same row, a failure queued again too.
    expect(await r.runUntilIdle()).toBe(0);
    clock.advance(60_000);
    expect(await r.runUntilIdle()).toBe(1);
    expect(await getJob(db, job!.id)).toMatchObject({
      status: 'queued',
      error: 'not this time',
      runAfter: new Date(now().getTime() + 60_000).toISOString(),
    });
    // A second start joins the queued job instead of queueing another.
    await r.resume();
    expect(await db.query(`SELECT id FROM jobs`)).toHaveLength(1);
    // Cancelled, it ends.
    await cancelJob(db, now(), job!.id);
    expect((await getJob(db, job!.id))!.status).toBe('cancelled');
  });

  it('never runs a job twice when two runners share the database', async () => {
    const runs = new Map<number, number>();
    const handler: JobHandler<never> = {
      kind: 'count',
      concurrency: 3,
      run: async (ctx) => {
        runs.set(ctx.id, (runs.get(ctx.id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    };
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push((await enqueueJob(db, now(), 'count', { i })).id);
    const a = runner([handler], { owner: 5 });
    const b = runner([handler], { owner: 6 });
    await Promise.all([a.start(), b.start()]);
    await until(async () => {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM jobs WHERE kind = 'count' AND status = 'succeeded'`,
      );
      return row!.n === 30;
    });
    await a.stop();
    await b.stop();
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(ids);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const owners = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE kind = 'count' AND attempts = 1`,
    );
    expect(owners[0]!.n).toBe(30);
  });
});
