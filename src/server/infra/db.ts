/**
 * One query layer over two backends: the embedded PGlite (a data directory, one process) and a
 * PostgreSQL server (DATABASE_URL, many processes). Repositories speak plain SQL through `Queryable`;
 * use-cases wrap their writes in `transaction`, so a use-case is all or nothing on both backends.
 */
import {
  mkdirSync,
  openSync,
  closeSync,
  writeSync,
  readFileSync,
  unlinkSync,
  existsSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary.ts';

export type Row = Record<string, unknown>;

/** Anything that runs a parameterised SQL statement. */
export interface Queryable {
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * A connection inside a transaction; `exec` runs a script of several statements; `copyIn` starts a
 * bulk load whose rows belong to the transaction (see Db.copyIn; a refused or aborted load aborts
 * the transaction).
 */
export interface Tx extends Queryable {
  exec(sql: string): Promise<void>;
  copyIn(table: string, columns: readonly string[], format?: CopyFormat): Promise<CopyWriter>;
  /**
   * Reads every row of `table` (its `columns`, in order; both quoted identifiers) in COPY's text
   * format, as the transaction sees them, a few megabytes at a time: PostgreSQL streams
   * `COPY … TO STDOUT` (pg-copy-streams); the embedded database runs `COPY … TO '/dev/blob'` over
   * successive ranges of the table's pages, since its adapter cannot stream COPY.
   */
  copyOut(table: string, columns: readonly string[]): AsyncIterable<Uint8Array>;
}

/** COPY's formats; `binary` data is whole rows of copy-binary.ts, header and trailer added here. */
export type CopyFormat = 'text' | 'csv' | 'binary';

/**
 * A bulk load in progress (`COPY … FROM STDIN`, text format): `write` takes whole lines (a string or
 * their UTF-8 bytes) and waits
 * while the database catches up; `end` completes the load; `abort` cancels it, loading nothing.
 */
export interface CopyWriter {
  write(chunk: string | Uint8Array): Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

/** A database handle: queries, transactions and lifecycle. */
export interface Db extends Queryable {
  readonly backend: 'embedded' | 'postgres';
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Starts a bulk load into `table` (its `columns`, in order), outside any transaction. PostgreSQL
   * streams it through one connection (pg-copy-streams); the embedded database runs its own
   * `COPY … FROM '/dev/blob'` once per few megabytes, since its adapter cannot stream COPY.
   */
  copyIn(table: string, columns: readonly string[], format?: CopyFormat): Promise<CopyWriter>;
  close(): Promise<void>;
  /**
   * Set on a read handle only (`readHandle`): the primary that takes its transactions and bulk
   * loads, and every query once one of them ran. Caches keyed by a database use it as their key.
   */
  readonly primary?: Db;
}

/** The handle a cache of per-database values is kept under: a read handle shares its primary's. */
export function cacheKeyOf(db: Queryable & object): object {
  return (db as { primary?: Db }).primary ?? db;
}

// Both backends return the same JavaScript types: int8 and numeric as numbers where they fit,
// `date` as the ISO string it is (a Date would shift with the time zone).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parseInt8 = (v: string): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 out of range: ${v}`);
  return n;
};

/**
 * Creates the files of a new embedded database in a worker thread that then ends, so that the
 * memory PGlite's initdb grows (about 450 MB, never given back while its instance lives) is not
 * kept by the server: a fresh server idles at about 450 MB instead of 850.
 */
async function initEmbedded(dir: string): Promise<void> {
  const worker = new Worker(new URL('./embedded-init-worker.mjs', import.meta.url), {
    workerData: { dir },
    stdout: true,
    stderr: true,
  });
  let output = '';
  worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`initdb ended with ${code}: ${output}`)),
    );
  });
}

/** Opens the embedded database in `dataDir/pg`, guarding against a second process on it. */
export async function openEmbeddedDb(dataDir: string | null): Promise<Db> {
  let releaseLock = (): void => {};
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pg');
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDirLock(path.join(dataDir, 'embedded-db.lock'));
  }
  const parsers = { [INT8]: parseInt8, [NUMERIC]: Number, [DATE]: (v: string) => v };
  let client: PGlite;
  try {
    if (dir !== undefined && !existsSync(path.join(dir, 'PG_VERSION'))) await initEmbedded(dir);
    client = await PGlite.create(dir ? { dataDir: dir, parsers } : { parsers });
  } catch (error) {
    releaseLock();
    throw error;
  }
  let closed = false;
  return {
    backend: 'embedded',
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async transaction<T>(work: (tx: Tx) => Promise<T>) {
      return client.transaction(async (tx) =>
        work({
          async query<R extends object>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<R>(sql, params as unknown[])).rows;
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
          async copyIn(table: string, columns: readonly string[], format: CopyFormat = 'text') {
            return blobCopyWriter(tx, table, columns, format);
          },
          copyOut(table: string, columns: readonly string[]) {
            return blobCopyReader(tx, table, columns);
          },
        }),
      );
    },
    async copyIn(table: string, columns: readonly string[], format: CopyFormat = 'text') {
      return blobCopyWriter(client, table, columns, format);
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      releaseLock();
    },
  };
}

// Characters per embedded COPY statement: big enough to amortise the statement, small enough not
// to hold the file (the text, its Blob copy and the WASM heap all count).
const EMBEDDED_COPY_CHARS = 8 * 1024 * 1024;

/** The embedded database's bulk load: one `COPY … FROM '/dev/blob'` per few megabytes. */
function blobCopyWriter(
  target: Pick<PGlite, 'query'>,
  table: string,
  columns: readonly string[],
  format: CopyFormat,
): CopyWriter {
  const sql = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT ${format})`;
  let parts: (string | Uint8Array)[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const blob = new Blob(
      format === 'binary' ? [COPY_BINARY_HEADER, ...parts, COPY_BINARY_TRAILER] : parts,
    );
    parts = [];
    size = 0;
    await target.query(sql, [], { blob });
  };
  return {
    async write(chunk: string | Uint8Array) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= EMBEDDED_COPY_CHARS) await flush();
    },
    end: flush,
    async abort() {
      parts = [];
      size = 0;
    },
  };
}

// Pages of a table read by one embedded `COPY … TO '/dev/blob'` (8 MB of heap at 8 KB a page).
const EMBEDDED_COPY_OUT_PAGES = 1024;

/**
 * The embedded database's bulk read: one `COPY (SELECT …) TO '/dev/blob'` per range of heap pages
 * (a TID range scan: each range costs its own pages only, unlike OFFSET). Rows written into pages
 * past the size read at the start are caught by the last range, which has no upper bound.
 */
async function* blobCopyReader(
  source: Pick<PGlite, 'query'>,
  table: string,
  columns: readonly string[],
): AsyncGenerator<Uint8Array> {
  const [{ pages } = { pages: 0 }] = (
    await source.query<{ pages: number }>(
      `SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS pages`,
      [table],
    )
  ).rows;
  for (let start = 0; ; start += EMBEDDED_COPY_OUT_PAGES) {
    const end = start + EMBEDDED_COPY_OUT_PAGES;
    const last = end >= pages;
    const range = `ctid >= '(${start},0)'::tid${last ? '' : ` AND ctid < '(${end},0)'::tid`}`;
    const result = await source.query(
      `COPY (SELECT ${columns.join(', ')} FROM ${table} WHERE ${range}) TO '/dev/blob'`,
    );
    if (result.blob && result.blob.size > 0) yield new Uint8Array(await result.blob.arrayBuffer());
    if (last) return;
  }
}

// Bytes of COPY data a writer may hold for the server before it waits.
const COPY_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * PostgreSQL's bulk load on one connection (`COPY … FROM STDIN` through pg-copy-streams). `settle`
 * is told once the load has ended, with the error that ended it, if any.
 */
function streamCopyWriter(
  conn: pg.PoolClient,
  table: string,
  columns: readonly string[],
  format: CopyFormat,
  settle: (error?: Error) => void,
): CopyWriter {
  const stream = conn.query(
    copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT ${format})`),
  );
  let failure: Error | null = null;
  stream.on('error', (error: Error) => {
    failure ??= error;
  });
  if (format === 'binary') stream.write(COPY_BINARY_HEADER);
  let settled = false;
  const done = (error?: Error): void => {
    if (settled) return;
    settled = true;
    settle(error);
  };
  return {
    async write(chunk: string | Uint8Array) {
      if (failure) throw failure;
      // The stream says "wait" past 16 KB; waiting only past a few megabytes keeps the server
      // loading one batch while the caller prepares the next.
      if (!stream.write(chunk) && stream.writableLength > COPY_BUFFERED_BYTES) {
        // `once` gives up its listeners either way (an 'error' rejects it): none pile up.
        await once(stream, 'drain').catch(() => undefined);
        if (failure) throw failure;
      }
    },
    async end() {
      try {
        if (failure) throw failure;
        const finished = Promise.race([once(stream, 'finish'), once(stream, 'error')]);
        stream.end(format === 'binary' ? COPY_BINARY_TRAILER : undefined);
        await finished;
        if (failure) throw failure;
        done();
      } catch (error) {
        done(error as Error);
        throw error;
      }
    },
    async abort() {
      if (settled) return;
      // Destroying the stream sends CopyFail: the server loads nothing of this COPY.
      const closed = once(stream, 'close').catch(() => undefined);
      stream.destroy(new Error('COPY aborted'));
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000))]);
      done(new Error('COPY aborted'));
    },
  };
}

/**
 * Reads outside a transaction are prepared once per connection, under a name made from their text
 * (ADR 53): a ranking page or a session lookup is then planned once, not on every request. Only
 * statements with parameters are named (their text is the same from one call to the next), and at
 * most `MAX_NAMED` texts per process, so that generated SQL cannot grow the server's memory.
 */
const MAX_NAMED = 2000;
const named = new Map<string, string>();

function statementName(sql: string, params: readonly unknown[]): string | undefined {
  if (params.length === 0 || sql.length > 16_000) return undefined;
  const known = named.get(sql);
  if (known !== undefined || named.size >= MAX_NAMED) return known;
  const name = `p_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
  named.set(sql, name);
  return name;
}

/** The server refused a prepared statement whose tables changed shape since it was prepared. */
function isStalePlan(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === '0A000' &&
    /cached plan/.test(error.message)
  );
}

/** A read outside a transaction on a pool: prepared under its name when it has one. */
export async function poolQuery<T extends object>(
  pool: pg.Pool,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  const name = statementName(sql, params);
  if (name !== undefined) {
    try {
      return (await pool.query<T>({ name, text: sql, values: params as unknown[] })).rows;
    } catch (error) {
      // A statement prepared before a change of its tables' shape: asked again, unprepared.
      if (!isStalePlan(error)) throw error;
    }
  }
  return (await pool.query<T>(sql, params as unknown[])).rows;
}

/** Connects to a PostgreSQL server through a connection pool. */
/** int8, numeric and date as both backends return them (see above). */
export const PG_TYPES = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8) return parseInt8;
    if (oid === NUMERIC) return Number;
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

export async function openPostgresDb(url: string, poolSize = 10): Promise<Db> {
  // No JIT compilation: it costs more than it saves on queries of about a second (ADR 10).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: PG_TYPES,
    options: '-c jit=off',
  });
  // An idle connection closed by the server (a restart, a failover, an administrator) is dropped
  // from the pool and replaced on next use; without this listener it would crash the process.
  pool.on('error', () => undefined);
  // Fail fast with a readable error when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  return {
    backend: 'postgres',
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      return poolQuery<T>(pool, sql, params);
    },
    async transaction<T>(work: (tx: Tx) => Promise<T>) {
      const conn = await pool.connect();
      let broken: Error | undefined;
      try {
        await conn.query('BEGIN');
        const result = await work({
          async query<R extends object>(sql: string, params: readonly unknown[] = []) {
            return (await conn.query<R>(sql, params as unknown[])).rows;
          },
          async exec(sql: string) {
            await conn.query(sql);
          },
          async copyIn(table: string, columns: readonly string[], format: CopyFormat = 'text') {
            // The load ends before the transaction does; a failed one aborts the transaction.
            return streamCopyWriter(conn, table, columns, format, () => undefined);
          },
          copyOut(table: string, columns: readonly string[]) {
            return conn.query(copyTo(`COPY ${table} (${columns.join(', ')}) TO STDOUT`));
          },
        });
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped rather than pooled.
        await conn.query('ROLLBACK').catch((e: Error) => {
          broken = e;
        });
        throw error;
      } finally {
        conn.release(broken);
      }
    },
    async copyIn(table: string, columns: readonly string[], format: CopyFormat = 'text') {
      const conn = await pool.connect();
      // The connection's state after a failed or aborted COPY is not worth trusting: dropped then.
      return streamCopyWriter(conn, table, columns, format, (error) => conn.release(error));
    },
    async close() {
      await pool.end();
    },
  };
}

/** Opens PostgreSQL when a URL is given, the embedded database otherwise. */
export async function openDb(options: {
  databaseUrl?: string | undefined;
  dataDir: string | null;
}): Promise<Db> {
  return options.databaseUrl
    ? openPostgresDb(options.databaseUrl)
    : openEmbeddedDb(options.dataDir);
}

/**
 * PGlite corrupts its directory when two processes open it, so the embedded database takes a lock
 * file holding the owner's pid; a lock left by a dead process is taken over.
 */
function acquireDirLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new EmbeddedDbLockedError(lockPath, owner);
      }
      if (existsSync(lockPath)) unlinkSync(lockPath);
    }
  }
  throw new EmbeddedDbLockedError(lockPath, 0);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Raised when another running process already holds the embedded database. */
export class EmbeddedDbLockedError extends Error {
  override name = 'EmbeddedDbLockedError';
  constructor(
    readonly lockPath: string,
    readonly ownerPid: number,
  ) {
    super(
      `Cơ sở dữ liệu nhúng đang được tiến trình ${ownerPid} sử dụng (${lockPath}). ` +
        'Hãy dừng tiến trình đó trước, hoặc dùng DATABASE_URL để nhiều tiến trình dùng chung PostgreSQL.',
    );
  }
}

/** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

/**
 * Waits for the advisory lock `key`, held until the transaction ends: the processes sharing a
 * database do the work it guards one at a time.
 */
export async function lockForTransaction(tx: Tx, key: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [key]);
}
