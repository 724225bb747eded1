/**
 * Re-checking a unit's whole evidence library as a batch (after trust anchors or OCR were
 * installed, or the reader improved): every document's current version is queued again as a job
 * of the job runner that reads uploads (ADR 37), and the batch's progress is counted from those checks, so
 * the request returns at once and a progress bar can poll it.
 */
import type { Actor } from '../../../domain/access.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { MAX_ATTEMPTS, queueEvidenceCheckJobs, scheduleEvidenceChecks } from './check-worker.ts';
import * as repo from './repository.ts';
import { unitFor } from './service.ts';

export interface RecheckProgress {
  id: number;
  unitId: number;
  createdAt: string;
  /** Files in the batch (a document deleted meanwhile leaves it). */
  total: number;
  /** Files whose check has finished, read or not. */
  checked: number;
  /** Of those, the files that could not be read. */
  unreadable: number;
  done: boolean;
}

function present(row: repo.RecheckProgressRow): RecheckProgress {
  return {
    id: row.id,
    unitId: row.unit_id,
    createdAt: new Date(row.created_at).toISOString(),
    total: row.total,
    checked: row.finished,
    unreadable: row.unreadable,
    done: row.finished >= row.total,
  };
}

/**
 * Queues every document of a unit's library to be read and checked again, for those who may
 * manage the unit's evidence. While a batch of the unit is still running, that batch is returned
 * instead of starting another (`started` false).
 */
export async function startEvidenceRecheck(
  deps: Deps,
  actor: Actor,
  unitId: number,
): Promise<{ started: boolean; batch: RecheckProgress }> {
  const outcome = await deps.db.transaction(async (tx) => {
    const unit = await unitFor(tx, actor, unitId, 'evidence.write');
    // One batch at a time per unit: two clicks (or two officers) share the same progress.
    await repo.lockUnitForRecheck(tx, unit.id);
    const running = await repo.findUnfinishedRecheck(tx, unit.id, MAX_ATTEMPTS);
    if (running) return { started: false, batch: present(running) };
    const now = deps.clock.now();
    const id = await repo.insertRecheckBatch(
      tx,
      unit.id,
      actor.userId > 0 ? actor.userId : null,
      now,
    );
    await queueEvidenceCheckJobs(tx, now, await repo.listRecheckVersions(tx, id));
    const batch = (await repo.findRecheckBatch(tx, id, MAX_ATTEMPTS))!;
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId > 0 ? actor.userId : null,
        actorName: actor.username,
        action: 'evidence.recheck',
        entity: 'evidence_recheck_batch',
        entityId: id,
        unitId: unit.id,
        after: { files: batch.total },
      },
      now,
    );
    return { started: true, batch: present(batch) };
  });
  if (outcome.started) scheduleEvidenceChecks(deps);
  return outcome;
}

/** A batch's progress, for those who may read the unit's evidence. */
export async function getEvidenceRecheck(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<RecheckProgress> {
  const row = await repo.findRecheckBatch(deps.db, id, MAX_ATTEMPTS);
  if (!row) throw notFound('entity_evidence_recheck');
  await unitFor(deps.db, actor, row.unit_id, 'evidence.read');
  // Checks left by a server that stopped are taken over by the job runner (ADR 37).
  if (row.finished < row.total) scheduleEvidenceChecks(deps);
  return present(row);
}
