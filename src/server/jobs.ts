/**
 * The background work of the product, composed (ADR 37): every kind of job the features define,
 * given to one runner of this process. The server starts it in the background (`serve`); commands
 * run jobs through it in the foreground (`parindex jobs run`); `closeDeps` stops it.
 */
import type { Deps } from './deps.ts';
import { nextOwnerNumber } from './infra/job-owner.ts';
import { createJobRunner, type JobHandler, type JobRunner } from './infra/jobs.ts';
import { auditCheckpointJob } from './features/audit/checkpoints.ts';
import { dossierImportJob } from './features/dossiers/import-job.ts';
import { documentDraftJob } from './features/documents/service.ts';
import { evidenceCheckJob } from './features/evidence/check.service.ts';
import { recoveryJob } from './features/jobs/recovery.ts';
import { notificationScanJob } from './features/notifications/scan-job.ts';

/** Every kind of job, with what runs it. */
export function jobHandlers(deps: Deps): JobHandler<never>[] {
  return [
    evidenceCheckJob(deps) as JobHandler<never>,
    documentDraftJob(deps) as JobHandler<never>,
    notificationScanJob(deps) as JobHandler<never>,
    dossierImportJob(deps) as JobHandler<never>,
    auditCheckpointJob(deps) as JobHandler<never>,
    // Where this process holds an owner claim (a server, a command on the database), the drafts
    // of processes that stop meanwhile are marked interrupted within a minute (ADR 23).
    ...(deps.owner ? [recoveryJob(deps, deps.owner) as JobHandler<never>] : []),
  ];
}

/**
 * Gives `deps` its job runner (this process's owner number, ADR 23, or a fresh one where no owner
 * was claimed) and, unless `background` is false, starts it: the jobs a stopped process left are
 * taken over before this returns.
 */
export async function startJobs(
  deps: Deps,
  options: { background?: boolean; pollMs?: number } = {},
): Promise<JobRunner> {
  if (deps.jobs) return deps.jobs;
  const owner = deps.owner?.id ?? (await nextOwnerNumber(deps.db));
  const runner = createJobRunner({
    db: deps.db,
    clock: deps.clock,
    owner,
    ...(deps.owner ? { isGone: (o: number | null) => deps.owner!.isGone(o) } : {}),
    handlers: jobHandlers(deps),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  });
  deps.jobs = runner;
  if (options.background !== false) await runner.start();
  return runner;
}
