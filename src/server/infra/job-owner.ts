/**
 * Which process runs a job (ADR 23). Every process that may run jobs takes an owner number from
 * `job_owner_seq`; on PostgreSQL it holds a session advisory lock on that number, on a connection
 * of its own, for as long as it lives. The server closes that connection when the process dies
 * (kill -9 included), so another process can tell a dead owner from a live one at once by trying
 * the lock. The embedded database is opened by one process only: every other owner is gone.
 */
import pg from 'pg';
import type { Db, Queryable } from './db.ts';

/** The advisory lock space of job owners (the second key is the owner number). */
const LOCK_SPACE = 7262024;

export interface JobOwner {
  /** This process's owner number, recorded on the jobs it queues and runs. */
  readonly id: number;
  /** Whether the process that owned jobs as `owner` is gone (null: jobs from before owners). */
  isGone(owner: number | null): Promise<boolean>;
  close(): Promise<void>;
}

/** A fresh owner number, for a runner that holds no lock (tests, a runner of its own). */
export async function nextOwnerNumber(db: Queryable): Promise<number> {
  const [row] = await db.query<{ id: number }>(`SELECT nextval('job_owner_seq')::int AS id`);
  return row!.id;
}

/** Takes an owner number for this process (and its lock on PostgreSQL). */
export async function claimJobOwner(db: Db, databaseUrl: string | undefined): Promise<JobOwner> {
  const id = await nextOwnerNumber(db);
  if (db.backend === 'embedded' || !databaseUrl) {
    return {
      id,
      isGone: async (owner) => owner !== id,
      close: async () => undefined,
    };
  }
  let client: pg.Client | null = null;
  let closed = false;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: databaseUrl,
      application_name: `parindex-jobs-${id}`,
    });
    c.on('error', () => undefined);
    // A lost connection loses the lock: take it again, or another process would see this one
    // as gone and mark its running jobs interrupted.
    c.on('end', () => {
      client = null;
      if (!closed) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
    });
    await c.connect();
    await c.query('SELECT pg_advisory_lock($1, $2)', [LOCK_SPACE, id]);
    client = c;
  };
  await connect();
  return {
    id,
    async isGone(owner) {
      if (owner === id) return false;
      if (owner === null) return true;
      // Without its own connection this process cannot tell: it decides nothing.
      const c = client;
      if (c === null) return false;
      const [row] = (
        await c.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS got', [
          LOCK_SPACE,
          owner,
        ])
      ).rows;
      if (!row?.got) return false;
      await c.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, owner]);
      return true;
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
