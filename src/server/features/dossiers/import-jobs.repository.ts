/**
 * SQL of the imports' bookkeeping: the import sources with their saved mappings, and the import
 * records (created, run, retried, finished), read with the runner's job that runs each (ADR 54).
 */
import type { Queryable } from '../../infra/db.ts';

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

// A dossier import's record (`dossier_import_jobs`) read with the runner's job that schedules it
// (ADR 54): while that job is queued or running, or when the runner interrupted or cancelled it,
// its state is the import's; the import's own columns keep what the import itself wrote (counts,
// refused rows, its outcome). A cancelled import reads as failed, with its own message.

/**
 * The import's state in SQL, over `dossier_import_jobs j LEFT JOIN jobs r ON r.id = j.job_id`:
 * the outcome the import recorded (an interrupted import run again records its state for good),
 * else the runner's state (cancelled: failed).
 */
export const IMPORT_STATUS = `CASE WHEN r.id IS NULL OR j.status IN ('succeeded', 'failed', 'interrupted')
    THEN j.status WHEN r.status = 'cancelled' THEN 'failed' ELSE r.status END`;

const FROM = `dossier_import_jobs j LEFT JOIN jobs r ON r.id = j.job_id`;

interface JoinedRow extends JobRow {
  job_status: string | null;
  job_progress: { done?: number; total?: number | null } | null;
  job_finished_at: Date | null;
  job_error: string | null;
}

/** An import as its screen reads it: its record with the runner's state and progress. */
export async function findImport(db: Queryable, id: number): Promise<JobRow | undefined> {
  const [row] = await db.query<JoinedRow>(
    `SELECT j.*, s.name AS source_name, ${IMPORT_STATUS} AS status, r.status AS job_status,
       r.progress AS job_progress, r.finished_at AS job_finished_at, r.error AS job_error
     FROM ${FROM} LEFT JOIN dossier_sources s ON s.id = j.source_id WHERE j.id = $1`,
    [id],
  );
  if (!row) return undefined;
  const { job_status: runner, job_progress: progress, job_finished_at, job_error, ...own } = row;
  const ended = own.status !== 'queued' && own.status !== 'running';
  const result: JobRow = { ...own, finished_at: own.finished_at ?? job_finished_at };
  // The count the runner's progress holds while the import reads its file.
  if (!ended && typeof progress?.done === 'number')
    result.rows_done = Math.max(own.rows_done, progress.done);
  // Ended by the runner rather than by the import: say why, in the reader's language.
  if (ended && own.error_key === null && own.error_message === null) {
    if (runner === 'interrupted') result.error_key = 'dossier_import_interrupted';
    else if (runner === 'cancelled') result.error_key = 'dossier_import_cancelled';
    else if (runner === 'failed') {
      result.error_key = 'dossier_import_failed';
      result.error_params = { detail: job_error ?? '' };
    }
  }
  return result;
}

/** How many imports were interrupted and not run again. */
export async function countInterruptedImports(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${FROM}
     WHERE ${IMPORT_STATUS} = 'interrupted' AND j.retried_by IS NULL`,
  );
  return row?.n ?? 0;
}

/**
 * Records that an interrupted import was run again as import `by`: it stays interrupted whatever
 * becomes of its runner's job.
 */
export async function markRetried(db: Queryable, id: number, by: number, now: Date): Promise<void> {
  await db.query(
    `UPDATE dossier_import_jobs SET retried_by = $2, status = 'interrupted',
       finished_at = COALESCE(finished_at, $3), error_key = COALESCE(error_key, $4)
     WHERE id = $1`,
    [id, by, now, 'dossier_import_interrupted'],
  );
}

/** Links an import to the runner's job that runs it. */
export async function setImportJob(db: Queryable, id: number, jobId: number): Promise<void> {
  await db.query('UPDATE dossier_import_jobs SET job_id = $2 WHERE id = $1', [id, jobId]);
}

/**
 * Takes the kept file of an interrupted import to run it again: returns its name once (a second
 * request finds none).
 */
export async function takeInterruptedInput(db: Queryable, id: number): Promise<string | null> {
  const rows = await db.query<{ input_file: string }>(
    `UPDATE dossier_import_jobs u SET input_file = NULL
     FROM (SELECT j.input_file FROM ${FROM}
           WHERE j.id = $1 AND ${IMPORT_STATUS} = 'interrupted' FOR UPDATE OF j) old
     WHERE u.id = $1 AND old.input_file IS NOT NULL
     RETURNING old.input_file`,
    [id],
  );
  return rows[0]?.input_file ?? null;
}

/** Forgets an import's kept file (it was deleted: a cancelled import is not run again). */
export async function dropImportInput(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE dossier_import_jobs SET input_file = NULL WHERE id = $1', [id]);
}

/** The imports that ended (succeeded, failed, cancelled) with their upload still kept. */
export async function endedImportInputs(db: Queryable): Promise<{ id: number; name: string }[]> {
  return db.query<{ id: number; name: string }>(
    `SELECT j.id, j.input_file AS name FROM ${FROM}
     WHERE j.input_file IS NOT NULL AND ${IMPORT_STATUS} IN ('succeeded', 'failed')`,
  );
}

/** The ids of the imports whose runner's job is queued or running. */
export async function openImports(db: Queryable): Promise<Set<number>> {
  const rows = await db.query<{ id: number }>(
    `SELECT j.id FROM ${FROM} WHERE ${IMPORT_STATUS} IN ('queued', 'running')`,
  );
  return new Set(rows.map((r) => r.id));
}

/** The per-import staging tables that exist. */
export async function findStagingTables(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
     WHERE schemaname = current_schema() AND tablename LIKE 'dossier\\_staging\\_job\\_%'`,
  );
  return rows.map((r) => r.name);
}

/** Drops a staging table (its name as findStagingTables gave it). */
export async function dropTable(db: Queryable, name: string): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${name}`);
}
