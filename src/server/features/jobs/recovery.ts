/**
 * Jobs left behind by a process that stopped (ADR 23): document drafts that are queued or running
 * under an owner that is gone become `interrupted` (they can be run again), and the staging tables
 * that no queued or running dossier import uses are dropped. Dossier imports, evidence checks and
 * notification scans are jobs of the job runner (ADR 37, 54), which takes over the jobs of gone
 * owners by its own rules when it starts and while it runs. A server does this when it starts, then
 * every minute as the recurring job `jobs.recover`, for the processes that stop meanwhile.
 */
import type { Deps } from '../../deps.ts';
import type { JobOwner } from '../../infra/job-owner.ts';
import type { JobHandler } from '../../infra/jobs.ts';
import { dropUnusedStagingTables } from '../dossiers/import-job.ts';
import * as repo from './repository.ts';

export interface Recovery {
  documents: number[];
  stagingDropped: string[];
}

/** Marks the drafts of gone owners interrupted and drops the staging tables no open import uses. */
export async function recoverInterruptedJobs(deps: Deps, owner: JobOwner): Promise<Recovery> {
  const { db } = deps;
  const gone: number[] = [];
  let goneUnowned = false;
  for (const o of await repo.findOpenJobOwners(db)) {
    if (!(await owner.isGone(o))) continue;
    if (o === null) goneUnowned = true;
    else gone.push(o);
  }
  const recovery: Recovery = { documents: [], stagingDropped: [] };
  const now = deps.clock.now();
  if (gone.length > 0 || goneUnowned)
    recovery.documents = await repo.interruptDocumentJobs(db, gone, goneUnowned, now);
  recovery.stagingDropped = await dropUnusedStagingTables(deps);
  return recovery;
}

export const RECOVERY_KIND = 'jobs.recover';

/** How often a server looks for the drafts and staging tables of processes stopped meanwhile. */
const RECOVERY_EVERY_MS = 60_000;

/**
 * The recovery as a recurring job of the runner (ADR 54): one job for every process sharing the
 * database (its dedupe key), run by whichever server claims it, judging owners by `owner` (this
 * process's claim, which tells a gone process from a live one).
 */
export function recoveryJob(
  deps: Deps,
  owner: JobOwner,
  options: { everyMs?: number } = {},
): JobHandler<Record<string, never>> {
  return {
    kind: RECOVERY_KIND,
    everyMs: options.everyMs ?? RECOVERY_EVERY_MS,
    async run() {
      const recovery = await recoverInterruptedJobs(deps, owner);
      return { documents: recovery.documents, stagingDropped: recovery.stagingDropped };
    },
  };
}
