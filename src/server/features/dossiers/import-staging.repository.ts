/**
 * SQL of an import's load: the staging tables a file's rows go through, the load from them into
 * `dossiers` (insert or upsert), and what a large load does around it (indexes, statistics).
 */
import type { Queryable } from '../../infra/db.ts';

/** Columns of a staging batch, in table order, with their SQL array types. */
export const STAGING_COLUMNS = [
  ['row_no', 'int'],
  ['code', 'text'],
  ['unit_id', 'int'],
  ['unit_code', 'text'],
  ['official_code', 'text'],
  ['procedure_code', 'text'],
  ['procedure_name', 'text'],
  ['field', 'text'],
  ['received_ms', 'bigint'],
  ['due_ms', 'bigint'],
  ['finished_ms', 'bigint'],
  ['returned_ms', 'bigint'],
  ['completion_requests', 'int'],
  ['agencies_involved', 'int'],
  ['channel', 'text'],
  ['online_payment', 'boolean'],
  ['returned_by_post', 'boolean'],
  ['status', 'text'],
  ['citizen_ratings', 'jsonb'],
  ['self_ratings', 'jsonb'],
  ['period', 'text'],
  ['timeliness', 'text'],
  ['handling_seconds', 'bigint'],
  ['citizen_points', 'int'],
  ['citizen_count', 'smallint'],
  ['p1', 'smallint'],
  ['p2', 'smallint'],
  ['p3', 'smallint'],
  ['p4', 'smallint'],
  ['p5', 'smallint'],
  ['p6', 'smallint'],
  ['p7', 'smallint'],
  ['p8', 'smallint'],
  ['p9', 'smallint'],
] as const;

const stagingName = (jobId: number): string => `dossier_staging_job_${Math.trunc(jobId)}`;

const INSERT_STAGING_SQL = (table: string): string =>
  `INSERT INTO ${table} SELECT * FROM unnest(${STAGING_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;

/** Creates the job's own unlogged staging table (dropped after the job). */
export async function createStaging(db: Queryable, jobId: number): Promise<string> {
  const table = stagingName(jobId);
  await db.query(`DROP TABLE IF EXISTS ${table}`);
  await db.query(`CREATE UNLOGGED TABLE ${table} (LIKE dossier_staging)`);
  return table;
}

/** Appends one batch, given column by column (arrays of equal length, in STAGING_COLUMNS order). */
export async function insertStagingBatch(
  db: Queryable,
  table: string,
  columns: readonly unknown[][],
): Promise<void> {
  await db.query(INSERT_STAGING_SQL(table), columns);
}

/** The staging columns, in order, for `Db.copyIn`. */
export const STAGING_COPY_COLUMNS: readonly string[] = STAGING_COLUMNS.map(([c]) => c);

/** Empties a staging table (the shared `dossier_staging` after a load through it). */
export async function clearStaging(db: Queryable, table: string): Promise<void> {
  await db.query(`DELETE FROM ${table}`);
}

export async function dropStaging(db: Queryable, table: string): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${table}`);
}

/** Codes that appear on several rows of the file: the first `limit` and how many in all. */
export async function stagingDuplicates(
  db: Queryable,
  table: string,
  limit: number,
): Promise<{ items: Array<{ code: string; rows: number[] }>; count: number }> {
  const rows = await db.query<{ code: string; rows: number[]; total: number }>(
    `SELECT code, rows, count(*) OVER ()::int AS total FROM (
       SELECT code, array_agg(row_no ORDER BY row_no) AS rows FROM ${table}
       GROUP BY code HAVING count(*) > 1) d
     ORDER BY rows[1] LIMIT $1`,
    [limit],
  );
  return { items: rows.map((r) => ({ code: r.code, rows: r.rows })), count: rows[0]?.total ?? 0 };
}

const DOSSIER_VALUE_COLUMNS = [
  'unit_id',
  'unit_code',
  'official_code',
  'procedure_code',
  'procedure_name',
  'field',
  'received_at',
  'due_at',
  'finished_at',
  'returned_at',
  'completion_requests',
  'agencies_involved',
  'channel',
  'online_payment',
  'returned_by_post',
  'status',
  'citizen_ratings',
  'self_ratings',
  'period',
  'timeliness',
  'handling_seconds',
  'citizen_points',
  'citizen_count',
  'p1',
  'p2',
  'p3',
  'p4',
  'p5',
  'p6',
  'p7',
  'p8',
  'p9',
  'config_version',
  'import_job_id',
  'updated_at',
];

/** The columns of `dossiers` a COPY straight into it gives, in order (code first). */
export const DOSSIER_COPY_COLUMNS: readonly string[] = ['code', ...DOSSIER_VALUE_COLUMNS];

const ms = (c: string): string =>
  `CASE WHEN ${c} IS NULL THEN NULL ELSE to_timestamp(${c} / 1000.0) END`;

/** The staged rows as the values of `dossiers`, in `code, DOSSIER_VALUE_COLUMNS` order. */
const STAGED_VALUES = (table: string): string =>
  `SELECT code, unit_id, unit_code, official_code, procedure_code, procedure_name, field,
     to_timestamp(received_ms / 1000.0), ${ms('due_ms')}, ${ms('finished_ms')}, ${ms('returned_ms')},
     completion_requests, agencies_involved, channel, online_payment, returned_by_post, status,
     citizen_ratings, self_ratings, period, timeliness, handling_seconds, citizen_points,
     citizen_count, p1, p2, p3, p4, p5, p6, p7, p8, p9, $1, $2, $3
   FROM ${table}`;

/** Whether any staged code is already a dossier (the load then updates as well as inserts). */
export async function stagingOverlapsDossiers(db: Queryable, table: string): Promise<boolean> {
  const rows = await db.query<{ hit: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${table} s JOIN dossiers d ON d.code = s.code) AS hit`,
  );
  return rows[0]?.hit === true;
}

/**
 * Inserts every staged dossier when none of their codes exists yet (see stagingOverlapsDossiers):
 * a plain insert, without the per-row conflict check of an upsert. A code staged twice violates
 * the primary key (SQLSTATE 23505, see isDuplicateInStatement). Returns how many were inserted.
 */
export async function insertFromStaging(
  db: Queryable,
  table: string,
  configVersion: string,
  jobId: number | null,
  now: Date,
): Promise<number> {
  const rows = await db.query<{ inserted: number }>(
    `WITH ins AS (
       INSERT INTO dossiers (code, ${DOSSIER_VALUE_COLUMNS.join(', ')})
       ${STAGED_VALUES(table)}
       RETURNING 1)
     SELECT count(*)::int AS inserted FROM ins`,
    [configVersion, jobId, now.toISOString()],
  );
  return rows[0]?.inserted ?? 0;
}

/**
 * Upserts every staged dossier by code (in the caller's transaction), in one statement; returns how
 * many were new and how many replaced an existing dossier. A code staged twice makes PostgreSQL
 * refuse the statement (SQLSTATE 21000, see isDuplicateInStatement).
 */
export async function upsertFromStaging(
  db: Queryable,
  table: string,
  configVersion: string,
  jobId: number | null,
  now: Date,
): Promise<{ inserted: number; updated: number }> {
  const rows = await db.query<{ inserted: number; updated: number }>(
    `WITH up AS (
       INSERT INTO dossiers (code, ${DOSSIER_VALUE_COLUMNS.join(', ')})
       ${STAGED_VALUES(table)}
       ON CONFLICT (code) DO UPDATE SET
         ${DOSSIER_VALUE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       RETURNING (xmax = 0) AS fresh)
     SELECT count(*) FILTER (WHERE fresh)::int AS inserted,
       count(*) FILTER (WHERE NOT fresh)::int AS updated
     FROM up`,
    [configVersion, jobId, now.toISOString()],
  );
  return rows[0] ?? { inserted: 0, updated: 0 };
}

/**
 * For a load that is large against the table: drops the secondary indexes of `dossiers` (in the
 * caller's transaction, so a failure restores them) and returns what builds them again as they
 * were defined. PostgreSQL builds an index by sorting faster than it inserts a million entries one
 * by one. Until the transaction ends, `dossiers` is locked against readers too.
 */
export async function suspendDossierIndexes(db: Queryable): Promise<() => Promise<void>> {
  const indexes = await db.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = 'dossiers'::regclass AND NOT i.indisunique ORDER BY c.relname`,
  );
  for (const i of indexes) await db.query(`DROP INDEX "${i.name}"`);
  return async () => {
    for (const i of indexes) await db.query(i.def);
  };
}

/** The planner's estimate of the number of dossiers (exact when never analysed and small). */
export async function estimateDossierCount(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT CASE WHEN reltuples >= 0 THEN reltuples::bigint
       ELSE (SELECT count(*) FROM dossiers) END AS n
     FROM pg_class WHERE oid = 'dossiers'::regclass`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Refreshes the planner's statistics of `dossiers` after a large load. */
export async function analyzeDossiers(db: Queryable): Promise<void> {
  await db.query('ANALYZE dossiers');
}

/**
 * Whether an error is PostgreSQL refusing a load for a repeated code: an upsert touching one row
 * twice (21000) or an insert of the same key twice (23505).
 */
export function isDuplicateInStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '21000' || code === '23505';
}
