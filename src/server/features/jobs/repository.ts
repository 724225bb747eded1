/** The jobs' tables as recovery reads and marks them (ADR 23). */
import type { Queryable } from '../../infra/db.ts';

const OPEN = `status IN ('queued', 'running')`;

/** The owners of queued or running dossier imports and document drafts (null: none recorded). */
export async function findOpenJobOwners(db: Queryable): Promise<Array<number | null>> {
  const rows = await db.query<{ owner: number | null }>(
    `SELECT owner FROM dossier_import_jobs WHERE ${OPEN}
     UNION SELECT owner FROM document_jobs WHERE ${OPEN}`,
  );
  return rows.map((r) => r.owner);
}

const OF_OWNERS = `${OPEN} AND (owner = ANY($1::int[]) OR ($2::boolean AND owner IS NULL))`;

/** Marks the open dossier imports of these owners (and of none, when `unowned`) interrupted. */
export async function interruptDossierImports(
  db: Queryable,
  owners: readonly number[],
  unowned: boolean,
  now: Date,
  message: string,
): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `UPDATE dossier_import_jobs SET status = 'interrupted', finished_at = $3,
       error_key = 'dossier_import_interrupted', error_params = NULL, error_message = $4
     WHERE ${OF_OWNERS} RETURNING id`,
    [owners, unowned, now, message],
  );
  return rows.map((r) => r.id);
}

/** Marks the open document drafts of these owners (and of none, when `unowned`) interrupted. */
export async function interruptDocumentJobs(
  db: Queryable,
  owners: readonly number[],
  unowned: boolean,
  now: Date,
): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `UPDATE document_jobs SET status = 'interrupted', finished_at = $3,
       error_code = 'document_job_interrupted', error_params = NULL
     WHERE ${OF_OWNERS} RETURNING id`,
    [owners, unowned, now],
  );
  return rows.map((r) => r.id);
}

/** The per-job staging tables of dossier imports that exist. */
export async function findStagingTables(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
     WHERE schemaname = current_schema() AND tablename LIKE 'dossier\\_staging\\_job\\_%'`,
  );
  return rows.map((r) => r.name);
}

/** The ids of the queued or running dossier imports. */
export async function findOpenDossierImports(db: Queryable): Promise<Set<number>> {
  const rows = await db.query<{ id: number }>(`SELECT id FROM dossier_import_jobs WHERE ${OPEN}`);
  return new Set(rows.map((r) => r.id));
}

/** Drops a staging table (its name as findStagingTables gave it). */
export async function dropTable(db: Queryable, name: string): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${name}`);
}
