/**
 * The job runner (ADR 37): every background task is a row of `jobs`, run by whichever process
 * claims it. A claim takes the oldest ready job (`FOR UPDATE SKIP LOCKED`, so two processes never
 * take the same row) and gives the claiming process a lease: its owner number (ADR 23) and an
 * expiry it renews while the job runs. A job whose lease has expired, or whose owner is gone, is
 * taken over: queued again while attempts remain, else marked interrupted. A job that throws is
 * retried after a growing delay until its attempts are spent; a `JobFailure` is not retried.
 * Cancelling a queued job ends it at once; a running job is asked to stop (its signal aborts) and
 * ends cancelled. Progress is whatever the kind reports, kept on the row for pollers and handed to
 * the listeners of this process (`watch`). `concurrency` bounds the jobs of a kind one process runs
 * at once (1 by default: one after the other). A recurring kind (`everyMs`) has one job, queued
 * again after each run.
 *
 * The same code runs on both databases: the embedded one is a single process, so every owner
 * other than the current one is gone and a restart takes over at once.
 */
import type { Clock } from './clock.ts';
import type { Db, Queryable } from './db.ts';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  dedupeKey: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAfter: string;
  leaseOwner: number | null;
  leaseExpiresAt: string | null;
  progress: unknown;
  result: unknown;
  error: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface JobRow {
  id: number;
  kind: string;
  payload: unknown;
  dedupe_key: string | null;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: Date | string;
  lease_owner: number | null;
  lease_expires_at: Date | string | null;
  progress: unknown;
  result: unknown;
  error: string | null;
  cancel_requested: boolean;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

const iso = (v: Date | string): string => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null): string | null => (v === null ? null : iso(v));

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    dedupeKey: row.dedupe_key,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAfter: iso(row.run_after),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: isoOrNull(row.lease_expires_at),
    progress: row.progress,
    result: row.result,
    error: row.error,
    cancelRequested: row.cancel_requested,
    createdAt: iso(row.created_at),
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
  };
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

export interface EnqueueOptions {
  /** One open (queued or running) job per key: enqueueing again returns the open one. */
  dedupeKey?: string;
  /** Tries before the job is given up (default 3). */
  maxAttempts?: number;
  /** Not before this time (default now). */
  runAfter?: Date;
}

/**
 * Queues a job, inside the caller's transaction when `q` is one (the job exists exactly when the
 * work that asked for it was saved). With a dedupe key already open, returns that job's id.
 */
export async function enqueueJob(
  q: Queryable,
  now: Date,
  kind: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<{ id: number; created: boolean }> {
  const params = [
    kind,
    json(payload ?? {}),
    options.dedupeKey ?? null,
    options.maxAttempts ?? 3,
    options.runAfter ?? now,
    now,
  ];
  const sql = `INSERT INTO jobs (kind, payload, dedupe_key, max_attempts, run_after, created_at, updated_at)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $6)`;
  if (options.dedupeKey === undefined) {
    const [row] = await q.query<{ id: number }>(`${sql} RETURNING id`, params);
    return { id: row!.id, created: true };
  }
  const [row] = await q.query<{ id: number }>(
    `${sql} ON CONFLICT (dedupe_key) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
    params,
  );
  if (row) return { id: row.id, created: true };
  const [open] = await q.query<{ id: number }>(
    `SELECT id FROM jobs WHERE dedupe_key = $1 AND status IN ('queued', 'running')`,
    [options.dedupeKey],
  );
  // The open job ended between the insert and the look-up: queue a fresh one.
  if (!open) return enqueueJob(q, now, kind, payload, options);
  return { id: open.id, created: false };
}

/**
 * Queues many jobs of one kind at once (a batch), skipping those whose dedupe key has an open job.
 * Returns how many were queued.
 */
export async function enqueueJobs(
  q: Queryable,
  now: Date,
  kind: string,
  items: readonly { payload: unknown; dedupeKey?: string; maxAttempts?: number }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await q.query<{ id: number }>(
    `INSERT INTO jobs (kind, payload, dedupe_key, max_attempts, run_after, created_at, updated_at)
     SELECT $1, t.payload::jsonb, t.dedupe_key, t.max_attempts, $5, $5, $5
     FROM unnest($2::text[], $3::text[], $4::int[]) WITH ORDINALITY
       AS t(payload, dedupe_key, max_attempts, n)
     ORDER BY t.n
     ON CONFLICT (dedupe_key) WHERE status IN ('queued', 'running') DO NOTHING
     RETURNING id`,
    [
      kind,
      items.map((i) => json(i.payload ?? {})),
      items.map((i) => i.dedupeKey ?? null),
      items.map((i) => i.maxAttempts ?? 3),
      now,
    ],
  );
  return rows.length;
}

export async function getJob(q: Queryable, id: number): Promise<Job | null> {
  const [row] = await q.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
  return row ? toJob(row) : null;
}

export async function listJobs(
  q: Queryable,
  filter: { status?: JobStatus; kind?: string; limit?: number } = {},
): Promise<Job[]> {
  const rows = await q.query<JobRow>(
    `SELECT * FROM jobs
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2)
     ORDER BY id DESC LIMIT $3`,
    [filter.status ?? null, filter.kind ?? null, filter.limit ?? 50],
  );
  return rows.map(toJob);
}

/**
 * Cancels a job: a queued one ends cancelled now; a running one is asked to stop and ends
 * cancelled when its runner notices (at its next progress report or lease renewal). Returns the
 * job as it is afterwards, or null when there is none.
 */
export async function cancelJob(q: Queryable, now: Date, id: number): Promise<Job | null> {
  const [row] = await q.query<JobRow>(
    `UPDATE jobs SET
       status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
       finished_at = CASE WHEN status = 'queued' THEN $2 ELSE finished_at END,
       cancel_requested = cancel_requested OR status = 'running',
       updated_at = $2
     WHERE id = $1 RETURNING *`,
    [id, now],
  );
  return row ? toJob(row) : null;
}

/**
 * Frees a running job's dedupe key, so that the same work asked for again is queued as a job of
 * its own instead of joining this one: for work that must also see what was saved after it
 * started (a scan), called when it starts.
 */
export async function releaseDedupeKey(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE jobs SET dedupe_key = NULL WHERE id = $1', [id]);
}

/** Queues again a job that ended without succeeding (failed, interrupted or cancelled). */
export async function requeueJob(q: Queryable, now: Date, id: number): Promise<Job | null> {
  const [row] = await q.query<JobRow>(
    `UPDATE jobs SET status = 'queued', attempts = 0, run_after = $2, error = NULL,
       cancel_requested = false, finished_at = NULL, lease_owner = NULL, lease_expires_at = NULL,
       updated_at = $2
     WHERE id = $1 AND status IN ('failed', 'interrupted', 'cancelled') RETURNING *`,
    [id, now],
  );
  return row ? toJob(row) : null;
}

/** What a running job is given. */
export interface JobContext<P = unknown> {
  id: number;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
  /** Aborts when the job is cancelled, its lease is lost or the runner stops. */
  signal: AbortSignal;
  /** Records progress for pollers; also the moment a cancellation is noticed. */
  progress(value: unknown): Promise<void>;
}

/** A kind of job and how to run it. */
export interface JobHandler<P = unknown> {
  kind: string;
  run(context: JobContext<P>): Promise<unknown>;
  /** Jobs of this kind run at once in one process (default 1). */
  concurrency?: number;
  /**
   * Queues the work of this kind that has no open job (work saved before the kind ran as jobs);
   * called when a runner starts.
   */
  resume?(): Promise<void>;
  /**
   * A recurring kind: one job of it (its dedupe key is the kind) is queued when a runner starts,
   * and after each run, whatever its outcome, the same job is queued again this many milliseconds
   * later (its result or error kept) instead of ending. Cancelled, it ends until the next start.
   */
  everyMs?: number;
}

/** Thrown by a job that must not be tried again (bad input, a refused file). */
export class JobFailure extends Error {}

/**
 * Thrown by a job that could not start its work (a service out of reach): it is queued again
 * after `delayMs` without spending an attempt.
 */
export class JobDeferred extends Error {
  constructor(
    readonly delayMs: number,
    message = 'deferred',
  ) {
    super(message);
  }
}

/** Why a running job's signal aborted. */
export type AbortReason = 'cancelled' | 'lease_lost' | 'stopping';

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  /** This process's owner number (ADR 23). */
  owner: number;
  /** Whether the process that owned `owner` is gone; without it only expired leases are taken. */
  isGone?: (owner: number | null) => Promise<boolean>;
  handlers: readonly JobHandler<never>[];
  /** How long a claim holds without renewal (default 60 s); renewed every third of it. */
  leaseMs?: number;
  /** How often the runner looks for ready jobs without being woken (default 2 s). */
  pollMs?: number;
  /** Delay before try n+1 after try n failed (default 5 s × 2^(n-1), at most 10 min). */
  retryDelayMs?: (attempt: number) => number;
  /** Where errors of the runner itself go (default: ignored). */
  onError?: (error: unknown) => void;
}

export interface JobRunner {
  readonly owner: number;
  /**
   * Starts claiming in the background (poll, renew, take over). Resolves once the jobs of gone
   * owners were taken over and every kind resumed its work, before the first claim: a server
   * answers only after a restart's jobs show their new state.
   */
  start(): Promise<void>;
  /** Looks for ready jobs now (after an enqueue in this process). */
  wake(): void;
  /**
   * Runs ready jobs (of `kinds`, default all) in this call until none is ready and none of them
   * runs here; for commands and tests.
   */
  runUntilIdle(kinds?: readonly string[]): Promise<number>;
  /**
   * Runs job `id` now in this call if it is queued and of a known kind (its delay is skipped);
   * returns false when it could not be claimed.
   */
  runJob(id: number): Promise<boolean>;
  /** Lets every kind queue its work that has no open job (done by `start`). */
  resume(): Promise<void>;
  /** Takes over jobs whose lease expired or whose owner is gone; returns their ids. */
  takeOver(): Promise<{ requeued: number[]; interrupted: number[] }>;
  /**
   * Waits for job `id` to end and returns it as it ended (null: no such job). A runner started in
   * the background runs it when its turn comes; one that is not runs it now in this call. A job
   * run by another process is followed on its row.
   */
  settle(id: number): Promise<Job | null>;
  /**
   * Calls `listener` with each progress job `id` reports while it runs in this process, until the
   * returned function is called or the run here ends.
   */
  watch(id: number, listener: (progress: unknown) => void): () => void;
  /** Stops claiming, aborts the running jobs and waits for them to end (they are queued again). */
  stop(): Promise<void>;
}

const ENDED: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);

interface Active {
  kind: string;
  controller: AbortController;
  done: Promise<void>;
}

const defaultRetryDelay = (attempt: number): number =>
  Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 600_000);

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, clock, owner } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 2_000;
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const onError = options.onError ?? (() => undefined);
  const handlers = new Map(options.handlers.map((h) => [h.kind, h as JobHandler<unknown>]));
  const active = new Map<number, Active>();
  const watchers = new Map<number, Set<(progress: unknown) => void>>();
  let timers: NodeJS.Timeout[] = [];
  let started = false;
  let stopping = false;
  let ticking: Promise<void> | null = null;
  let again = false;

  const leaseEnd = (): Date => new Date(clock.now().getTime() + leaseMs);

  /** Kinds with a free slot in this process (among `only`). */
  function freeKinds(only?: readonly string[]): string[] {
    const kinds: string[] = [];
    for (const [kind, handler] of handlers) {
      if (only && !only.includes(kind)) continue;
      let running = 0;
      for (const a of active.values()) if (a.kind === kind) running += 1;
      if (running < (handler.concurrency ?? 1)) kinds.push(kind);
    }
    return kinds;
  }

  /** Claims the oldest ready job of `kinds`, or job `id` when it is queued (whatever its time). */
  async function claim(kinds: string[], id: number | null = null): Promise<JobRow | null> {
    if (kinds.length === 0) return null;
    const now = clock.now();
    const [row] = await db.query<JobRow>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = $1,
         lease_expires_at = $2, started_at = COALESCE(started_at, $3), updated_at = $3
       WHERE id = (
         SELECT id FROM jobs
         WHERE status = 'queued' AND kind = ANY($4::text[])
           AND ($5::int IS NULL AND run_after <= $3 OR id = $5)
         ORDER BY run_after, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [owner, leaseEnd(), now, kinds, id],
    );
    return row ?? null;
  }

  /** Writes a job's end, if this process still holds it. */
  async function finish(row: JobRow, outcome: Promise<unknown>, active: Active): Promise<void> {
    let result: unknown;
    let error: unknown = null;
    let failed = false;
    try {
      result = await outcome;
    } catch (e) {
      failed = true;
      error = e;
    }
    const now = clock.now();
    const reason = active.controller.signal.reason as AbortReason | undefined;
    const mine = `id = $1 AND lease_owner = $2 AND status = 'running'`;
    if (reason === 'lease_lost') return;
    if (reason === 'cancelled' && failed) {
      await db.query(
        `UPDATE jobs SET status = 'cancelled', finished_at = $3, updated_at = $3,
           lease_owner = NULL, lease_expires_at = NULL WHERE ${mine}`,
        [row.id, owner, now],
      );
      return;
    }
    const every = handlers.get(row.kind)?.everyMs;
    // Queued again after its run; stopped half-way by this process's shutdown, it is queued at once.
    if (every !== undefined && reason !== 'cancelled' && !(reason === 'stopping' && failed)) {
      const message = failed ? (error instanceof Error ? error.message : String(error)) : null;
      await db.query(
        `UPDATE jobs SET status = 'queued', attempts = 0, result = $3::jsonb, error = $4,
           run_after = $5, finished_at = $6, updated_at = $6, lease_owner = NULL,
           lease_expires_at = NULL WHERE ${mine}`,
        [
          row.id,
          owner,
          failed ? null : json(result ?? null),
          message,
          new Date(now.getTime() + every),
          now,
        ],
      );
      if (failed) onError(error);
      return;
    }
    if (reason === 'stopping' && failed) {
      // Stopped by this process's shutdown, not by the job: it runs again elsewhere or later.
      await db.query(
        `UPDATE jobs SET status = 'queued', attempts = GREATEST(attempts - 1, 0), run_after = $3,
           updated_at = $3, lease_owner = NULL, lease_expires_at = NULL WHERE ${mine}`,
        [row.id, owner, now],
      );
      return;
    }
    if (!failed) {
      await db.query(
        `UPDATE jobs SET status = 'succeeded', result = $3::jsonb, error = NULL, finished_at = $4,
           updated_at = $4, lease_owner = NULL, lease_expires_at = NULL WHERE ${mine}`,
        [row.id, owner, json(result ?? null), now],
      );
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof JobDeferred) {
      await db.query(
        `UPDATE jobs SET status = 'queued', attempts = GREATEST(attempts - 1, 0), error = $3,
           run_after = $4, updated_at = $5, lease_owner = NULL, lease_expires_at = NULL
         WHERE ${mine}`,
        [row.id, owner, message, new Date(now.getTime() + error.delayMs), now],
      );
      return;
    }
    const final = error instanceof JobFailure || row.attempts >= row.max_attempts;
    if (final) {
      await db.query(
        `UPDATE jobs SET status = 'failed', error = $3, finished_at = $4, updated_at = $4,
           lease_owner = NULL, lease_expires_at = NULL WHERE ${mine}`,
        [row.id, owner, message, now],
      );
    } else {
      await db.query(
        `UPDATE jobs SET status = 'queued', error = $3, run_after = $4, updated_at = $5,
           lease_owner = NULL, lease_expires_at = NULL WHERE ${mine}`,
        [row.id, owner, message, new Date(now.getTime() + retryDelay(row.attempts)), now],
      );
    }
  }

  function launch(row: JobRow): Active {
    const handler = handlers.get(row.kind)!;
    const controller = new AbortController();
    const entry: Active = { kind: row.kind, controller, done: Promise.resolve() };
    const context: JobContext = {
      id: row.id,
      payload: row.payload,
      attempt: row.attempts,
      signal: controller.signal,
      async progress(value) {
        const [r] = await db.query<{ cancel_requested: boolean }>(
          `UPDATE jobs SET progress = $3::jsonb, updated_at = $4
           WHERE id = $1 AND lease_owner = $2 AND status = 'running' RETURNING cancel_requested`,
          [row.id, owner, json(value), clock.now()],
        );
        if (!r) controller.abort('lease_lost' satisfies AbortReason);
        else if (r.cancel_requested) controller.abort('cancelled' satisfies AbortReason);
        controller.signal.throwIfAborted();
        for (const listener of watchers.get(row.id) ?? []) {
          try {
            listener(value);
          } catch (error) {
            onError(error);
          }
        }
      },
    };
    const outcome = Promise.resolve().then(() => handler.run(context));
    entry.done = finish(row, outcome, entry)
      .catch(onError)
      .finally(() => {
        active.delete(row.id);
        watchers.delete(row.id);
      });
    active.set(row.id, entry);
    return entry;
  }

  async function tickOnce(): Promise<void> {
    for (;;) {
      if (stopping) return;
      const row = await claim(freeKinds());
      if (!row) return;
      launch(row);
    }
  }

  /** One claiming pass at a time; a wake during a pass runs one more pass after it. */
  function tick(): void {
    if (!started || stopping) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = tickOnce()
      .catch(onError)
      .finally(() => {
        ticking = null;
        if (again) {
          again = false;
          tick();
        }
      });
  }

  async function renew(): Promise<void> {
    if (active.size === 0) return;
    const ids = [...active.keys()];
    const rows = await db.query<{ id: number; cancel_requested: boolean }>(
      `UPDATE jobs SET lease_expires_at = $3
       WHERE id = ANY($1::int[]) AND lease_owner = $2 AND status = 'running'
       RETURNING id, cancel_requested`,
      [ids, owner, leaseEnd()],
    );
    const held = new Map(rows.map((r) => [r.id, r.cancel_requested]));
    for (const id of ids) {
      const entry = active.get(id);
      if (!entry || entry.controller.signal.aborted) continue;
      if (!held.has(id)) entry.controller.abort('lease_lost' satisfies AbortReason);
      else if (held.get(id)) entry.controller.abort('cancelled' satisfies AbortReason);
    }
  }

  async function takeOver(): Promise<{ requeued: number[]; interrupted: number[] }> {
    const now = clock.now();
    const candidates = await db.query<{ lease_owner: number | null }>(
      `SELECT DISTINCT lease_owner FROM jobs
       WHERE status = 'running' AND lease_owner IS DISTINCT FROM $1`,
      [owner],
    );
    const gone: number[] = [];
    let goneUnowned = false;
    if (options.isGone) {
      for (const { lease_owner: o } of candidates) {
        if (!(await options.isGone(o))) continue;
        if (o === null) goneUnowned = true;
        else gone.push(o);
      }
    }
    const rows = await db.query<{ id: number; status: JobStatus }>(
      `UPDATE jobs SET
         status = CASE WHEN attempts < max_attempts AND NOT cancel_requested THEN 'queued'
                       WHEN cancel_requested THEN 'cancelled' ELSE 'interrupted' END,
         finished_at = CASE WHEN attempts < max_attempts AND NOT cancel_requested
                            THEN NULL ELSE $1 END,
         run_after = $1, lease_owner = NULL, lease_expires_at = NULL, updated_at = $1
       WHERE status = 'running' AND lease_owner IS DISTINCT FROM $2
         AND (lease_expires_at < $1 OR lease_owner = ANY($3::int[])
              OR ($4::boolean AND lease_owner IS NULL))
       RETURNING id, status`,
      [now, owner, gone, goneUnowned],
    );
    const requeued = rows.filter((r) => r.status === 'queued').map((r) => r.id);
    if (requeued.length > 0) tick();
    return {
      requeued,
      interrupted: rows.filter((r) => r.status !== 'queued').map((r) => r.id),
    };
  }

  async function resume(): Promise<void> {
    for (const handler of handlers.values()) {
      if (handler.everyMs !== undefined)
        await enqueueJob(db, clock.now(), handler.kind, {}, { dedupeKey: handler.kind });
      await handler.resume?.();
    }
  }

  async function runJob(id: number): Promise<boolean> {
    const row = await claim([...handlers.keys()], id);
    if (!row) return false;
    await launch(row).done;
    return true;
  }

  return {
    owner,
    resume,
    async start() {
      if (started) return;
      started = true;
      stopping = false;
      const every = (ms: number, f: () => Promise<void> | void): void => {
        const t = setInterval(() => void Promise.resolve(f()).catch(onError), ms);
        t.unref();
        timers.push(t);
      };
      every(pollMs, tick);
      every(Math.max(1, Math.floor(leaseMs / 3)), renew);
      every(Math.max(pollMs, Math.floor(leaseMs / 2)), async () => void (await takeOver()));
      // Taken over first: a kind resuming its work sees the jobs a stopped process left.
      await takeOver().catch(onError);
      await resume().catch(onError);
      tick();
    },
    wake() {
      tick();
    },
    async runUntilIdle(kinds) {
      let ran = 0;
      for (;;) {
        const row = await claim(freeKinds(kinds));
        if (row) {
          ran += 1;
          await launch(row).done;
          continue;
        }
        // A background pass may hold the row it is claiming (SKIP LOCKED hides it from this
        // claim): wait for that pass, whose claims then show among the active jobs.
        if (ticking) {
          await ticking.catch(() => undefined);
          continue;
        }
        const mine = [...active.values()].filter((a) => !kinds || kinds.includes(a.kind));
        if (mine.length === 0) return ran;
        await Promise.all(mine.map((a) => a.done));
      }
    },
    runJob,
    async settle(id) {
      for (;;) {
        const running = active.get(id);
        if (running) {
          await running.done;
          continue;
        }
        const job = await getJob(db, id);
        if (!job || ENDED.has(job.status)) return job;
        if (job.status === 'queued') {
          if (!started && (await runJob(id))) continue;
          tick();
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, 100)));
      }
    },
    watch(id, listener) {
      let set = watchers.get(id);
      if (!set) watchers.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && watchers.get(id) === set) watchers.delete(id);
      };
    },
    takeOver,
    async stop() {
      stopping = true;
      started = false;
      for (const t of timers) clearInterval(t);
      timers = [];
      await ticking;
      for (const a of active.values()) a.controller.abort('stopping' satisfies AbortReason);
      await Promise.all([...active.values()].map((a) => a.done));
    },
  };
}
