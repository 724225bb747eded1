/** SQL for dossiers, their import sources, jobs, staging tables and rating forms. */
import type { RateKey } from '../../../domain/dossiers/config.ts';
import type { Queryable } from '../../infra/db.ts';
import { sqlParams } from '../../infra/sql.ts';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind?: string;
  path: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** Every unit's id, code, path and validity (codes repeat across validity periods). */
export async function listUnitRefs(db: Queryable): Promise<UnitRef[]> {
  return db.query<UnitRef>('SELECT id, code, name, path, valid_from, valid_to FROM units');
}

// ---------------------------------------------------------------------------------------------
// Sources

export interface SourceRow {
  id: number;
  name: string;
  mapping: Record<string, string>;
  headers: string[];
  updated_at: Date;
}

export async function findSourceByName(
  db: Queryable,
  name: string,
): Promise<SourceRow | undefined> {
  const rows = await db.query<SourceRow>(
    'SELECT id, name, mapping, headers, updated_at FROM dossier_sources WHERE lower(name) = lower($1)',
    [name],
  );
  return rows[0];
}

export async function listSources(db: Queryable): Promise<SourceRow[]> {
  return db.query<SourceRow>(
    'SELECT id, name, mapping, headers, updated_at FROM dossier_sources ORDER BY lower(name)',
  );
}

/** Saves a source's mapping (creating the source when new); returns its id. */
export async function saveSource(
  db: Queryable,
  s: { name: string; mapping: Record<string, string>; headers: string[]; userId: number | null },
  now: Date,
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO dossier_sources (name, mapping, headers, created_by, updated_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $4, $5, $5)
     ON CONFLICT (lower(name)) DO UPDATE SET mapping = EXCLUDED.mapping, headers = EXCLUDED.headers,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
     RETURNING id`,
    [s.name, JSON.stringify(s.mapping), JSON.stringify(s.headers), s.userId, now.toISOString()],
  );
  return rows[0]!.id;
}

// ---------------------------------------------------------------------------------------------
// Jobs

export interface JobRow {
  id: number;
  source_id: number | null;
  source_name: string | null;
  file_name: string;
  file_kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'interrupted';
  rows_total: number | null;
  rows_done: number;
  rows_inserted: number;
  rows_updated: number;
  problem_rows: number;
  /** Jobs before message keys have only `message` (Vietnamese) in their problems. */
  problems: Array<{
    row: number;
    column: string;
    message: string;
    key?: string;
    params?: Record<string, string | number>;
  }>;
  periods: Record<string, number> | null;
  error_message: string | null;
  error_key: string | null;
  error_params: Record<string, string | number> | null;
  created_by: number | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  /** The process running it (ADR 23). */
  owner: number | null;
  /** The uploaded file, a name under the data directory's uploads/, kept until the job ends. */
  input_file: string | null;
  /** The column mapping the job ran with. */
  mapping: Record<string, string> | null;
  retried_by: number | null;
}

export async function insertJob(
  db: Queryable,
  j: {
    sourceId: number | null;
    fileName: string;
    fileKind: string;
    userId: number | null;
    owner: number | null;
    inputFile: string | null;
    mapping: Record<string, string>;
  },
  now: Date,
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO dossier_import_jobs
       (source_id, file_name, file_kind, created_by, created_at, owner, input_file, mapping)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      j.sourceId,
      j.fileName,
      j.fileKind,
      j.userId,
      now.toISOString(),
      j.owner,
      j.inputFile,
      JSON.stringify(j.mapping),
    ],
  );
  return rows[0]!.id;
}

/**
 * Takes the kept file of an interrupted job to run it again: returns its name once (a second
 * request finds none).
 */
export async function takeInterruptedInput(db: Queryable, id: number): Promise<string | null> {
  const rows = await db.query<{ input_file: string }>(
    `UPDATE dossier_import_jobs j SET input_file = NULL
     FROM (SELECT input_file FROM dossier_import_jobs WHERE id = $1 FOR UPDATE) old
     WHERE j.id = $1 AND j.status = 'interrupted' AND j.input_file IS NOT NULL
     RETURNING old.input_file`,
    [id],
  );
  return rows[0]?.input_file ?? null;
}

export async function markJobRetried(db: Queryable, id: number, by: number): Promise<void> {
  await db.query('UPDATE dossier_import_jobs SET retried_by = $2 WHERE id = $1', [id, by]);
}

export async function findJob(db: Queryable, id: number): Promise<JobRow | undefined> {
  const rows = await db.query<JobRow>(
    `SELECT j.*, s.name AS source_name FROM dossier_import_jobs j
     LEFT JOIN dossier_sources s ON s.id = j.source_id WHERE j.id = $1`,
    [id],
  );
  return rows[0];
}

export async function markJobRunning(
  db: Queryable,
  id: number,
  total: number | null,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE dossier_import_jobs SET status = 'running', rows_total = $2, started_at = $3 WHERE id = $1`,
    [id, total, now.toISOString()],
  );
}

export async function updateJobProgress(db: Queryable, id: number, done: number): Promise<void> {
  await db.query('UPDATE dossier_import_jobs SET rows_done = $2 WHERE id = $1', [id, done]);
}

export async function finishJob(
  db: Queryable,
  id: number,
  r: {
    status: 'succeeded' | 'failed';
    total: number;
    inserted: number;
    updated: number;
    problemRows: number;
    problems: unknown[];
    periods: Record<string, number> | null;
    errorMessage: string | null;
    /** The message key and parameters of errorMessage, to show it in the reader's language. */
    error?: { key: string; params: Record<string, string | number> } | null;
  },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE dossier_import_jobs SET status = $2, rows_total = $3, rows_done = $3, rows_inserted = $4,
       rows_updated = $5, problem_rows = $6, problems = $7, periods = $8, error_message = $9,
       finished_at = $10, error_key = $11, error_params = $12, input_file = NULL
     WHERE id = $1`,
    [
      id,
      r.status,
      r.total,
      r.inserted,
      r.updated,
      r.problemRows,
      JSON.stringify(r.problems),
      r.periods === null ? null : JSON.stringify(r.periods),
      r.errorMessage,
      now.toISOString(),
      r.error?.key ?? null,
      r.error ? JSON.stringify(r.error.params) : null,
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// Staging

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

/**
 * Room for the hash aggregates of a quarter's sums per unit and official, which would otherwise
 * spill to disk on a national view (ADR 10); for the rest of the transaction only.
 */
export async function allowAggregateMemory(tx: Queryable): Promise<void> {
  await tx.query(`SET LOCAL work_mem = '64MB'`);
}

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

// ---------------------------------------------------------------------------------------------
// Dossiers

export interface DossierDbRow {
  code: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  official_code: string | null;
  procedure_code: string;
  procedure_name: string;
  field: string;
  received_at: Date;
  due_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  completion_requests: number | null;
  agencies_involved: number | null;
  channel: string;
  online_payment: boolean | null;
  returned_by_post: boolean | null;
  status: string;
  citizen_ratings: (number | null)[] | null;
  self_ratings: (number | null)[] | null;
  period: string;
  timeliness: string;
  p1: number | null;
  p2: number | null;
  p3: number | null;
  p4: number | null;
  p5: number | null;
  p6: number | null;
  p7: number | null;
  p8: number | null;
  p9: number | null;
  form_ratings: (number | null)[] | null;
  form_channel: string | null;
}

const DOSSIER_SELECT = `SELECT d.*, u.name AS unit_name, u.path AS unit_path,
    r.ratings AS form_ratings, r.channel AS form_channel
  FROM dossiers d JOIN units u ON u.id = d.unit_id
  LEFT JOIN dossier_ratings r ON r.dossier_code = d.code`;

export async function findDossier(db: Queryable, code: string): Promise<DossierDbRow | undefined> {
  const rows = await db.query<DossierDbRow>(`${DOSSIER_SELECT} WHERE d.code = $1`, [code]);
  return rows[0];
}

/** Staged dossiers that carry a rating form (their points need the form); forms are few. */
export async function dossiersWithFormsInStaging(
  db: Queryable,
  table: string,
): Promise<DossierDbRow[]> {
  return db.query<DossierDbRow>(
    `${DOSSIER_SELECT} WHERE r.dossier_code IS NOT NULL
       AND r.dossier_code IN (SELECT s.code FROM ${table} s)`,
  );
}

/** Rewrites the derived columns of one dossier after its ratings changed. */
export async function updateDerived(
  db: Queryable,
  code: string,
  d: {
    period: string;
    timeliness: string;
    citizenPoints: number;
    citizenCount: number;
    points: readonly (number | null)[];
  },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE dossiers SET period = $2, timeliness = $3, citizen_points = $4, citizen_count = $5,
       p1 = $6, p2 = $7, p3 = $8, p4 = $9, p5 = $10, p6 = $11, p7 = $12, p8 = $13, p9 = $14,
       updated_at = $15
     WHERE code = $1`,
    [code, d.period, d.timeliness, d.citizenPoints, d.citizenCount, ...d.points, now.toISOString()],
  );
}

export async function insertRating(
  db: Queryable,
  r: {
    code: string;
    channel: 'counter-form' | 'online';
    ratings: readonly (number | null)[];
    comment: string | null;
    userId: number | null;
  },
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO dossier_ratings (dossier_code, channel, ratings, comment, entered_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dossier_code) DO NOTHING RETURNING dossier_code`,
    [r.code, r.channel, JSON.stringify(r.ratings), r.comment, r.userId, now.toISOString()],
  );
  return rows.length > 0;
}

export interface DossierFilter {
  /** Units by path prefix (a unit and its subtree); null = everywhere. */
  scopePaths: string[] | null;
  /** Units outside the scope paths whose dossiers count inside them (merged into them). */
  scopeUnitIds?: readonly number[] | undefined;
  /**
   * The dossiers a figure counts: those of these units, each with the unit owning the postal
   * catalogue that applies to the member it counts toward (null: none, so no postal rate counts it).
   */
  members?:
    | { unitIds: readonly number[]; catalogueOwners?: readonly (number | null)[] | undefined }
    | undefined;
  period?: string | undefined;
  officialCode?: string | undefined;
  q?: string | undefined;
  rate?: { key: RateKey; part: 'numerator' | 'denominator' } | undefined;
  timeliness?: string | undefined;
  /** Late dossiers as the late list shows them: finished late, or unfinished and past due. */
  overdue?: { asOf: Date; dueWithoutTime: 'end-of-day' | 'start-of-day' } | undefined;
}

// The dossier's procedure is in the catalogue that applies to its member (m.owner, see members).
const IN_POSTAL_CATALOGUE = `EXISTS (SELECT 1 FROM dossier_postal_procedures pp
  WHERE pp.unit_id = m.owner AND pp.procedure_code = d.procedure_code)`;

/** The SQL condition that puts a dossier in a rate's numerator or denominator (as rateMembership). */
function rateCondition(key: RateKey, part: 'numerator' | 'denominator'): string {
  const decided = `d.timeliness IN ('early', 'on-time', 'late')`;
  const byPost = `(d.channel = 'postal' OR d.returned_by_post IS TRUE)`;
  switch (key) {
    case 'on-time-or-early':
      return part === 'numerator' ? `d.timeliness IN ('early', 'on-time')` : decided;
    case 'late':
      return part === 'numerator' ? `d.timeliness = 'late'` : decided;
    case 'online-full':
      return part === 'numerator' ? `d.channel = 'online-full'` : 'TRUE';
    case 'online-partial':
      return part === 'numerator' ? `d.channel = 'online-partial'` : 'TRUE';
    case 'online-payment':
      return part === 'numerator' ? 'd.online_payment IS TRUE' : 'd.online_payment IS NOT NULL';
    case 'postal-dossiers':
    case 'postal-procedures':
      // The dossiers of the catalogue's procedures; those by post make their procedure count.
      return part === 'numerator' ? `${IN_POSTAL_CATALOGUE} AND ${byPost}` : IN_POSTAL_CATALOGUE;
  }
}

/**
 * Finished late, or without a result and past its due moment at $asOf; a due date without a time
 * lasts its whole day when so read (ADR 27). The first arm and `finished_at IS NULL` match the
 * partial index `dossiers_overdue_idx`.
 */
function overdueCondition(p: (v: unknown) => string, o: NonNullable<DossierFilter['overdue']>) {
  return `(d.timeliness = 'late' OR (d.finished_at IS NULL AND ${pastDue(p, o)}))`;
}

/** Past its due moment at $asOf (see overdueCondition). */
function pastDue(p: (v: unknown) => string, o: NonNullable<DossierFilter['overdue']>) {
  const dateOnly = `mod(extract(epoch FROM d.due_at) + 25200, 86400) = 0`;
  const grace =
    o.dueWithoutTime === 'end-of-day'
      ? `CASE WHEN ${dateOnly} THEN interval '1 day' - interval '1 millisecond' ELSE interval '0' END`
      : `interval '0'`;
  return `d.due_at + ${grace} < ${p(o.asOf.toISOString())}::timestamptz`;
}

/** Lists dossiers, newest receipt first, with the total. */
export async function listDossiers(
  db: Queryable,
  f: DossierFilter,
  limit: number,
  offset: number,
): Promise<{ items: DossierDbRow[]; total: number }> {
  const where: string[] = [];
  const { values: params, p } = sqlParams();
  let members = '';
  if (f.members !== undefined) {
    if (f.members.unitIds.length === 0) return { items: [], total: 0 };
    const ids = p(f.members.unitIds);
    if (f.members.catalogueOwners !== undefined) {
      members = `JOIN unnest(${ids}::int[], ${p(f.members.catalogueOwners)}::int[]) AS m(unit_id, owner)
      ON m.unit_id = d.unit_id`;
    }
    where.push(`d.unit_id = ANY(${ids}::int[])`);
  } else if (f.scopePaths !== null) {
    if (f.scopePaths.length === 0) return { items: [], total: 0 };
    const merged = f.scopeUnitIds?.length ? [`d.unit_id = ANY(${p(f.scopeUnitIds)}::int[])`] : [];
    where.push(
      `(${[...f.scopePaths.map((s) => `u.path LIKE ${p(`${s}%`)}`), ...merged].join(' OR ')})`,
    );
  }
  if (f.period) where.push(`d.period = ${p(f.period)}`);
  if (f.officialCode) where.push(`d.official_code = ${p(f.officialCode)}`);
  if (f.timeliness) where.push(`d.timeliness = ${p(f.timeliness)}`);
  if (f.overdue) where.push(overdueCondition(p, f.overdue));
  if (f.q) where.push(`d.code LIKE ${p(`${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (f.rate) {
    if (f.members?.catalogueOwners === undefined) {
      throw new Error('A rate lists the dossiers of its members, with their catalogues');
    }
    where.push(rateCondition(f.rate.key, f.rate.part));
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = `FROM dossiers d JOIN units u ON u.id = d.unit_id ${members}`;
  const onlyScope =
    f.officialCode === undefined &&
    f.q === undefined &&
    f.timeliness === undefined &&
    f.overdue === undefined &&
    f.rate === undefined &&
    f.members?.catalogueOwners === undefined;
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n ${from} ${clause}`,
    params,
  );
  if (onlyScope) {
    return { items: await newestOfUnits(db, f, limit, offset), total: count?.n ?? 0 };
  }
  const items = await db.query<DossierDbRow>(
    `SELECT d.*, u.name AS unit_name, u.path AS unit_path,
       r.ratings AS form_ratings, r.channel AS form_channel
     ${from} LEFT JOIN dossier_ratings r ON r.dossier_code = d.code
     ${clause} ORDER BY d.received_at DESC, d.code LIMIT ${p(limit)} OFFSET ${p(offset)}`,
    params,
  );
  return { items, total: count?.n ?? 0 };
}

/**
 * A page of the dossiers of a scope (and period), newest receipt first, read without sorting the
 * scope's dossiers (ADR 55): each unit's newest `offset + limit` receipts come from the index on
 * (period, unit_id, received_at DESC), the oldest receipt among the scope's newest `offset + limit`
 * is the page's lower bound, and only the dossiers at or after it are read and ordered. A province
 * of 100 000 dossiers in a quarter reads about a thousand rows instead of all of them.
 */
async function newestOfUnits(
  db: Queryable,
  f: DossierFilter,
  limit: number,
  offset: number,
): Promise<DossierDbRow[]> {
  const { values: params, p } = sqlParams();
  let ids: string;
  if (f.members !== undefined) {
    ids = `${p(f.members.unitIds)}::int[]`;
  } else if (f.scopePaths !== null) {
    const paths = f.scopePaths.map((s) => `path LIKE ${p(`${s}%`)}`);
    if (f.scopeUnitIds?.length) paths.push(`id = ANY(${p(f.scopeUnitIds)}::int[])`);
    ids = `(SELECT array_agg(id) FROM units WHERE ${paths.join(' OR ')})`;
  } else {
    ids = `(SELECT array_agg(id) FROM units)`;
  }
  const period = f.period === undefined ? '' : `d.period = ${p(f.period)} AND`;
  const reach = p(offset + limit);
  return db.query<DossierDbRow>(
    `WITH scope AS MATERIALIZED (SELECT ${ids} AS ids),
     newest AS (
       SELECT k.received_at FROM unnest((SELECT ids FROM scope)) AS s(id)
       CROSS JOIN LATERAL (
         SELECT d.received_at FROM dossiers d WHERE ${period} d.unit_id = s.id
         ORDER BY d.received_at DESC LIMIT ${reach}) k
       ORDER BY k.received_at DESC LIMIT ${reach})
     SELECT d.*, u.name AS unit_name, u.path AS unit_path,
       r.ratings AS form_ratings, r.channel AS form_channel
     FROM dossiers d JOIN units u ON u.id = d.unit_id
     LEFT JOIN dossier_ratings r ON r.dossier_code = d.code
     WHERE ${period} d.unit_id = ANY((SELECT ids FROM scope)::int[])
       AND d.received_at >= (SELECT min(received_at) FROM newest)
     ORDER BY d.received_at DESC, d.code LIMIT ${p(limit)} OFFSET ${p(offset)}`,
    params,
  );
}

/** Where a page of the late list starts: after this dossier (receipt in microseconds, code). */
export interface LateCursor {
  receivedMicros: string;
  code: string;
}

/**
 * One page of the late list of the dossiers of `unitIds` (null: every unit) in a period: finished
 * late, or unfinished and past due at `overdue.asOf`; newest receipt first, then code (descending),
 * after `after` when given. Read through `dossiers_late_page_idx` in that order, so a page stops
 * after its rows.
 */
export async function lateDossierPage(
  db: Queryable,
  f: {
    unitIds: readonly number[] | null;
    period: string;
    overdue: NonNullable<DossierFilter['overdue']>;
    after?: LateCursor | undefined;
  },
  limit: number,
): Promise<Array<DossierDbRow & { received_micros: string }>> {
  if (f.unitIds !== null && f.unitIds.length === 0) return [];
  const { values: params, p } = sqlParams();
  const where = [`d.period = ${p(f.period)}`, overdueCondition(p, f.overdue)];
  if (f.unitIds !== null) where.push(`d.unit_id = ANY(${p(f.unitIds)}::int[])`);
  if (f.after !== undefined) {
    where.push(
      `(d.received_at, d.code) < (timestamptz 'epoch' + ${p(f.after.receivedMicros)}::bigint * interval '1 microsecond', ${p(f.after.code)})`,
    );
  }
  return db.query<DossierDbRow & { received_micros: string }>(
    `SELECT d.*, u.name AS unit_name, u.path AS unit_path,
       r.ratings AS form_ratings, r.channel AS form_channel,
       ((extract(epoch FROM d.received_at) * 1000000)::bigint)::text AS received_micros
     FROM (SELECT d.code FROM dossiers d WHERE ${where.join(' AND ')}
           ORDER BY d.received_at DESC, d.code DESC LIMIT ${p(limit)}) l
     JOIN dossiers d ON d.code = l.code JOIN units u ON u.id = d.unit_id
     LEFT JOIN dossier_ratings r ON r.dossier_code = d.code
     ORDER BY d.received_at DESC, d.code DESC`,
    params,
  );
}

/**
 * How many of the late list are finished late (timeliness 'late'): fixed until dossiers are
 * written, whatever the moment the list is read at.
 */
export async function lateFinishedCount(
  db: Queryable,
  period: string,
  unitIds: readonly number[] | null,
): Promise<number> {
  if (unitIds !== null && unitIds.length === 0) return 0;
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM dossiers d WHERE d.period = $1 AND d.timeliness = 'late'
     ${unitIds === null ? '' : 'AND d.unit_id = ANY($2::int[])'}`,
    unitIds === null ? [period] : [period, unitIds],
  );
  return rows[0]?.n ?? 0;
}

/**
 * The due moments (ms since 1970, the whole due day when a due date without a time is so read) of
 * the unfinished dossiers not marked late of `unitIds` (null: every unit) in a period, in
 * ascending order: those before a moment are the rest of the late list at that moment.
 */
export async function openDueMoments(
  db: Queryable,
  period: string,
  unitIds: readonly number[] | null,
  dueWithoutTime: 'end-of-day' | 'start-of-day',
): Promise<number[]> {
  if (unitIds !== null && unitIds.length === 0) return [];
  const dateOnly = `mod(extract(epoch FROM d.due_at) + 25200, 86400) = 0`;
  const grace =
    dueWithoutTime === 'end-of-day'
      ? `CASE WHEN ${dateOnly} THEN interval '1 day' - interval '1 millisecond' ELSE interval '0' END`
      : `interval '0'`;
  const rows = await db.query<{ due: number[] | null }>(
    `SELECT array_agg(m ORDER BY m) AS due FROM (
       SELECT (extract(epoch FROM d.due_at + ${grace}) * 1000)::float8 AS m FROM dossiers d
       WHERE d.period = $1 AND d.finished_at IS NULL AND d.timeliness <> 'late' AND d.due_at IS NOT NULL
       ${unitIds === null ? '' : 'AND d.unit_id = ANY($2::int[])'}) x`,
    unitIds === null ? [period] : [period, unitIds],
  );
  return rows[0]?.due ?? [];
}

/**
 * The revision of the dossiers (migration 0041): raised by every statement writing them (or units,
 * or their lineage), from a
 * sequence, so a value is never seen again once any writer's transaction has moved on.
 */
export async function dossierRevision(db: Queryable): Promise<string> {
  const rows = await db.query<{ revision: string }>(
    'SELECT revision::text AS revision FROM dossier_revision',
  );
  return rows[0]?.revision ?? '0';
}

/**
 * The procedures behind a postal-procedures figure: for each catalogue that applies to the members
 * (`owners`, the catalogue owner of each member unit; null: none), its procedures with the
 * members' dossiers and postal dossiers of the period; `withPostal` keeps those with a postal one.
 */
export async function postalProcedureRows(
  db: Queryable,
  f: {
    period: string;
    unitIds: readonly number[];
    owners: readonly (number | null)[];
    officialCode?: string | undefined;
    withPostal: boolean;
  },
  limit: number,
  offset: number,
): Promise<{
  items: Array<{
    owner_id: number;
    code: string;
    name: string | null;
    dossiers: number;
    postal: number;
  }>;
  total: number;
}> {
  const params: unknown[] = [f.period, f.unitIds, f.owners, f.officialCode ?? null];
  const base = `WITH m AS (SELECT * FROM unnest($2::int[], $3::int[]) AS m(unit_id, owner)
       WHERE owner IS NOT NULL),
     counts AS (
       SELECT m.owner, d.procedure_code, count(*)::int AS dossiers,
         count(*) FILTER (WHERE d.channel = 'postal' OR d.returned_by_post)::int AS postal
       FROM dossiers d JOIN m ON m.unit_id = d.unit_id
       WHERE d.period = $1 AND d.unit_id = ANY($2::int[])
         AND ($4::text IS NULL OR d.official_code = $4)
       GROUP BY m.owner, d.procedure_code),
     rows AS (
       SELECT pp.unit_id AS owner_id, pp.procedure_code AS code, pp.procedure_name AS name,
         coalesce(c.dossiers, 0) AS dossiers, coalesce(c.postal, 0) AS postal
       FROM dossier_postal_procedures pp
       LEFT JOIN counts c ON c.owner = pp.unit_id AND c.procedure_code = pp.procedure_code
       WHERE pp.unit_id IN (SELECT owner FROM m)
         ${f.withPostal ? 'AND coalesce(c.postal, 0) > 0' : ''})`;
  const [count] = await db.query<{ n: number }>(
    `${base} SELECT count(*)::int AS n FROM rows`,
    params,
  );
  const items = await db.query<{
    owner_id: number;
    code: string;
    name: string | null;
    dossiers: number;
    postal: number;
  }>(`${base} SELECT * FROM rows ORDER BY code, owner_id LIMIT $5 OFFSET $6`, [
    ...params,
    limit,
    offset,
  ]);
  return { items, total: count?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Aggregation (art. 15 Circular 01): the counts of the domain's DossierTally, by GROUP BY

export interface TallyRow {
  unit_id: number;
  official_code: string | null;
  dossiers: number;
  evaluated: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
  s7: number;
  s8: number;
  s9: number;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  n6: number;
  n7: number;
  n8: number;
  n9: number;
  early: number;
  on_time: number;
  late: number;
  pending: number;
  no_due_date: number;
  counter: number;
  online_full: number;
  online_partial: number;
  received_by_post: number;
  returned_by_post: number;
  postal: number;
  payment_applicable: number;
  paid_online: number;
  handling_seconds: number;
  handled: number;
  citizen_points: number;
  citizen_ratings: number;
}

const TALLY_SELECT = `count(*)::int AS dossiers,
  count(*) FILTER (WHERE num_nonnulls(p1, p2, p3, p4, p5, p6, p7, p8, p9) > 0)::int AS evaluated,
  ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `coalesce(sum(p${i}), 0)::bigint AS s${i}, count(p${i})::int AS n${i}`).join(',\n  ')},
  count(*) FILTER (WHERE timeliness = 'early')::int AS early,
  count(*) FILTER (WHERE timeliness = 'on-time')::int AS on_time,
  count(*) FILTER (WHERE timeliness = 'late')::int AS late,
  count(*) FILTER (WHERE timeliness = 'pending')::int AS pending,
  count(*) FILTER (WHERE timeliness = 'no-due-date')::int AS no_due_date,
  count(*) FILTER (WHERE channel = 'counter')::int AS counter,
  count(*) FILTER (WHERE channel = 'online-full')::int AS online_full,
  count(*) FILTER (WHERE channel = 'online-partial')::int AS online_partial,
  count(*) FILTER (WHERE channel = 'postal')::int AS received_by_post,
  count(*) FILTER (WHERE returned_by_post)::int AS returned_by_post,
  count(*) FILTER (WHERE channel = 'postal' OR returned_by_post)::int AS postal,
  count(online_payment)::int AS payment_applicable,
  count(*) FILTER (WHERE online_payment)::int AS paid_online,
  coalesce(sum(handling_seconds), 0)::bigint AS handling_seconds,
  count(finished_at)::int AS handled,
  coalesce(sum(citizen_points), 0)::bigint AS citizen_points,
  coalesce(sum(citizen_count), 0)::bigint AS citizen_ratings`;

/** Tallies per unit (officials = false) or per unit and official, for one period. */
export async function tallies(
  db: Queryable,
  period: string,
  unitIds: readonly number[] | null,
  byOfficial: boolean,
): Promise<TallyRow[]> {
  const params: unknown[] = [period];
  let unitFilter = '';
  if (unitIds !== null) {
    params.push(unitIds);
    unitFilter = 'AND unit_id = ANY($2::int[])';
  }
  return db.query<TallyRow>(
    `SELECT unit_id, ${byOfficial ? 'official_code' : 'NULL::text AS official_code'}, ${TALLY_SELECT}
     FROM dossiers WHERE period = $1 ${unitFilter} ${byOfficial ? 'AND official_code IS NOT NULL' : ''}
     GROUP BY unit_id${byOfficial ? ', official_code' : ''}`,
    params,
  );
}

// ---------------------------------------------------------------------------------------------
// Units after mergers: where a unit's dossiers are counted

/** A unit whose dossiers count toward `target` in an area's views, with the unit's validity. */
export interface FoldPair {
  unit_id: number;
  target: number;
  path: string;
  valid_from: string | null;
  valid_to: string | null;
}

// Units that went whole into exactly one successor of their province (unit_lineage, 'full'); a
// link to another province carries no dossiers (ADR 19).
const SINGLE_SUCCESSOR = `SELECT predecessor_id, min(successor_id) AS successor_id FROM unit_lineage_in_province
  GROUP BY predecessor_id HAVING count(*) = 1 AND bool_and(merge_type = 'full')`;

/**
 * Where each unit's dossiers are counted in the views of the area at `path` (a unit's subtree): a
 * unit that went whole into exactly one successor counts toward it, transitively, as far as the
 * chain stays in the area; every other unit of the area counts toward itself. Units outside the
 * area that merged into it are included (e.g. xã Quy Kỳ, before 1 July 2025, toward today's xã
 * Kim Phượng). A unit split among several successors keeps its own dossiers.
 */
export async function foldIntoArea(db: Queryable, path: string): Promise<FoldPair[]> {
  return db.query<FoldPair>(
    `WITH RECURSIVE single AS (${SINGLE_SUCCESSOR}),
     area AS (SELECT id FROM units WHERE path LIKE $1),
     back(unit_id) AS (
       SELECT id FROM area
       UNION
       SELECT s.predecessor_id FROM single s JOIN back b ON s.successor_id = b.unit_id
     ),
     fwd(unit_id, target, step) AS (
       SELECT unit_id, unit_id, 0 FROM back
       UNION ALL
       SELECT f.unit_id, s.successor_id, f.step + 1
       FROM fwd f JOIN single s ON s.predecessor_id = f.target WHERE f.step < 20
     )
     SELECT DISTINCT ON (f.unit_id) f.unit_id, f.target, u.path, u.valid_from, u.valid_to
     FROM fwd f JOIN area a ON a.id = f.target JOIN units u ON u.id = f.unit_id
     ORDER BY f.unit_id, f.step DESC`,
    [`${path}%`],
  );
}

/** The paths of the units a unit went whole into, one after the other (nearest first). */
export async function successorPaths(db: Queryable, unitId: number): Promise<string[]> {
  const rows = await db.query<{ path: string }>(
    `WITH RECURSIVE single AS (${SINGLE_SUCCESSOR}),
     fwd(unit_id, step) AS (
       SELECT $1::int, 0
       UNION ALL
       SELECT s.successor_id, f.step + 1 FROM fwd f JOIN single s ON s.predecessor_id = f.unit_id
       WHERE f.step < 20
     )
     SELECT u.path FROM fwd f JOIN units u ON u.id = f.unit_id WHERE f.step > 0 ORDER BY f.step`,
    [unitId],
  );
  return rows.map((r) => r.path);
}

/** For every unit that merged whole into another: the paths of its successors, nearest first. */
export async function allSuccessorPaths(db: Queryable): Promise<Map<number, string[]>> {
  const rows = await db.query<{ unit_id: number; path: string }>(
    `WITH RECURSIVE single AS (${SINGLE_SUCCESSOR}),
     fwd(unit_id, target, step) AS (
       SELECT predecessor_id, successor_id, 1 FROM single
       UNION ALL
       SELECT f.unit_id, s.successor_id, f.step + 1 FROM fwd f JOIN single s ON s.predecessor_id = f.target
       WHERE f.step < 20
     )
     SELECT f.unit_id, u.path FROM fwd f JOIN units u ON u.id = f.target ORDER BY f.unit_id, f.step`,
  );
  const map = new Map<number, string[]>();
  for (const r of rows) {
    const list = map.get(r.unit_id);
    if (list === undefined) map.set(r.unit_id, [r.path]);
    else list.push(r.path);
  }
  return map;
}

/** Units by id (id, code, name, kind, path, validity), in tree order. */
export async function unitRefsByIds(db: Queryable, ids: readonly number[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  return db.query<UnitRef>(
    `SELECT id, code, name, kind, path, valid_from, valid_to FROM units WHERE id = ANY($1::int[])
     ORDER BY path`,
    [ids],
  );
}

/** A tally row of foldedTallies: per target unit (official null, byUnit) or per official. */
export interface FoldedTallyRow extends TallyRow {
  by_unit: boolean;
}

// The columns of TALLY_SELECT, all additive; these are bigint, the others int.
const TALLY_COLUMNS = [
  'dossiers',
  'evaluated',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((i) => [`s${i}`, `n${i}`]),
  'early',
  'on_time',
  'late',
  'pending',
  'no_due_date',
  'counter',
  'online_full',
  'online_partial',
  'received_by_post',
  'returned_by_post',
  'postal',
  'payment_applicable',
  'paid_online',
  'handling_seconds',
  'handled',
  'citizen_points',
  'citizen_ratings',
];
const BIGINT_TALLY = new Set([
  's1',
  's2',
  's3',
  's4',
  's5',
  's6',
  's7',
  's8',
  's9',
  'handling_seconds',
  'citizen_points',
  'citizen_ratings',
]);

/**
 * Tallies of one period per target unit and per target unit and official: each dossier counts
 * toward the target its unit folds into (pairs `units[i]` → `targets[i]`). The dossiers are read
 * once, summed per unit and official by a hash aggregate; the fold and the roll-up to units then
 * work on those few thousand sums.
 */
export async function foldedTallies(
  db: Queryable,
  period: string,
  units: readonly number[],
  targets: readonly number[],
): Promise<FoldedTallyRow[]> {
  const sums = TALLY_COLUMNS.map(
    (c) => `sum(t.${c})::${BIGINT_TALLY.has(c) ? 'bigint' : 'int'} AS ${c}`,
  ).join(', ');
  return db.query<FoldedTallyRow>(
    `WITH fine AS (
       SELECT unit_id, official_code, ${TALLY_SELECT}
       FROM dossiers WHERE period = $1 AND unit_id = ANY($2::int[])
       GROUP BY unit_id, official_code)
     SELECT f.target AS unit_id, t.official_code, GROUPING(t.official_code) = 1 AS by_unit, ${sums}
     FROM fine t JOIN unnest($2::int[], $3::int[]) AS f(unit_id, target) ON f.unit_id = t.unit_id
     GROUP BY GROUPING SETS ((f.target), (f.target, t.official_code))`,
    [period, units, targets],
  );
}

/**
 * Dossiers and postal dossiers per target unit and procedure, for one period (see foldedTallies),
 * for the procedures of the postal catalogues only (`codes`).
 */
export async function foldedProcedureCounts(
  db: Queryable,
  period: string,
  units: readonly number[],
  targets: readonly number[],
  codes: readonly string[],
): Promise<
  Array<{
    unit_id: number;
    official_code: string | null;
    by_unit: boolean;
    procedure_code: string;
    dossiers: number;
    postal: number;
  }>
> {
  if (codes.length === 0) return [];
  return db.query(
    `WITH fine AS (
       SELECT unit_id, official_code, procedure_code, count(*)::int AS dossiers,
         count(*) FILTER (WHERE channel = 'postal' OR returned_by_post)::int AS postal
       FROM dossiers WHERE period = $1 AND unit_id = ANY($2::int[]) AND procedure_code = ANY($4::text[])
       GROUP BY unit_id, official_code, procedure_code)
     SELECT f.target AS unit_id, t.official_code, GROUPING(t.official_code) = 1 AS by_unit,
       t.procedure_code, sum(t.dossiers)::int AS dossiers, sum(t.postal)::int AS postal
     FROM fine t JOIN unnest($2::int[], $3::int[]) AS f(unit_id, target) ON f.unit_id = t.unit_id
     GROUP BY GROUPING SETS ((f.target, t.procedure_code), (f.target, t.official_code, t.procedure_code))`,
    [period, units, targets, codes],
  );
}

/** Dossiers and postal dossiers per unit and procedure of `codes`, for one period. */
export async function procedureCounts(
  db: Queryable,
  period: string,
  unitIds: readonly number[],
  codes: readonly string[],
): Promise<Array<{ unit_id: number; procedure_code: string; dossiers: number; postal: number }>> {
  if (codes.length === 0) return [];
  return db.query(
    `SELECT unit_id, procedure_code, count(*)::int AS dossiers,
       count(*) FILTER (WHERE channel = 'postal' OR returned_by_post)::int AS postal
     FROM dossiers WHERE period = $1 AND unit_id = ANY($2::int[]) AND procedure_code = ANY($3::text[])
     GROUP BY unit_id, procedure_code`,
    [period, unitIds, codes],
  );
}

/** Units in a subtree (the unit itself included) whose validity overlaps [from, to]. */
export async function unitsUnder(
  db: Queryable,
  path: string,
  from: string,
  to: string,
): Promise<UnitRef[]> {
  return db.query<UnitRef>(
    `SELECT id, code, name, kind, path, valid_from, valid_to FROM units
     WHERE path LIKE $1 AND (valid_from IS NULL OR valid_from <= $3) AND (valid_to IS NULL OR valid_to >= $2)
     ORDER BY path`,
    [`${path}%`, from, to],
  );
}

export async function findUnitRef(db: Queryable, id: number): Promise<UnitRef | undefined> {
  const rows = await db.query<UnitRef>(
    'SELECT id, code, name, path, valid_from, valid_to FROM units WHERE id = $1',
    [id],
  );
  return rows[0];
}

/** The names of officials by unit and one-stop code ("unitId\u0000code" → full name). */
export async function officialNames(
  db: Queryable,
  unitIds: readonly number[],
): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.query<{ unit_id: number; official_code: string; full_name: string }>(
    `SELECT unit_id, official_code, full_name FROM dossier_officials
      WHERE unit_id = ANY($1::int[])`,
    [unitIds],
  );
  return new Map(rows.map((r) => [`${r.unit_id}\u0000${r.official_code}`, r.full_name]));
}

/** Records the name of an official of a unit by their one-stop code. */
export async function saveOfficialName(
  db: Queryable,
  input: { unitId: number; officialCode: string; fullName: string },
): Promise<void> {
  await db.query(
    `INSERT INTO dossier_officials (unit_id, official_code, full_name) VALUES ($1, $2, $3)
     ON CONFLICT (unit_id, official_code) DO UPDATE SET full_name = EXCLUDED.full_name`,
    [input.unitId, input.officialCode, input.fullName],
  );
}
