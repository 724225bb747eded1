/**
 * Remediation plans: use-cases, each in one transaction with its audit entry. A plan belongs to a
 * unit and starts from a campaign's results for that unit or one of its predecessors (lineage);
 * its items are the sub-criteria that lost points, its tasks are assigned to the unit's officials,
 * who report their own progress; overdue tasks are told to their officials by the notifications.
 */
import { can, scopeOf, type Actor, type Permission } from '../../../domain/access.ts';
import { DEFAULT_DOSSIER_CONFIG } from '../../../domain/dossiers/config.ts';
import { emptyTally, ratesOfTally } from '../../../domain/dossiers/aggregate.ts';
import {
  isOverdue,
  planProgress,
  targetProgress,
  type MeasuredMetric,
} from '../../../domain/remediation/plan.ts';
import { findingPointsText } from '../../../domain/remediation/supervision.ts';
import { gainsPerItem, projectFixes } from '../../../domain/remediation/what-if.ts';
import { standingOf } from '../campaigns/results.service.ts';
import { areaCatalogues } from '../dossiers/postal-catalogue.service.ts';
import { loadAccumulator } from '../dossiers/service.ts';
import { surveyPointsForUnit } from '../sipas/service.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { translate } from '../../i18n/messages.ts';
import type { Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';
import {
  planDocumentInput as planDocument,
  type createPlanBody,
  type createTaskBody,
  type progressBody,
  type updatePlanBody,
  type updateTaskBody,
} from '../../../shared/contract/remediation.ts';
import type { z } from 'zod';
import { audit, planFor, unitFor, vnToday } from './shared.ts';
import { baselineOf, lostItemsOf, scorecardOf, sourceUnit } from './sources.service.ts';

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
