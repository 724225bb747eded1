/**
 * SQL of the imports' bookkeeping: the import sources with their saved mappings, and the import
 * jobs (created, run, retried, finished).
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
