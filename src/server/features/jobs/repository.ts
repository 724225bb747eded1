/** The drafting jobs' table as recovery reads and marks it (ADR 23). */
import type { Queryable } from '../../infra/db.ts';

const OPEN = `status IN ('queued', 'running')`;

/** The owners of queued or running document drafts (null: none recorded). */
export async function findOpenJobOwners(db: Queryable): Promise<Array<number | null>> {
  const rows = await db.query<{ owner: number | null }>(
    `SELECT DISTINCT owner FROM document_jobs WHERE ${OPEN}`,
  );
  return rows.map((r) => r.owner);
}

const OF_OWNERS = `${OPEN} AND (owner = ANY($1::int[]) OR ($2::boolean AND owner IS NULL))`;

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
