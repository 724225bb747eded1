/**
 * Jobs left behind by a process that stopped (ADR 23): dossier imports and document drafts that
 * are queued or running under an owner that is gone become `interrupted` (they can be run again),
 * and the staging tables that no queued or running import uses are dropped. Evidence checks need
 * no marking: their queue is the `evidence_checks` table, and a check taken by a process that
 * stopped is still pending, so resuming the worker finishes it (and the batch re-checks counted
 * from those rows).
 */
import type { Deps } from '../../deps.ts';
import type { JobOwner } from '../../infra/job-owner.ts';
import { translate } from '../../i18n/messages.ts';

export interface Recovery {
  dossierImports: number[];
  documents: number[];
  stagingDropped: string[];
}

const OPEN = `status IN ('queued', 'running')`;
const STAGING = /^dossier_staging_job_(\d+)$/;

/** Marks the jobs of gone owners interrupted and drops the staging tables no open job uses. */
export async function recoverInterruptedJobs(deps: Deps, owner: JobOwner): Promise<Recovery> {
  const { db } = deps;
  const owners = await db.query<{ owner: number | null }>(
    `SELECT owner FROM dossier_import_jobs WHERE ${OPEN}
     UNION SELECT owner FROM document_jobs WHERE ${OPEN}`,
  );
  const gone: number[] = [];
  let goneUnowned = false;
  for (const { owner: o } of owners) {
    if (!(await owner.isGone(o))) continue;
    if (o === null) goneUnowned = true;
    else gone.push(o);
  }
  const recovery: Recovery = { dossierImports: [], documents: [], stagingDropped: [] };
  const now = deps.clock.now();
  if (gone.length > 0 || goneUnowned) {
    const which = `${OPEN} AND (owner = ANY($1::int[]) OR ($2::boolean AND owner IS NULL))`;
    recovery.dossierImports = (
      await db.query<{ id: number }>(
        `UPDATE dossier_import_jobs SET status = 'interrupted', finished_at = $3,
           error_key = 'dossier_import_interrupted', error_params = NULL, error_message = $4
         WHERE ${which} RETURNING id`,
        [gone, goneUnowned, now, translate('vi', 'dossier_import_interrupted')],
      )
    ).map((r) => r.id);
    recovery.documents = (
      await db.query<{ id: number }>(
        `UPDATE document_jobs SET status = 'interrupted', finished_at = $3,
           error_code = 'document_job_interrupted', error_params = NULL
         WHERE ${which} RETURNING id`,
        [gone, goneUnowned, now],
      )
    ).map((r) => r.id);
  }
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
     WHERE schemaname = current_schema() AND tablename LIKE 'dossier\\_staging\\_job\\_%'`,
  );
  if (tables.length > 0) {
    const open = new Set(
      (await db.query<{ id: number }>(`SELECT id FROM dossier_import_jobs WHERE ${OPEN}`)).map(
        (r) => r.id,
      ),
    );
    for (const { name } of tables) {
      const match = STAGING.exec(name);
      if (!match || open.has(Number(match[1]))) continue;
      await db.query(`DROP TABLE IF EXISTS ${name}`);
      recovery.stagingDropped.push(name);
    }
  }
  return recovery;
}
