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
import * as repo from './repository.ts';

export interface Recovery {
  dossierImports: number[];
  documents: number[];
  stagingDropped: string[];
}

const STAGING = /^dossier_staging_job_(\d+)$/;

/** Marks the jobs of gone owners interrupted and drops the staging tables no open job uses. */
export async function recoverInterruptedJobs(deps: Deps, owner: JobOwner): Promise<Recovery> {
  const { db } = deps;
  const gone: number[] = [];
  let goneUnowned = false;
  for (const o of await repo.findOpenJobOwners(db)) {
    if (!(await owner.isGone(o))) continue;
    if (o === null) goneUnowned = true;
    else gone.push(o);
  }
  const recovery: Recovery = { dossierImports: [], documents: [], stagingDropped: [] };
  const now = deps.clock.now();
  if (gone.length > 0 || goneUnowned) {
    recovery.dossierImports = await repo.interruptDossierImports(
      db,
      gone,
      goneUnowned,
      now,
      translate('vi', 'dossier_import_interrupted'),
    );
    recovery.documents = await repo.interruptDocumentJobs(db, gone, goneUnowned, now);
  }
  const tables = await repo.findStagingTables(db);
  if (tables.length > 0) {
    const open = await repo.findOpenDossierImports(db);
    for (const name of tables) {
      const match = STAGING.exec(name);
      if (!match || open.has(Number(match[1]))) continue;
      await repo.dropTable(db, name);
      recovery.stagingDropped.push(name);
    }
  }
  return recovery;
}
