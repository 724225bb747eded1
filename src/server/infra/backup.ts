/**
 * Backup and restore of everything the product keeps: every table of the database and every file
 * under the data directory's `files/`, in one gzip-compressed JSON-lines file. The format is the
 * same for both backends, so a backup of the embedded database restores into PostgreSQL and back.
 * Restoring into an empty database gives identical rows (ids, timestamps, audit chain included).
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db, Queryable } from './db.ts';
import { migrate } from './migrate.ts';

const FORMAT = 'parindex-backup';
const VERSION = 1;
const PAGE = 2000;
/** Tables the migrations fill themselves, emptied before a restore puts back the saved rows. */
const SEEDED_BY_MIGRATIONS = ['unit_kinds'];

type Line =
  | { format: string; version: number; createdAt: string; migrations: string[]; tables: string[] }
  | { table: string; rows: unknown[] }
  | { file: string; data: string }
  | { end: true; rows: number; files: number };

/** Tables of the product, in name order (schema_migrations is described by the header instead). */
async function listTables(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
     ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

async function primaryKey(db: Queryable, table: string): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT a.attname AS column_name FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

function filesOf(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

/** Writes a backup of the database and the stored files; returns what it wrote. */
export async function backupToFile(
  db: Db,
  dataDir: string,
  target: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ rows: number; files: number }> {
  const gzip = createGzip();
  const out = createWriteStream(target, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: Line) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const summary = await db.transaction(async (tx) => {
    // One snapshot for every table (a no-op on the single-connection embedded database).
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const tables = await listTables(tx);
    const migrations = (
      await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
    ).map((r) => r.name);
    const filesRoot = path.join(dataDir, 'files');
    const files = filesOf(filesRoot);
    await write({
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      tables,
    });
    let rows = 0;
    const total = tables.length + files.length;
    for (const [index, table] of tables.entries()) {
      const key = await primaryKey(tx, table);
      const order = key.length ? key.map((k) => `"${k}"`).join(', ') : '1';
      for (let offset = 0; ; offset += PAGE) {
        const page = await tx.query<{ j: string }>(
          `SELECT row_to_json(t)::text AS j FROM "${table}" t ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}`,
        );
        if (page.length === 0) break;
        await write({ table, rows: page.map((r) => JSON.parse(r.j) as unknown) });
        rows += page.length;
        if (page.length < PAGE) break;
      }
      onProgress(index + 1, total);
    }
    for (const [index, file] of files.entries()) {
      await write({ file, data: readFileSync(path.join(filesRoot, file)).toString('base64') });
      onProgress(tables.length + index + 1, total);
    }
    await write({ end: true, rows, files: files.length });
    return { rows, files: files.length };
  });
  gzip.end();
  await once(out, 'close');
  return summary;
}

/** Error raised when a backup cannot be restored here; its message is for the operator. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

/** Restores a backup into an empty database and data directory, all or nothing for the database. */
export async function restoreFromFile(
  db: Db,
  dataDir: string,
  source: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ rows: number; files: number }> {
  if (!existsSync(source) || !statSync(source).isFile())
    throw new RestoreError(`Không tìm thấy tệp sao lưu «${source}».`);
  await migrate(db);
  const lines = createInterface({
    input: createReadStream(source).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const filesRoot = path.join(dataDir, 'files');
  const pendingFiles: Array<{ file: string; data: string }> = [];
  let rows = 0;
  let ended = false;
  try {
    await db.transaction(async (tx) => {
      await tx.query('SET CONSTRAINTS ALL DEFERRED');
      const tables = await listTables(tx);
      for (const table of tables) {
        if (SEEDED_BY_MIGRATIONS.includes(table)) continue;
        const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${table}"`,
        );
        if (n > 0)
          throw new RestoreError(
            `Cơ sở dữ liệu đích không trống (bảng «${table}» có ${n} dòng). Hãy khôi phục vào một cơ sở dữ liệu mới.`,
          );
      }
      for (const table of SEEDED_BY_MIGRATIONS) await tx.query(`DELETE FROM "${table}"`);
      let header: Extract<Line, { format: string }> | null = null;
      let done = 0;
      for await (const text of lines) {
        if (!text) continue;
        const line = JSON.parse(text) as Line;
        if ('format' in line) {
          if (line.format !== FORMAT || line.version !== VERSION)
            throw new RestoreError('Tệp không phải bản sao lưu parindex hoặc khác phiên bản.');
          const known = new Set(
            (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map(
              (r) => r.name,
            ),
          );
          const newer = line.migrations.filter((m) => !known.has(m));
          if (newer.length)
            throw new RestoreError(
              `Bản sao lưu được tạo bởi phiên bản mới hơn (migration ${newer.join(', ')}). Hãy cập nhật parindex trước.`,
            );
          header = line;
        } else if (!header) {
          throw new RestoreError('Tệp không phải bản sao lưu parindex.');
        } else if ('table' in line) {
          if (!tables.includes(line.table))
            throw new RestoreError(`Bảng «${line.table}» không có trong phiên bản này.`);
          await tx.query(
            `INSERT INTO "${line.table}" OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(null::"${line.table}", $1::json)`,
            [JSON.stringify(line.rows)],
          );
          rows += line.rows.length;
          done++;
          onProgress(done, done + 1);
        } else if ('file' in line) {
          if (line.file.includes('..') || path.isAbsolute(line.file))
            throw new RestoreError(`Đường dẫn tệp không hợp lệ trong bản sao lưu: «${line.file}».`);
          pendingFiles.push(line);
        } else if ('end' in line) {
          if (line.rows !== rows)
            throw new RestoreError(`Bản sao lưu không đầy đủ: ${rows}/${line.rows} dòng.`);
          ended = true;
        }
      }
      if (!ended) throw new RestoreError('Bản sao lưu bị cắt cụt (thiếu phần kết thúc).');
      // Identity columns continue after the restored ids.
      const identities = await tx.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`,
      );
      for (const { table_name, column_name } of identities) {
        await tx.query(
          `SELECT setval(pg_get_serial_sequence('"${table_name}"', '${column_name}'), coalesce((SELECT max("${column_name}") FROM "${table_name}"), 0) + 1, false)`,
        );
      }
    });
  } catch (error) {
    if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR') {
      throw new RestoreError('Tệp sao lưu bị hỏng hoặc không phải bản sao lưu parindex.');
    }
    throw error;
  }
  for (const f of pendingFiles) {
    const target = path.join(filesRoot, f.file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, Buffer.from(f.data, 'base64'));
  }
  onProgress(1, 1);
  return { rows, files: pendingFiles.length };
}
