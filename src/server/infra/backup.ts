/**
 * Backup and restore of everything the product keeps: every table of the database, found in the
 * catalogue, and every file under the data directory's `files/`, in one gzip-compressed stream
 * (ADR 6). Table rows travel in COPY's text format, read with COPY (streamed from PostgreSQL, by
 * ranges of pages from the embedded database) and loaded with COPY, so the same file restores
 * into either backend. A restore is one transaction: the database ends either as the backup or
 * as it was, and the files appear only once it has committed.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip, createGzip } from 'node:zlib';
import { translate, type MessageKey, type MessageParams } from '../i18n/messages.ts';
import type { Db, Queryable, Tx } from './db.ts';
import { applyMigrations, migrationNames } from './migrate.ts';

const FORMAT = 'parindex-backup';
const VERSION = 2;
/** Bytes of a stored file per base64 line. */
const FILE_LINE_BYTES = 48 * 1024;
const NL = 0x0a;
/** The line that ends a table's rows or a file's content (COPY's own end-of-data marker). */
const TERMINATOR = Buffer.from('\\.\n');

/** A table as the backup describes it: quoted nowhere, columns in the order of its rows. */
export interface TableSpec {
  name: string;
  columns: string[];
}

interface Header {
  format: string;
  version: number;
  createdAt: string;
  backend?: string;
  migrations: string[];
  tables?: TableSpec[];
}

type Line =
  | Header
  | { table: string; columns?: string[]; rows?: unknown[] }
  | { tableEnd: string; rows: number }
  | { sequence: string; lastValue: number; isCalled: boolean }
  | { file: string; data?: string }
  | { fileEnd: string; size: number; sha256: string }
  | { end: true; rows: number; files: number };

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The product's tables from the catalogue, parents before the tables that refer to them (so that
 * even a foreign key that cannot be deferred holds while rows load), then by name, and last the
 * tables that triggers write. Left out: the migrations' own bookkeeping (the header lists it) and
 * unlogged tables (per-job staging).
 */
export async function listTables(db: Queryable): Promise<TableSpec[]> {
  const tables = await db.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                          AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relpersistence = 'p'
        AND NOT c.relispartition AND c.relname <> 'schema_migrations'
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  const links = await db.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of links) {
    if (!parents.has(child)) parents.set(child, new Set());
    parents.get(child)!.add(parent);
  }
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableSpec[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): void => {
    if (state.has(name) || !byName.has(name)) return; // a cycle is left to deferred keys
    state.set(name, 'visiting');
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent);
    state.set(name, 'done');
    const t = byName.get(name)!;
    ordered.push({ name: t.name, columns: t.columns });
  };
  for (const t of tables) visit(t.name);
  // Tables that triggers write when others are written go last, so that a restore ends with the
  // saved rows rather than with what loading the other tables made of them.
  return [
    ...ordered.filter((t) => !WRITTEN_BY_TRIGGERS.has(t.name)),
    ...ordered.filter((t) => WRITTEN_BY_TRIGGERS.has(t.name)),
  ];
}

/** The revision of the dossiers, raised by every write to dossiers, units and lineage (ADR 50). */
const WRITTEN_BY_TRIGGERS = new Set(['dossier_revision']);

/** Every sequence of the schema with its current state. */
async function readSequences(
  db: Queryable,
): Promise<Array<{ sequence: string; lastValue: number; isCalled: boolean }>> {
  const names = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const out = [];
  for (const { name } of names) {
    const [state] = await db.query<{ last_value: number; is_called: boolean }>(
      `SELECT last_value, is_called FROM ${quote(name)}`,
    );
    out.push({ sequence: name, lastValue: state!.last_value, isCalled: state!.is_called });
  }
  return out;
}

function filesOf(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** Text output the same on both backends and in every session: UTC, ISO dates, exact floats. */
async function settleOutput(tx: Tx): Promise<void> {
  for (const setting of [
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
    "SET LOCAL IntervalStyle = 'postgres'",
    'SET LOCAL extra_float_digits = 3',
    "SET LOCAL bytea_output = 'hex'",
  ])
    await tx.query(setting);
}

function countLines(chunk: Uint8Array): number {
  const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let n = 0;
  for (let i = buffer.indexOf(NL); i !== -1; i = buffer.indexOf(NL, i + 1)) n++;
  return n;
}

/** Writes a backup of the database and the stored files; returns what it wrote. */
export async function backupToFile(
  db: Db,
  dataDir: string,
  target: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ rows: number; files: number; tables: number }> {
  // Level 3: most of level 6's size at half its time; the stream is the slowest part of a backup.
  const gzip = createGzip({ level: 3 });
  const out = createWriteStream(target, { mode: 0o600 });
  gzip.pipe(out);
  const closed = once(out, 'close');
  const write = async (chunk: string | Uint8Array) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  const writeLine = (line: Line) => write(`${JSON.stringify(line)}\n`);
  try {
    const summary = await db.transaction(async (tx) => {
      // One snapshot for every table (a no-op on the single-connection embedded database).
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await settleOutput(tx);
      const tables = await listTables(tx);
      const migrations = (
        await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
      ).map((r) => r.name);
      const filesRoot = path.join(dataDir, 'files');
      const files = filesOf(filesRoot);
      await writeLine({
        format: FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        backend: db.backend,
        migrations,
        tables,
      });
      let rows = 0;
      const total = tables.length + files.length;
      for (const [index, table] of tables.entries()) {
        await writeLine({ table: table.name, columns: table.columns });
        let count = 0;
        for await (const chunk of tx.copyOut(quote(table.name), table.columns.map(quote))) {
          count += countLines(chunk);
          await write(chunk);
        }
        await write(TERMINATOR);
        await writeLine({ tableEnd: table.name, rows: count });
        rows += count;
        onProgress(index + 1, total);
      }
      for (const sequence of await readSequences(tx)) await writeLine(sequence);
      for (const [index, file] of files.entries()) {
        await writeLine({ file });
        const hash = createHash('sha256');
        let size = 0;
        let pending: Buffer = Buffer.alloc(0);
        const source = createReadStream(path.join(filesRoot, file), {
          highWaterMark: FILE_LINE_BYTES,
        });
        for await (const piece of source as AsyncIterable<Buffer>) {
          hash.update(piece);
          size += piece.length;
          pending = pending.length ? Buffer.concat([pending, piece]) : piece;
          while (pending.length >= FILE_LINE_BYTES) {
            await write(`${pending.subarray(0, FILE_LINE_BYTES).toString('base64')}\n`);
            pending = pending.subarray(FILE_LINE_BYTES);
          }
        }
        if (pending.length) await write(`${pending.toString('base64')}\n`);
        await write(TERMINATOR);
        await writeLine({ fileEnd: file, size, sha256: hash.digest('hex') });
        onProgress(tables.length + index + 1, total);
      }
      await writeLine({ end: true, rows, files: files.length });
      return { rows, files: files.length, tables: tables.length };
    });
    gzip.end();
    await closed;
    return summary;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await closed.catch(() => undefined);
    rmSync(target, { force: true });
    throw error;
  }
}

/** Error raised when a backup cannot be restored here; its message is for the operator. */
export class RestoreError extends Error {
  override name = 'RestoreError';
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(translate('vi', key, params));
  }
}

/**
 * Reads a decompressed backup: JSON lines, and between them raw sections (COPY rows, base64 lines)
 * that end with the line `\.`. Pulls from the source only when asked, so nothing is lost while
 * the database is busy.
 */
class BackupReader {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private readonly source: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }

  /** The next line (without its newline), or null at the end of the stream. */
  async line(): Promise<string | null> {
    for (;;) {
      const at = this.buffer.indexOf(NL);
      if (at !== -1) {
        const text = this.buffer.subarray(0, at).toString('utf8');
        this.buffer = this.buffer.subarray(at + 1);
        return text;
      }
      if (!(await this.more())) {
        if (this.buffer.length === 0) return null;
        const text = this.buffer.toString('utf8');
        this.buffer = Buffer.alloc(0);
        return text;
      }
    }
  }

  /**
   * Hands the raw section's whole lines to `sink` until the line `\.`; returns how many lines it
   * had, or null when the stream ended first.
   */
  async section(sink: (lines: Buffer) => Promise<void>): Promise<number | null> {
    let lines = 0;
    for (;;) {
      // The buffer always starts at the beginning of a line here.
      if (
        this.buffer.length >= TERMINATOR.length &&
        this.buffer.subarray(0, 3).equals(TERMINATOR)
      ) {
        this.buffer = this.buffer.subarray(3);
        return lines;
      }
      const stop = this.buffer.indexOf('\n\\.\n');
      if (stop !== -1) {
        const body = this.buffer.subarray(0, stop + 1);
        lines += countLines(body);
        await sink(body);
        this.buffer = this.buffer.subarray(stop + 1 + TERMINATOR.length);
        return lines;
      }
      const lastNl = this.buffer.lastIndexOf(NL);
      if (lastNl !== -1) {
        // Whole lines go now; a partial one (perhaps the start of the end marker) waits for more.
        const body = this.buffer.subarray(0, lastNl + 1);
        lines += countLines(body);
        await sink(body);
        this.buffer = this.buffer.subarray(lastNl + 1);
      }
      if (!(await this.more())) return null;
    }
  }
}

/** A relative path under `files/` that stays there. */
function safeFilePath(file: string): boolean {
  return (
    file.length > 0 &&
    !path.isAbsolute(file) &&
    file.split(/[\\/]/).every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/**
 * Restores a backup into an empty database and data directory, all or nothing: the database in
 * one transaction (migrated to the backup's version, loaded, then migrated to this version), the
 * stored files staged beside `files/` and moved into place only after it commits.
 */
export async function restoreFromFile(
  db: Db,
  dataDir: string,
  source: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ rows: number; files: number; tables: number }> {
  if (!existsSync(source) || !statSync(source).isFile())
    throw new RestoreError('restore_no_file', { file: source });
  const filesRoot = path.join(dataDir, 'files');
  if (filesOf(filesRoot).length > 0)
    throw new RestoreError('restore_files_not_empty', { dir: filesRoot });
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  const input = createReadStream(source).pipe(gunzip);
  input.on('error', () => undefined); // reported through the reader
  const reader = new BackupReader(input as AsyncIterable<Buffer>);
  const staging = path.join(dataDir, `files.restoring-${process.pid}`);
  const parse = (text: string): Line => {
    try {
      return JSON.parse(text) as Line;
    } catch {
      throw new RestoreError('restore_not_backup');
    }
  };
  let summary: { rows: number; files: number; tables: number };
  try {
    const first = await reader.line();
    const header = first ? parse(first) : null;
    if (!header || !('format' in header) || header.format !== FORMAT)
      throw new RestoreError('restore_not_backup');
    if (header.version !== 1 && header.version !== VERSION)
      throw new RestoreError('restore_unknown_version', { version: header.version });
    const known = migrationNames();
    const newer = header.migrations.filter((m) => !known.includes(m));
    if (newer.length)
      throw new RestoreError('restore_newer_schema', {
        migrations: newer.join(', '),
        created: header.createdAt,
      });
    rmSync(staging, { recursive: true, force: true });
    summary = await db.transaction(async (tx) => {
      // The schema the backup was made with, so its rows fit; later migrations run after them.
      await applyMigrations(tx, header.migrations);
      await refuseNonEmpty(tx);
      await tx.query('SET CONSTRAINTS ALL DEFERRED');
      await settleOutput(tx);
      const result =
        header.version === 1
          ? await loadVersion1(tx, reader, parse, staging, onProgress)
          : await loadVersion2(tx, reader, parse, staging, header.tables?.length ?? 0, onProgress);
      await applyMigrations(tx);
      return result;
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' || error instanceof SyntaxError)
      throw new RestoreError('restore_not_backup');
    if ((error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR')
      throw new RestoreError('restore_truncated');
    throw error;
  } finally {
    input.destroy();
  }
  if (existsSync(staging)) {
    rmSync(filesRoot, { recursive: true, force: true });
    renameSync(staging, filesRoot);
  }
  onProgress(1, 1);
  return summary;
}

/**
 * A database the product has never run on has no account, no unit and no audit entry (the first
 * start creates all three); rows it may hold were put there by the migrations and are replaced by
 * the backup's.
 */
async function refuseNonEmpty(tx: Tx): Promise<void> {
  for (const table of ['users', 'units', 'audit_log']) {
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${quote(table)}`,
    );
    if (n > 0) throw new RestoreError('restore_not_empty', { table, rows: n });
  }
}

async function loadVersion2(
  tx: Tx,
  reader: BackupReader,
  parse: (text: string) => Line,
  staging: string,
  tableCount: number,
  onProgress: (done: number, total: number) => void,
): Promise<{ rows: number; files: number; tables: number }> {
  const here = new Map((await listTables(tx)).map((t) => [t.name, new Set(t.columns)]));
  let rows = 0;
  let files = 0;
  let tables = 0;
  for (;;) {
    const text = await reader.line();
    if (text === null) throw new RestoreError('restore_truncated');
    if (!text) continue;
    const line = parse(text);
    if ('table' in line) {
      const columns = here.get(line.table);
      if (!columns) throw new RestoreError('restore_unknown_table', { table: line.table });
      const missing = (line.columns ?? []).filter((c) => !columns.has(c));
      if (missing.length)
        throw new RestoreError('restore_unknown_column', {
          table: line.table,
          column: missing.join(', '),
        });
      // Rows the migrations seeded (fixed lists) give way to the saved ones.
      await tx.query(`DELETE FROM ${quote(line.table)}`);
      const writer = await tx.copyIn(quote(line.table), (line.columns ?? []).map(quote), 'text');
      let count: number | null;
      try {
        count = await reader.section((chunk) => writer.write(chunk));
        if (count === null) throw new RestoreError('restore_truncated');
        await writer.end();
      } catch (error) {
        await writer.abort();
        throw describeLoadError(error, line.table);
      }
      const end = parse((await reader.line()) ?? '{}');
      if (!('tableEnd' in end) || end.tableEnd !== line.table)
        throw new RestoreError('restore_truncated');
      if (end.rows !== count)
        throw new RestoreError('restore_table_count', {
          table: line.table,
          rows: count,
          expected: end.rows,
        });
      rows += count;
      tables++;
      onProgress(tables, Math.max(tables + 1, tableCount + 1));
    } else if ('sequence' in line) {
      const [exists] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relname = $1`,
        [line.sequence],
      );
      if (exists!.n > 0)
        await tx.query('SELECT setval($1::regclass, $2, $3)', [
          quote(line.sequence),
          line.lastValue,
          line.isCalled,
        ]);
    } else if ('file' in line) {
      if (!safeFilePath(line.file)) throw new RestoreError('restore_bad_path', { file: line.file });
      const target = path.join(staging, line.file);
      await mkdir(path.dirname(target), { recursive: true });
      const out = await open(target, 'wx', 0o600);
      const hash = createHash('sha256');
      let size = 0;
      let count: number | null;
      try {
        count = await reader.section(async (chunk) => {
          for (const part of chunk.toString('latin1').split('\n')) {
            if (!part) continue;
            const bytes = Buffer.from(part, 'base64');
            hash.update(bytes);
            size += bytes.length;
            await out.write(bytes);
          }
        });
      } finally {
        await out.close();
      }
      if (count === null) throw new RestoreError('restore_truncated');
      const end = parse((await reader.line()) ?? '{}');
      if (!('fileEnd' in end) || end.fileEnd !== line.file)
        throw new RestoreError('restore_truncated');
      if (end.size !== size || end.sha256 !== hash.digest('hex'))
        throw new RestoreError('restore_file_damaged', { file: line.file });
      files++;
    } else if ('end' in line) {
      if (line.rows !== rows || line.files !== files)
        throw new RestoreError('restore_incomplete', {
          rows,
          expected: line.rows,
          files,
          expectedFiles: line.files,
        });
      return { rows, files, tables };
    } else {
      throw new RestoreError('restore_not_backup');
    }
  }
}

/** The first format: rows as JSON arrays per table, files as one base64 line each. */
async function loadVersion1(
  tx: Tx,
  reader: BackupReader,
  parse: (text: string) => Line,
  staging: string,
  onProgress: (done: number, total: number) => void,
): Promise<{ rows: number; files: number; tables: number }> {
  const here = new Set((await listTables(tx)).map((t) => t.name));
  const cleared = new Set<string>();
  let rows = 0;
  let files = 0;
  for (;;) {
    const text = await reader.line();
    if (text === null) throw new RestoreError('restore_truncated');
    if (!text) continue;
    const line = parse(text);
    if ('table' in line && line.rows) {
      if (!here.has(line.table))
        throw new RestoreError('restore_unknown_table', { table: line.table });
      if (!cleared.has(line.table)) {
        await tx.query(`DELETE FROM ${quote(line.table)}`);
        cleared.add(line.table);
      }
      try {
        await tx.query(
          `INSERT INTO ${quote(line.table)} OVERRIDING SYSTEM VALUE
           SELECT * FROM json_populate_recordset(null::${quote(line.table)}, $1::json)`,
          [JSON.stringify(line.rows)],
        );
      } catch (error) {
        throw describeLoadError(error, line.table);
      }
      rows += line.rows.length;
      onProgress(cleared.size, cleared.size + 1);
    } else if ('file' in line && line.data !== undefined) {
      if (!safeFilePath(line.file)) throw new RestoreError('restore_bad_path', { file: line.file });
      const target = path.join(staging, line.file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, Buffer.from(line.data, 'base64'), { flag: 'wx', mode: 0o600 });
      files++;
    } else if ('end' in line) {
      if (line.rows !== rows)
        throw new RestoreError('restore_incomplete', {
          rows,
          expected: line.rows,
          files,
          expectedFiles: files,
        });
      // Identity columns continue after the restored ids.
      const identities = await tx.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND is_identity = 'YES'`,
      );
      for (const { table_name, column_name } of identities)
        await tx.query(
          `SELECT setval(pg_get_serial_sequence($1, $2),
                  coalesce((SELECT max(${quote(column_name)}) FROM ${quote(table_name)}), 0) + 1, false)`,
          [quote(table_name), column_name],
        );
      return { rows, files, tables: cleared.size };
    }
  }
}

/** A row the database refuses names its table; the database's reason follows. */
function describeLoadError(error: unknown, table: string): Error {
  if (error instanceof RestoreError) return error;
  // A damaged or cut stream is the file's fault, not the rows'.
  if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) return error as Error;
  return new RestoreError('restore_rows_refused', {
    table,
    reason: (error as Error).message,
  });
}

/**
 * A digest of every table's rows, each table's rows in one canonical order (their text, byte
 * order) and text (UTC): equal digests mean equal data, whichever backend holds it.
 */
export async function tableDigests(db: Db): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    await settleOutput(tx);
    const out: Record<string, string> = {};
    for (const table of await listTables(tx)) {
      const [row] = await tx.query<{ digest: string | null; n: number }>(
        `SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r COLLATE "C"), '')) AS digest,
                count(*)::int AS n
           FROM (SELECT t::text AS r FROM ${quote(table.name)} t) s`,
      );
      out[table.name] = `${row!.n}:${row!.digest}`;
    }
    return out;
  });
}
