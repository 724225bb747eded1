/**
 * People's Council supervisions: use-cases, each in one transaction with its audit entry. A
 * supervision belongs to the supervised unit; its findings quote the results and can become tasks
 * of the unit's plan.
 */
import { can, scopeOf, type Actor, type Permission } from '../../../domain/access.ts';
import { criterionOf } from '../../../domain/remediation/plan.ts';
import {
  findingPointsText,
  findingText,
  missingPoints,
  orderFindings,
} from '../../../domain/remediation/supervision.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';
import {
  supervisionDocumentInput as supervisionDocument,
  type createSupervisionBody,
  type findingBody,
  type updateSupervisionBody,
} from '../../../shared/contract/remediation.ts';
import type { z } from 'zod';
import { getPlan } from './plans.service.ts';
import { audit, unitFor } from './shared.ts';
import { baselineOf, lostItemsOf, scorecardOf, sourceUnit } from './sources.service.ts';

async function supervisionFor(
  db: Queryable,
  actor: Actor,
  id: number,
  permission: Permission,
): Promise<repo.SupervisionRow> {
  const s = await repo.findSupervision(db, id);
  if (!s) throw notFound('entity_supervision');
  if (!can(actor, permission, s.unit_path))
    throw new AppError('forbidden', 'forbidden_unit', { unit: s.unit_name });
  return s;
}

export async function listSupervisions(deps: Deps, actor: Actor, unitId: number | undefined) {
  const rows = await repo.listSupervisions(
    deps.db,
    scopeOf(actor, 'remediation.read'),
    unitId ?? null,
  );
  return {
    items: rows.map((s) => ({
      id: s.id,
      unitId: s.unit_id,
      unitName: s.unit_name,
      planNumber: s.plan_number,
      planDate: s.plan_date,
      periodFrom: s.period_from,
      periodTo: s.period_to,
      periodLabel: s.period_label,
      findings: s.findings,
    })),
  };
}

function checkPeriod(input: { periodFrom: string; periodTo: string }): void {
  if (input.periodFrom > input.periodTo)
    throw new AppError('invalid', 'remediation_period_order', {}, [
      { field: 'periodTo', key: 'remediation_period_order' },
    ]);
}

async function checkSupervisionSource(
  db: Queryable,
  unit: repo.UnitBrief,
  input: { campaignId: number | null; sourceUnitId: number | null },
): Promise<number | null> {
  if (input.campaignId === null) return null;
  return (await sourceUnit(db, unit, input.campaignId, input.sourceUnitId)).id;
}

const supervisionFields = (
  input: z.infer<typeof updateSupervisionBody> | z.infer<typeof createSupervisionBody>,
  sourceUnitId: number | null,
): repo.SupervisionFields => ({
  planNumber: input.planNumber,
  planDate: input.planDate,
  periodFrom: input.periodFrom,
  periodTo: input.periodTo,
  periodLabel: input.periodLabel,
  members: input.members,
  sourceCampaignId: input.campaignId,
  sourceUnitId,
  recommendations: input.recommendations,
  document: input.document,
});

export async function createSupervision(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof createSupervisionBody>,
): Promise<number> {
  checkPeriod(input);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const unit = await unitFor(tx, actor, input.unitId, 'supervision.manage');
    const source = await checkSupervisionSource(tx, unit, input);
    const id = await repo.insertSupervision(
      tx,
      unit.id,
      supervisionFields(input, source),
      actor.userId,
      now,
    );
    await audit(tx, actor, 'supervision.create', 'supervision', id, unit.id, input, now);
    return id;
  });
}

export async function updateSupervision(
  deps: Deps,
  actor: Actor,
  id: number,
  input: z.infer<typeof updateSupervisionBody>,
): Promise<void> {
  checkPeriod(input);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const s = await supervisionFor(tx, actor, id, 'supervision.manage');
    const unit = (await repo.findUnitBrief(tx, s.unit_id))!;
    const source = await checkSupervisionSource(tx, unit, input);
    if (
      !(await repo.updateSupervision(
        tx,
        id,
        input.version,
        supervisionFields(input, source),
        actor.userId,
        now,
      ))
    )
      throw new AppError('conflict', 'conflict');
    await audit(tx, actor, 'supervision.update', 'supervision', id, s.unit_id, input, now);
  });
}

const findingFields = (input: z.infer<typeof findingBody>): repo.FindingFields => ({
  group: input.group,
  code: input.code,
  title: input.title,
  maxHundredths: input.maxHundredths,
  selfHundredths: input.selfHundredths,
  appraisedHundredths: input.appraisedHundredths,
  reason: input.reason,
  reference: input.reference,
});

function checkFinding(input: z.infer<typeof findingBody>): void {
  if (
    input.maxHundredths !== null &&
    input.appraisedHundredths !== null &&
    input.appraisedHundredths > input.maxHundredths
  )
    throw new AppError('invalid', 'remediation_appraised_over_max', {}, [
      { field: 'appraisedHundredths', key: 'remediation_appraised_over_max' },
    ]);
  if (
    input.maxHundredths !== null &&
    input.selfHundredths !== null &&
    input.selfHundredths > input.maxHundredths
  )
    throw new AppError('invalid', 'remediation_self_over_max', {}, [
      { field: 'selfHundredths', key: 'remediation_self_over_max' },
    ]);
}

export async function addFinding(
  deps: Deps,
  actor: Actor,
  supervisionId: number,
  input: z.infer<typeof findingBody>,
): Promise<number> {
  checkFinding(input);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const s = await supervisionFor(tx, actor, supervisionId, 'supervision.manage');
    const id = await repo.insertFinding(tx, supervisionId, findingFields(input));
    await repo.touchSupervision(tx, supervisionId, actor.userId, now);
    await audit(
      tx,
      actor,
      'supervision.finding.create',
      'supervision_finding',
      id,
      s.unit_id,
      input,
      now,
    );
    return id;
  });
}

async function findingFor(tx: Queryable, actor: Actor, findingId: number) {
  const f = await repo.findFinding(tx, findingId);
  if (!f) throw notFound('entity_supervision_finding');
  const s = await supervisionFor(tx, actor, f.supervision_id, 'supervision.manage');
  return { f, s };
}

export async function updateFinding(
  deps: Deps,
  actor: Actor,
  findingId: number,
  input: z.infer<typeof findingBody>,
): Promise<void> {
  checkFinding(input);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { s } = await findingFor(tx, actor, findingId);
    await repo.updateFinding(tx, findingId, findingFields(input));
    await repo.touchSupervision(tx, s.id, actor.userId, now);
    await audit(
      tx,
      actor,
      'supervision.finding.update',
      'supervision_finding',
      findingId,
      s.unit_id,
      input,
      now,
    );
  });
}

export async function deleteFinding(deps: Deps, actor: Actor, findingId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { f, s } = await findingFor(tx, actor, findingId);
    await repo.deleteFinding(tx, findingId);
    await repo.touchSupervision(tx, s.id, actor.userId, now);
    await audit(
      tx,
      actor,
      'supervision.finding.delete',
      'supervision_finding',
      findingId,
      s.unit_id,
      { code: f.code },
      now,
    );
  });
}

/**
 * A supervision with its findings in the notice's order and wording, and side by side the unit's
 * results (every sub-criterion that lost points) and its plan for the supervised year.
 */
export async function getSupervision(deps: Deps, actor: Actor, id: number) {
  const s = await supervisionFor(deps.db, actor, id, 'remediation.read');
  const findings = orderFindings(
    (await repo.listFindings(deps.db, id)).map((f) => ({ ...f, group: f.grp })),
  );
  const tasks = await repo.tasksFromFindings(
    deps.db,
    findings.map((f) => f.id),
  );
  let results: null | { baseline: repo.Baseline; lost: ReturnType<typeof lostItemsOf> } = null;
  if (s.source_campaign_id !== null && s.source_unit_id !== null) {
    try {
      const card = await scorecardOf(deps, actor, s.source_campaign_id, s.source_unit_id);
      results = { baseline: baselineOf(card), lost: lostItemsOf(card) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  const year = Number(s.period_to.slice(0, 4));
  const planRef = await repo.findPlanByUnitYear(deps.db, s.unit_id, year);
  const plan = planRef ? await getPlan(deps, actor, planRef.id) : null;
  return {
    id: s.id,
    unit: { id: s.unit_id, code: s.unit_code, name: s.unit_name },
    planNumber: s.plan_number,
    planDate: s.plan_date,
    periodFrom: s.period_from,
    periodTo: s.period_to,
    periodLabel: s.period_label,
    members: s.members,
    campaignId: s.source_campaign_id,
    sourceUnitId: s.source_unit_id,
    recommendations: s.recommendations,
    document: supervisionDocument.parse(s.document ?? {}),
    version: s.version,
    findings: findings.map((f) => ({
      id: f.id,
      group: f.group,
      code: f.code,
      title: f.title,
      maxHundredths: f.max_hundredths,
      selfHundredths: f.self_hundredths,
      appraisedHundredths: f.appraised_hundredths,
      missingHundredths: missingPoints({
        max: f.max_hundredths,
        self: f.self_hundredths,
        appraised: f.appraised_hundredths,
      }),
      reason: f.reason,
      reference: f.reference,
      pointsText: findingPointsText({
        max: f.max_hundredths,
        self: f.self_hundredths,
        appraised: f.appraised_hundredths,
      }),
      text: findingText({
        group: f.group,
        code: f.code,
        title: f.title,
        max: f.max_hundredths,
        self: f.self_hundredths,
        appraised: f.appraised_hundredths,
        reason: f.reason,
        reference: f.reference,
      }),
      criterion: criterionOf(f.code),
      tasks: tasks
        .filter((t) => t.finding_id === f.id)
        .map((t) => ({ id: t.task_id, planId: t.plan_id, status: t.status })),
    })),
    results,
    plan,
    permissions: { manage: can(actor, 'supervision.manage', s.unit_path) },
  };
}
