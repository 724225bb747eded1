/**
 * Remediation plans and People's Council supervisions: use-cases, each in one transaction with its
 * audit entry. A plan belongs to a unit and starts from a campaign's results for that unit or one
 * of its predecessors (lineage); its items are the sub-criteria that lost points, its tasks are
 * assigned to the unit's officials, who report their own progress. A supervision belongs to the
 * supervised unit; its findings quote the results and can become tasks of the unit's plan.
 */
import { can, scopeOf, type Actor, type Permission } from '../../../domain/access.ts';
import { DEFAULT_DOSSIER_CONFIG } from '../../../domain/dossiers/config.ts';
import { emptyTally, ratesOfTally } from '../../../domain/dossiers/aggregate.ts';
import {
  criterionOf,
  isOverdue,
  planItemsFrom,
  planProgress,
  targetProgress,
  type MeasuredMetric,
} from '../../../domain/remediation/plan.ts';
import {
  findingPointsText,
  findingText,
  missingPoints,
  orderFindings,
} from '../../../domain/remediation/supervision.ts';
import { gainsPerItem, projectFixes } from '../../../domain/remediation/what-if.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { getScorecard, standingOf } from '../campaigns/results.service.ts';
import { areaCatalogues } from '../dossiers/postal-catalogue.service.ts';
import { loadAccumulator } from '../dossiers/service.ts';
import { surveyPointsForUnit } from '../sipas/service.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { translate } from '../../i18n/messages.ts';
import type { Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';
import {
  planDocument,
  supervisionDocument,
  type createPlanBody,
  type createSupervisionBody,
  type createTaskBody,
  type findingBody,
  type progressBody,
  type updatePlanBody,
  type updateSupervisionBody,
  type updateTaskBody,
} from './schemas.ts';
import type { z } from 'zod';

/** Today in Vietnam (UTC+7), as an ISO date. */
export const vnToday = (now: Date): string =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

async function unitFor(
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

async function planFor(
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

const audit = (
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

// ---------------------------------------------------------------------------------------------
// Sources: which results a plan or supervision can start from

/** Campaigns in which the unit (or a unit that merged into it) took part. */
export async function resultSources(deps: Deps, actor: Actor, unitId: number) {
  const unit = await unitFor(deps.db, actor, unitId, 'remediation.read');
  const ids = await repo.unitAndPredecessors(deps.db, unit.id);
  const rows = await repo.campaignsOfUnits(deps.db, ids);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    sources: rows.map((r) => ({
      campaignId: r.campaign_id,
      campaignName: r.name,
      year: r.year,
      unitId: r.unit_id,
      unitName: r.unit_name,
      status: r.status,
      predecessor: r.unit_id !== unit.id,
    })),
  };
}

/** The unit scored in the campaign for this unit: itself or a predecessor. */
async function sourceUnit(
  db: Queryable,
  unit: repo.UnitBrief,
  campaignId: number,
  chosen: number | null | undefined,
): Promise<repo.UnitBrief> {
  const candidates = await repo.participatingUnits(
    db,
    campaignId,
    await repo.unitAndPredecessors(db, unit.id),
  );
  if (chosen !== undefined && chosen !== null) {
    const found = candidates.find((c) => c.id === chosen);
    if (!found)
      throw new AppError('invalid', 'remediation_source_not_related', { unit: unit.name });
    return found;
  }
  if (candidates.length === 0)
    throw new AppError('invalid', 'remediation_no_results', { unit: unit.name });
  if (candidates.length > 1)
    throw new AppError('invalid', 'remediation_choose_source', {
      units: candidates.map((c) => c.name).join(', '),
    });
  return candidates[0]!;
}

type Scorecard = Awaited<ReturnType<typeof getScorecard>>;

async function scorecardOf(deps: Deps, actor: Actor, campaignId: number, unitId: number) {
  const card = await getScorecard(deps, actor, campaignId, unitId);
  // A plan starts from appraised results, never from a self-assessment the reader sees alone.
  if (card.result === null || card.result.stage !== 'final')
    throw new AppError('invalid', 'remediation_no_results', { unit: card.unit.unitName });
  return card;
}

function baselineOf(card: Scorecard): repo.Baseline {
  const r = card.result!;
  return {
    campaignName: card.campaign.name,
    campaignYear: card.campaign.year,
    sourceUnitName: card.unit.unitName,
    appraisedHundredths: r.appraisedHundredths,
    maxAppraisedHundredths: r.maxAppraisedHundredths,
    surveyHundredths: r.surveyHundredths,
    maxSurveyHundredths: r.maxSurveyHundredths,
    indexHundredths: r.indexHundredths,
    classLabel: r.classLabel,
    rank: r.rank,
    unitsRanked: r.unitsRanked ?? 0,
  };
}

/** The sub-criteria that lost points, with self and appraised scores, most lost first. */
function lostItemsOf(card: Scorecard) {
  const nodes = new Map(card.nodes.map((n) => [n.code, n]));
  return planItemsFrom(
    card.lostPoints.map((l) => {
      const n = nodes.get(l.code);
      return {
        code: l.code,
        title: l.title,
        max: l.max,
        self: n ? n.self.score : null,
        appraised: l.final,
        lost: l.lost,
        reason: l.reason,
        round1Reason: l.round1Reason === l.reason ? null : l.round1Reason,
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Plans

export async function listPlans(deps: Deps, actor: Actor, unitId: number | undefined) {
  const rows = await repo.listPlans(deps.db, scopeOf(actor, 'remediation.read'), unitId ?? null);
  return {
    items: rows.map((p) => ({
      id: p.id,
      unitId: p.unit_id,
      unitName: p.unit_name,
      year: p.year,
      title: p.title,
      tasks: p.tasks,
      done: p.done,
      baseline: p.baseline,
      updatedAt: new Date(p.updated_at).toISOString(),
    })),
  };
}

export async function createPlan(
  deps: Deps,
  actor: Actor,
  unitId: number,
  input: z.infer<typeof createPlanBody>,
): Promise<number> {
  const unit = await unitFor(deps.db, actor, unitId, 'remediation.manage');
  const source = await sourceUnit(deps.db, unit, input.campaignId, input.sourceUnitId);
  const card = await scorecardOf(deps, actor, input.campaignId, source.id);
  const items = lostItemsOf(card);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (await repo.findPlanByUnitYear(tx, unit.id, input.year))
      throw new AppError('conflict', 'remediation_plan_exists', {
        unit: unit.name,
        year: input.year,
      });
    const id = await repo.insertPlan(
      tx,
      {
        unitId: unit.id,
        year: input.year,
        title:
          input.title ??
          translate('vi', 'remediation_default_title', {
            year: input.year,
            previous: card.campaign.year,
          }),
        sourceCampaignId: input.campaignId,
        sourceUnitId: source.id,
        baseline: baselineOf(card),
        document: input.document ?? planDocument.parse({}),
      },
      actor.userId,
      now,
    );
    await repo.insertItems(
      tx,
      id,
      items.map((i, position) => ({
        code: i.code,
        title: i.title,
        max_hundredths: i.max,
        self_hundredths: i.self,
        appraised_hundredths: i.appraised,
        lost_hundredths: i.lost,
        reason: i.reason,
        round1_reason: i.round1Reason,
        position,
      })),
    );
    await audit(
      tx,
      actor,
      'remediation.plan.create',
      'remediation_plan',
      id,
      unit.id,
      {
        year: input.year,
        campaignId: input.campaignId,
        sourceUnitId: source.id,
        items: items.length,
      },
      now,
    );
    return id;
  });
}

export async function updatePlan(
  deps: Deps,
  actor: Actor,
  planId: number,
  input: z.infer<typeof updatePlanBody>,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const plan = await planFor(tx, actor, planId, 'remediation.manage', true);
    if (!(await repo.updatePlan(tx, planId, input.version, input, actor.userId, now)))
      throw new AppError('conflict', 'conflict');
    await audit(
      tx,
      actor,
      'remediation.plan.update',
      'remediation_plan',
      planId,
      plan.unit_id,
      input,
      now,
    );
  });
}

/**
 * Deletes a plan (made from the wrong results, or to be made again): its items and tasks go with
 * it; the evidence its tasks cite stays in the unit's library. Audited with what it held.
 */
export async function deletePlan(deps: Deps, actor: Actor, planId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const plan = await planFor(tx, actor, planId, 'remediation.manage', true);
    const tasks = await repo.listTasks(tx, planId);
    await repo.deletePlan(tx, planId);
    await audit(
      tx,
      actor,
      'remediation.plan.delete',
      'remediation_plan',
      planId,
      plan.unit_id,
      { year: plan.year, title: plan.title, tasks: tasks.length },
      now,
    );
  });
}

/** Rates the system measures for a unit in a year: the latest quarter with dossiers; SIPAS. */
async function measuredRates(
  deps: Deps,
  unitId: number,
  year: number,
): Promise<Map<MeasuredMetric, { percent: number | null; source: string }>> {
  const out = new Map<MeasuredMetric, { percent: number | null; source: string }>();
  const unit = await repo.findUnitPath(deps.db, unitId);
  // The postal rates are measured against the catalogue that applies to the unit (ADR 18).
  const catalogues = unit === undefined ? null : await areaCatalogues(deps.db, unit.path);
  const postal = unit === undefined || catalogues === null ? null : catalogues.forPath(unit.path);
  for (let q = 4; q >= 1; q--) {
    const period = `${year}-Q${q}`;
    const acc = await loadAccumulator(
      deps,
      DEFAULT_DOSSIER_CONFIG,
      period,
      [unitId],
      undefined,
      postal?.codes ?? [],
    );
    const tally = acc.periods.get(period)?.get(String(unitId))?.tally ?? emptyTally(false);
    if (tally.dossiers === 0) continue;
    const rates = ratesOfTally(
      tally,
      DEFAULT_DOSSIER_CONFIG,
      postal === null || postal === undefined ? null : new Set(postal.codes),
    );
    const source = translate('vi', 'remediation_source_dossiers', { quarter: q, year });
    out.set('dossier_on_time', { percent: rates['on-time-or-early'].percent, source });
    const online = rates['online-full'];
    const partial = rates['online-partial'];
    out.set('dossier_online', {
      percent:
        online.den === 0 ? null : Math.round(((online.num + partial.num) * 10_000) / online.den),
      source,
    });
    out.set('dossier_online_payment', { percent: rates['online-payment'].percent, source });
    out.set('dossier_postal_procedures', {
      percent: rates['postal-procedures'].percent,
      source,
    });
    out.set('dossier_postal', { percent: rates['postal-dossiers'].percent, source });
    break;
  }
  const sipas = await repo.findLatestSurveyOfUnit(deps.db, unitId, year);
  if (sipas) {
    const points = await surveyPointsForUnit(deps, sipas.id, unitId, 10_000);
    out.set('sipas_satisfaction', { percent: points?.points ?? null, source: sipas.name });
  }
  return out;
}

function presentTask(
  t: repo.TaskRow,
  actor: Actor,
  canManage: boolean,
  today: string,
  measured: Map<MeasuredMetric, { percent: number | null; source: string }>,
) {
  const metric = (t.target_metric as MeasuredMetric | null) ?? null;
  const m = metric ? measured.get(metric) : undefined;
  const current = metric ? (m?.percent ?? null) : t.current_percent;
  const progress =
    t.target_percent === null
      ? null
      : targetProgress({ metric, targetPercent: t.target_percent, currentPercent: current });
  return {
    id: t.id,
    itemId: t.item_id,
    findingId: t.finding_id,
    content: t.content,
    output: t.output,
    responsibleUserId: t.responsible_user_id,
    responsibleName: t.responsible_name,
    responsibleLabel: t.responsible_label,
    deadline: t.deadline,
    status: t.status,
    overdue: isOverdue({ deadline: t.deadline, status: t.status }, today),
    progressNote: t.progress_note,
    evidence: t.evidence,
    target:
      t.target_percent === null
        ? null
        : {
            metric,
            targetPercent: t.target_percent,
            currentPercent: current,
            measuredFrom: m?.source ?? null,
            progressTenths: progress?.progressTenths ?? null,
            met: progress?.met ?? null,
          },
    completedAt: t.completed_at ? new Date(t.completed_at).toISOString() : null,
    updatedBy: t.updated_by_name,
    updatedAt: new Date(t.updated_at).toISOString(),
    version: t.version,
    mine: t.responsible_user_id === actor.userId,
    canReport: canManage || t.responsible_user_id === actor.userId,
  };
}

/** A plan with its items, tasks, follow-up and the officials who can be made responsible. */
export async function getPlan(deps: Deps, actor: Actor, planId: number) {
  const plan = await planFor(deps.db, actor, planId, 'remediation.read');
  const [items, tasks, officials] = await Promise.all([
    repo.listItems(deps.db, planId),
    repo.listTasks(deps.db, planId),
    repo.unitOfficials(deps.db, plan.unit_id),
  ]);
  const now = deps.clock.now();
  const today = vnToday(now);
  const canManage = can(actor, 'remediation.manage', plan.unit_path);
  const measured = await measuredRates(deps, plan.unit_id, plan.year);
  const codeOfItem = new Map(items.map((i) => [i.id, i.code]));
  const views = tasks.map((t) => presentTask(t, actor, canManage, today, measured));
  const standing = await currentStanding(deps, actor, plan);
  const progress = planProgress(
    tasks.map((t) => ({
      id: String(t.id),
      code: t.item_id === null ? null : (codeOfItem.get(t.item_id) ?? null),
      responsibleId: t.responsible_user_id === null ? null : String(t.responsible_user_id),
      deadline: t.deadline,
      status: t.status,
    })),
    today,
  );
  const names = new Map(tasks.map((t) => [String(t.responsible_user_id), t.responsible_name]));
  const titles = new Map(items.filter((i) => !i.code.includes('.')).map((i) => [i.code, i.title]));
  return {
    id: plan.id,
    unit: { id: plan.unit_id, code: plan.unit_code, name: plan.unit_name },
    year: plan.year,
    title: plan.title,
    sourceCampaignId: plan.source_campaign_id,
    sourceUnitId: plan.source_unit_id,
    baseline: plan.baseline,
    current: standing,
    document: planDocument.parse(plan.document ?? {}),
    version: plan.version,
    today,
    items: items.map((i) => ({
      id: i.id,
      code: i.code,
      title: i.title,
      maxHundredths: i.max_hundredths,
      selfHundredths: i.self_hundredths,
      appraisedHundredths: i.appraised_hundredths,
      lostHundredths: i.lost_hundredths,
      reason: i.reason,
      round1Reason: i.round1_reason,
      pointsText: findingPointsText({
        max: i.max_hundredths,
        self: i.self_hundredths,
        appraised: i.appraised_hundredths,
      }),
    })),
    tasks: views,
    progress: {
      overall: progress.overall,
      byCriterion: progress.byCriterion.map((c) => ({ ...c, title: titles.get(c.key) ?? null })),
      byOfficial: progress.byOfficial.map((o) => ({ ...o, name: names.get(o.key) ?? null })),
    },
    officials: officials.map((o) => ({ id: o.id, fullName: o.full_name, role: o.role })),
    permissions: {
      manage: canManage,
      report: can(actor, 'remediation.task', plan.unit_path),
      userId: actor.userId,
    },
  };
}

async function checkTaskFields(
  tx: Queryable,
  plan: repo.PlanRow,
  t: {
    responsibleUserId: number | null;
    targetMetric: string | null;
    targetPercent: number | null;
  },
): Promise<void> {
  if (t.responsibleUserId !== null) {
    const officials = await repo.unitOfficials(tx, plan.unit_id);
    if (!officials.some((o) => o.id === t.responsibleUserId))
      throw new AppError('invalid', 'remediation_not_an_official', { unit: plan.unit_name }, [
        {
          field: 'responsibleUserId',
          key: 'remediation_not_an_official',
          params: { unit: plan.unit_name },
        },
      ]);
  }
  if (t.targetMetric !== null && t.targetPercent === null)
    throw new AppError('invalid', 'remediation_target_missing', {}, [
      { field: 'targetPercent', key: 'remediation_target_missing' },
    ]);
}

export async function createTask(
  deps: Deps,
  actor: Actor,
  planId: number,
  input: z.infer<typeof createTaskBody>,
): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const plan = await planFor(tx, actor, planId, 'remediation.manage', true);
    const items = await repo.listItems(tx, planId);
    let itemId = input.itemId;
    if (itemId !== null && !items.some((i) => i.id === itemId))
      throw new AppError('invalid', 'remediation_item_not_in_plan', {}, [
        { field: 'itemId', key: 'remediation_item_not_in_plan' },
      ]);
    if (input.findingId !== null) {
      const finding = await repo.findFinding(tx, input.findingId);
      const supervision = finding
        ? await repo.findSupervision(tx, finding.supervision_id)
        : undefined;
      if (!finding || !supervision || supervision.unit_id !== plan.unit_id)
        throw new AppError('invalid', 'remediation_finding_other_unit', { unit: plan.unit_name }, [
          {
            field: 'findingId',
            key: 'remediation_finding_other_unit',
            params: { unit: plan.unit_name },
          },
        ]);
      if (itemId === null) itemId = items.find((i) => i.code === finding.code)?.id ?? null;
    }
    await checkTaskFields(tx, plan, input);
    const id = await repo.insertTask(tx, planId, { ...input, itemId }, actor.userId, now);
    await repo.touchPlan(tx, planId, actor.userId, now);
    await audit(
      tx,
      actor,
      'remediation.task.create',
      'remediation_task',
      id,
      plan.unit_id,
      { planId, ...input, itemId },
      now,
    );
    return id;
  });
}

async function taskFor(tx: Queryable, actor: Actor, taskId: number, permission: Permission) {
  const task = await repo.findTask(tx, taskId);
  if (!task) throw notFound('entity_remediation_task');
  const plan = await planFor(tx, actor, task.plan_id, permission, true);
  return { task, plan };
}

export async function updateTask(
  deps: Deps,
  actor: Actor,
  taskId: number,
  input: z.infer<typeof updateTaskBody>,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { plan } = await taskFor(tx, actor, taskId, 'remediation.manage');
    await checkTaskFields(tx, plan, input);
    if (!(await repo.updateTask(tx, taskId, input.version, input, actor.userId, now)))
      throw new AppError('conflict', 'conflict');
    await audit(
      tx,
      actor,
      'remediation.task.update',
      'remediation_task',
      taskId,
      plan.unit_id,
      input,
      now,
    );
  });
}

export async function deleteTask(deps: Deps, actor: Actor, taskId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { task, plan } = await taskFor(tx, actor, taskId, 'remediation.manage');
    await repo.deleteTask(tx, taskId);
    await audit(
      tx,
      actor,
      'remediation.task.delete',
      'remediation_task',
      taskId,
      plan.unit_id,
      { content: task.content },
      now,
    );
  });
}

/**
 * The responsible official (or whoever manages the plan) reports progress: status, note, the
 * value reached for a typed target, and evidence documents of the unit's library. A task is only
 * marked done with at least one piece of evidence.
 */
export async function reportProgress(
  deps: Deps,
  actor: Actor,
  taskId: number,
  input: z.infer<typeof progressBody>,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { task, plan } = await taskFor(tx, actor, taskId, 'remediation.read');
    const manages = can(actor, 'remediation.manage', plan.unit_path);
    const own =
      task.responsible_user_id === actor.userId && can(actor, 'remediation.task', plan.unit_path);
    if (!manages && !own) throw new AppError('forbidden', 'remediation_not_your_task');
    const evidence = [...new Set(input.evidence)];
    const found = await repo.evidenceOfUnit(tx, plan.unit_id, evidence);
    const missing = evidence.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0)
      throw new AppError('invalid', 'remediation_evidence_other_unit', { unit: plan.unit_name }, [
        {
          field: 'evidence',
          key: 'remediation_evidence_other_unit',
          params: { unit: plan.unit_name },
        },
      ]);
    if (input.status === 'done' && evidence.length === 0)
      throw new AppError('invalid', 'remediation_done_needs_evidence', {}, [
        { field: 'evidence', key: 'remediation_done_needs_evidence' },
      ]);
    const ok = await repo.updateProgress(
      tx,
      taskId,
      input.version,
      {
        status: input.status,
        progressNote: input.progressNote,
        currentPercent: task.target_metric === null ? input.currentPercent : task.current_percent,
        evidence,
        completedAt: input.status === 'done' ? (task.completed_at ?? now) : null,
      },
      actor.userId,
      now,
    );
    if (!ok) throw new AppError('conflict', 'conflict');
    await audit(
      tx,
      actor,
      'remediation.task.progress',
      'remediation_task',
      taskId,
      plan.unit_id,
      { ...input, evidence },
      now,
    );
  });
}

/**
 * The source unit's result now, as its scorecard and the ranking show it (the baseline is the
 * standing when the plan was made); null when the reader does not see an appraised result.
 */
async function currentStanding(deps: Deps, actor: Actor, plan: repo.PlanRow) {
  if (plan.source_campaign_id === null || plan.source_unit_id === null) return null;
  try {
    const s = await standingOf(deps, actor, plan.source_campaign_id, plan.source_unit_id);
    if (s === null) return null;
    const r = s.result;
    return {
      indexHundredths: r.indexHundredths,
      classLabel: r.classLabel,
      rank: r.rank,
      unitsRanked: r.unitsRanked,
      provisional: r.provisional,
      totalHundredths: r.totalHundredths,
      maxTotalHundredths: r.maxTotalHundredths,
    };
  } catch (error) {
    if (error instanceof AppError && (error.kind === 'forbidden' || error.kind === 'not_found'))
      return null;
    throw error;
  }
}

/** Index, class and rank if the chosen items were fixed, and each item's own gain. */
export async function whatIf(deps: Deps, actor: Actor, planId: number, codes: string[]) {
  const plan = await planFor(deps.db, actor, planId, 'remediation.read');
  if (plan.baseline === null || plan.source_campaign_id === null || plan.source_unit_id === null)
    throw new AppError('invalid', 'remediation_no_results', { unit: plan.unit_name });
  const items = (await repo.listItems(deps.db, planId)).map((i) => ({
    code: i.code,
    lost: i.lost_hundredths,
  }));
  const unknown = codes.filter((c) => !items.some((i) => i.code === c));
  if (unknown.length > 0)
    throw new AppError('invalid', 'remediation_unknown_codes', { codes: unknown.join(', ') });
  // "Now" is the unit's result as its scorecard, the ranking and the plan header show it; the
  // other units of its kind place it in the ranking without being shown.
  const standing = await standingOf(deps, actor, plan.source_campaign_id, plan.source_unit_id);
  if (standing === null)
    throw new AppError('invalid', 'remediation_no_results', { unit: plan.unit_name });
  const own = standing.result;
  const others = standing.others;
  const bands = standing.bands;
  const c = { row: standing.campaign };
  const unit = {
    id: String(plan.source_unit_id),
    appraised: own.appraisedHundredths,
    maxAppraised: own.maxAppraisedHundredths,
    survey: own.surveyHundredths,
    maxSurvey: own.surveyHundredths === null ? null : own.maxSurveyHundredths,
  };
  if (unit.maxAppraised <= 0)
    throw new AppError('invalid', 'remediation_no_results', { unit: plan.unit_name });
  const projection = projectFixes(unit, items, new Set(codes), others, bands);
  return {
    campaign: { id: c.row.id, name: c.row.name, year: c.row.year },
    comparedWith: others.length,
    ...projection,
    perItem: gainsPerItem(unit, items, others, bands).map((g) => ({
      code: g.code,
      gained: g.projection.gained,
      indexGained: g.projection.indexGained,
      classLabel: g.projection.projected.classLabel,
      rank: g.projection.projected.rank,
    })),
  };
}

/** Open tasks past their deadline, over the units in the actor's scope. */
export async function overdueTasks(deps: Deps, actor: Actor) {
  const today = vnToday(deps.clock.now());
  const rows = await repo.overdueToNotify(deps.db, today);
  const scope = scopeOf(actor, 'remediation.read');
  const plans = new Map<number, repo.PlanRow | undefined>();
  const out = [];
  for (const r of rows) {
    if (!plans.has(r.plan_id)) plans.set(r.plan_id, await repo.findPlan(deps.db, r.plan_id));
    const p = plans.get(r.plan_id);
    if (!p) continue;
    if (scope !== null && !scope.some((s) => p.unit_path.startsWith(s))) continue;
    out.push({
      taskId: r.id,
      planId: r.plan_id,
      planTitle: r.plan_title,
      unitName: p.unit_name,
      content: r.content,
      deadline: r.deadline,
      responsibleName: r.responsible_name,
    });
  }
  return { today, items: out };
}

/**
 * The notices to record for open tasks past their deadline: one per task and deadline for its
 * responsible official (a new deadline that passes is told again). The notifications scan records
 * them with the campaign notices; their key makes recording them again harmless.
 */
export async function overdueTaskNotices(db: Queryable, now: Date) {
  const rows = await repo.overdueToNotify(db, vnToday(now));
  const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
  return rows.map((r) => ({
    userId: r.responsible_user_id!,
    key: `task_overdue:${r.id}:${r.deadline}`,
    kind: 'task_overdue',
    params: { task: clip(r.content), plan: clip(r.plan_title), date: r.deadline ?? '' },
    link: `/remediation/plans/${r.plan_id}`,
    campaignId: null,
    taskId: r.id,
  }));
}

/** Records when the overdue tasks were last told to their officials. */
export async function markOverdueNotified(tx: Queryable, taskIds: number[], now: Date) {
  await repo.markNotified(tx, taskIds, now);
}

// ---------------------------------------------------------------------------------------------
// Supervisions

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
