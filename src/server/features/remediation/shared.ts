/**
 * What the remediation plans, the supervisions and the results they start from share: today in
 * Vietnam, a unit or a plan looked up with the reader's permission checked, and the audit entry
 * every use-case appends in its transaction.
 */
import { can, type Actor, type Permission } from '../../../domain/access.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';

/** Today in Vietnam (UTC+7), as an ISO date. */
export const vnToday = (now: Date): string =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export async function unitFor(
  db: Queryable,
  actor: Actor,
  unitId: number,
  permission: Permission,
): Promise<repo.UnitBrief> {
  const unit = await repo.findUnitBrief(db, unitId);
  if (!unit) throw notFound('entity_unit');
  if (!can(actor, permission, unit.path))
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  return unit;
}

export async function planFor(
  db: Queryable,
  actor: Actor,
  planId: number,
  permission: Permission,
  lock = false,
): Promise<repo.PlanRow> {
  const plan = await repo.findPlan(db, planId, lock);
  if (!plan) throw notFound('entity_remediation_plan');
  if (!can(actor, permission, plan.unit_path))
    throw new AppError('forbidden', 'forbidden_unit', { unit: plan.unit_name });
  return plan;
}

export const audit = (
  tx: Queryable,
  actor: Actor,
  action: string,
  entity: string,
  entityId: number,
  unitId: number,
  after: unknown,
  now: Date,
) =>
  appendAuditEntry(
    tx,
    {
      actorId: actor.userId,
      actorName: actor.username,
      action,
      entity,
      entityId,
      unitId,
      after,
    },
    now,
  );
