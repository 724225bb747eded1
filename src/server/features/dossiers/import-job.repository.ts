/**
 * A dossier import's record (`dossier_import_jobs`) read with the runner's job that schedules it
 * (ADR 54): while that job is queued or running, or when the runner interrupted or cancelled it,
 * its state is the import's; the import's own columns keep what the import itself wrote (counts,
 * refused rows, its outcome). A cancelled import reads as failed, with its own message.
 */
import type { Queryable } from '../../infra/db.ts';
import type { JobRow } from './repository.ts';

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
