/**
 * A PostgreSQL streaming replica for reads (DATABASE_READ_URL, ADR 51). The routes that only read
 * (public pages, rankings and results, quarterly views, exports) take a read handle whose plain
 * queries go to the replica; its transactions and bulk loads, and every query after one of them,
 * go to the primary. While the replica cannot be reached, reads go to the primary and a warning
 * is logged: the replica being down slows nothing but the primary, and answers no error.
 */
import pg from 'pg';
import {
  PG_TYPES,
  poolQuery,
  type CopyFormat,
  type Db,
  type Queryable,
  type Row,
  type Tx,
} from './db.ts';

/** What /readyz says of the replica. */
export interface ReplicaState {
  state: 'ok' | 'unreachable';
  /** False when the read URL names a server that is not a standby (it is then only a second pool). */
  standby: boolean | null;
  /**
   * Seconds the replica's replay is behind the last transaction it received (0 when it replayed
   * everything it received); null when unknown or not a standby.
   */
  lagSeconds: number | null;
}

export interface Replica {
  /** Runs a read on the replica; on the primary while the replica is unreachable. */
  read<T extends object = Row>(
    primary: Queryable,
    sql: string,
    params?: readonly unknown[],
  ): Promise<T[]>;
  /** Asks the replica whether it is a standby and how far behind it is. */
  check(): Promise<ReplicaState>;
  /** Where warnings go (the server's log once it has one). */
  warn: (message: string) => void;
  /** Reads served by the replica, and reads sent to the primary after the replica failed them. */
  readonly counts: { replica: number; fallback: number };
  close(): Promise<void>;
}

/** Errors that say the replica cannot be reached or cannot serve now: the reads go to the primary. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  // shutting down, crashed, starting up, too many connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // no such database yet, sign-in refused: a replica not (yet) fit to serve
  '3D000',
  '28000',
  '28P01',
]);

function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08')))
    return true;
  const message = error instanceof Error ? error.message : '';
  return /timeout exceeded when trying to connect|Connection terminated/i.test(message);
}

/**
 * Errors of one statement that the primary answers instead, the replica staying in use: a write
 * that reached the replica (read-only transaction) and a read cancelled by a conflict with the
 * replay of the primary's changes.
 */
function isForPrimary(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '25006' || code === '40001';
}

/**
 * A pool on the replica, connected on first use (an unreachable replica does not stop the start).
 * After a failure to reach it, reads go to the primary for `retryMs` before the replica is tried
 * again, so a replica that is down costs one slow connection attempt per interval, not per read.
 */
export function openReplica(
  url: string,
  options: { poolSize?: number; retryMs?: number; connectTimeoutMs?: number } = {},
): Replica {
  const retryMs = options.retryMs ?? 5000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: PG_TYPES,
    options: '-c jit=off',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
  });
  pool.on('error', () => undefined);
  let downUntil = 0;
  const counts = { replica: 0, fallback: 0 };
  const replica: Replica = {
    warn: (message) => console.warn(message),
    counts,
    async read<T extends object>(primary: Queryable, sql: string, params: readonly unknown[] = []) {
      if (Date.now() < downUntil) {
        counts.fallback++;
        return primary.query<T>(sql, params);
      }
      try {
        const rows = await poolQuery<T>(pool, sql, params);
        counts.replica++;
        return rows;
      } catch (error) {
        if (isUnreachable(error)) {
          if (downUntil === 0 || Date.now() >= downUntil)
            replica.warn(
              `Bản sao chỉ đọc (DATABASE_READ_URL) không dùng được (${describe(error)}); ` +
                `các lượt đọc chuyển sang máy chủ chính, thử lại bản sao sau ${retryMs / 1000} giây.`,
            );
          downUntil = Date.now() + retryMs;
        } else if (isForPrimary(error)) {
          replica.warn(
            `Bản sao chỉ đọc từ chối một câu lệnh (${describe(error)}); câu lệnh chạy trên máy chủ chính.`,
          );
        } else {
          throw error;
        }
        counts.fallback++;
        return primary.query<T>(sql, params);
      }
    },
    async check() {
      try {
        const [row] = (
          await pool.query<{ standby: boolean; lag: number | null }>(
            `SELECT pg_is_in_recovery() AS standby,
                    CASE WHEN NOT pg_is_in_recovery() THEN NULL
                         WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
                         ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
                    END AS lag`,
          )
        ).rows;
        return {
          state: 'ok',
          standby: row?.standby ?? null,
          lagSeconds: row?.lag === null || row?.lag === undefined ? null : Number(row.lag),
        };
      } catch {
        return { state: 'unreachable', standby: null, lagSeconds: null };
      }
    },
    async close() {
      await pool.end();
    },
  };
  return replica;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}

/**
 * A read handle: plain queries on the replica (the primary while it is unreachable); transactions
 * and bulk loads on the primary, and every query after one of them, so what a request wrote it
 * reads back from where it wrote it. Without a replica, the primary itself. The handle owns no
 * connection: closing it closes nothing.
 */
export function readHandle(primary: Db, replica: Replica | undefined): Db {
  if (!replica) return primary;
  let pinned = false;
  return {
    backend: primary.backend,
    primary,
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      return pinned ? primary.query<T>(sql, params) : replica.read<T>(primary, sql, params);
    },
    async transaction<T>(work: (tx: Tx) => Promise<T>) {
      pinned = true;
      return primary.transaction(work);
    },
    async copyIn(table: string, columns: readonly string[], format?: CopyFormat) {
      pinned = true;
      return primary.copyIn(table, columns, format);
    },
    async close() {},
  };
}
