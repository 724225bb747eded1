/**
 * "Việc cần làm": what needs the signed-in person now, computed from the data each feature already
 * holds and the same access rules (a campaign's workflow through `actionsOn`, the appraiser's queue,
 * remediation and supervision scopes, SIPAS entry scope). Each item names its kind (worded by the
 * web app in the reader's language), its deadline, and the page of this app where the work is done.
 * Items come sorted by deadline, the overdue first, those without a deadline last.
 */
import QRCode from 'qrcode';
import { can, hasRoleOn, scopeOf, type Actor, type Role } from '../../../domain/access.ts';
import { selfAssessmentProgress, round1Findings } from '../../../domain/campaign/assessment.ts';
import { isPastDeadline, deadlineEnd } from '../../../domain/campaign/setup.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';
import {
  appraiserQueue,
  round1Of,
  selfEntriesOf,
  selfScoresOf,
} from '../campaigns/assessment.service.ts';
import { actionsOn, canManageCampaign, isStaffFor, worksOnUnit } from '../campaigns/policy.ts';
import {
  findEntries,
  findParticipants,
  listCampaignRows,
  loadCampaign,
  type CampaignRow,
  type LoadedCampaign,
} from '../campaigns/service.ts';
import { vnToday } from '../remediation/service.ts';
import { countInterruptedImports } from '../dossiers/import-job.ts';

import type { TaskKind } from '../../../shared/contract/home.ts';

export interface TaskItem {
  kind: TaskKind;
  /** The role this item comes from. */
  role: Role;
  /** A page of this app ('/campaigns/3/units/12'). */
  link: string;
  /** What the item is about: a campaign, a plan, a survey (its own name, not translated). */
  subject: string;
  /** The unit concerned, when one. */
  unitName: string | null;
  /** ISO date or instant; null: no deadline. */
  due: string | null;
  overdue: boolean;
  /** Figures of the item's sentence (count, total, done, late…). */
  figures: Record<string, number>;
}

/** Days ahead within which a remediation task is shown to the unit head. */
const TASKS_AHEAD_DAYS = 30;
const DAY = 86_400_000;

const isUnitSide = (actor: Actor, role: Role, path: string) => hasRoleOn(actor, role, path);
const roleIn = (actor: Actor, role: Role) => actor.grants.some((g) => g.role === role);

function item(
  kind: TaskKind,
  role: Role,
  link: string,
  subject: string,
  now: Date,
  extra: { unitName?: string | null; due?: string | null; figures?: Record<string, number> } = {},
): TaskItem {
  const due = extra.due ?? null;
  return {
    kind,
    role,
    link,
    subject,
    unitName: extra.unitName ?? null,
    due,
    overdue: due !== null && isPastDeadline(due, now),
    figures: extra.figures ?? {},
  };
}

/** The campaign's items for this person: unit side, appraiser, chair, standing agency. */
async function campaignItems(
  deps: Deps,
  actor: Actor,
  c: LoadedCampaign,
  now: Date,
): Promise<TaskItem[]> {
  const out: TaskItem[] = [];
  const id = c.row.id;
  const name = c.row.name;
  const d = c.setup.deadlines;
  const participants = (await findParticipants(deps.db, id)).filter((p) =>
    worksOnUnit(actor, p.unit_path),
  );
  // The unit's own side: finish, submit, explain.
  const own = participants.filter(
    (p) =>
      isUnitSide(actor, 'unit_officer', p.unit_path) || isUnitSide(actor, 'unit_head', p.unit_path),
  );
  const entries = await findEntries(
    deps.db,
    own.map((p) => p.id),
  );
  for (const p of own) {
    const mine = entries.filter((e) => e.participant_id === p.id);
    const tree = c.trees.get(p.unit_kind)?.tree;
    if (!tree) continue;
    const findings = round1Findings(selfScoresOf(mine), round1Of(mine));
    const { possibleActions } = actionsOn(c, p, actor, now, findings);
    const sheet = `/campaigns/${id}/units/${p.unit_id}`;
    const selfDue = p.reopened?.until ?? d.selfAssessment;
    if (possibleActions.includes('saveDraft')) {
      const progress = selfAssessmentProgress(tree, selfEntriesOf(mine));
      const figures = { done: progress.leavesDone, total: progress.leavesTotal };
      if (isUnitSide(actor, 'unit_officer', p.unit_path))
        out.push(
          item('self_assessment', 'unit_officer', sheet, name, now, {
            unitName: p.unit_name,
            due: selfDue,
            figures,
          }),
        );
      if (isUnitSide(actor, 'unit_head', p.unit_path))
        out.push(
          item('submit', 'unit_head', sheet, name, now, {
            unitName: p.unit_name,
            due: selfDue,
            figures: { ...figures, left: progress.leavesTotal - progress.leavesDone },
          }),
        );
    }
    if (possibleActions.includes('explain')) {
      const unanswered = mine.filter(
        (e) => findings.some((f) => f === e.node_code) && !e.explanation_text,
      ).length;
      const role: Role = isUnitSide(actor, 'unit_officer', p.unit_path)
        ? 'unit_officer'
        : 'unit_head';
      out.push(
        item('explain', role, sheet, name, now, {
          unitName: p.unit_name,
          due: d.explanations,
          figures: { count: unanswered, total: findings.length },
        }),
      );
    }
  }

  // The appraiser's queue, by round.
  if (c.assignments.some((a) => a.user_id === actor.userId) && roleIn(actor, 'appraiser')) {
    for (const round of [1, 2] as const) {
      const queue = await appraiserQueue(deps, actor, id, {
        round,
        limit: 1,
        offset: 0,
        onlyOpen: true,
      });
      if (queue.total === 0) continue;
      out.push(
        item(
          round === 1 ? 'appraise_round1' : 'appraise_round2',
          'appraiser',
          `/campaigns/${id}/queue${round === 2 ? '?round=2' : ''}`,
          name,
          now,
          { due: round === 1 ? d.round1 : d.round2, figures: { count: queue.total } },
        ),
      );
    }
  }

  // Staff actions counted over the units the person works on as staff.
  const staff = participants.filter((p) => isStaffFor(actor, p.unit_path));
  const counts = { closeRound1: 0, approve: 0, publish: 0 };
  for (const p of staff) {
    const { possibleActions } = actionsOn(c, p, actor, now);
    for (const key of Object.keys(counts) as (keyof typeof counts)[])
      if (possibleActions.includes(key)) counts[key]++;
  }
  const campaignPage = `/campaigns/${id}`;
  if (counts.closeRound1 > 0)
    out.push(
      item('close_round1', 'council_chair', campaignPage, name, now, {
        due: d.round1,
        figures: { count: counts.closeRound1 },
      }),
    );
  if (counts.approve > 0)
    out.push(
      item('approve', 'council_chair', campaignPage, name, now, {
        due: d.publication,
        figures: { count: counts.approve },
      }),
    );
  if (counts.publish > 0)
    out.push(
      item('publish', 'standing_agency', `/campaigns/${id}/results`, name, now, {
        due: d.publication,
        figures: { count: counts.publish },
      }),
    );

  // The standing agency: progress of its units, and those late with their self-assessment.
  const agencyUnits = staff.filter((p) => hasRoleOn(actor, 'standing_agency', p.unit_path));
  if (agencyUnits.length > 0) {
    const submitted = agencyUnits.filter(
      (p) => !['not_started', 'draft', 'reopened'].includes(p.status),
    ).length;
    const published = agencyUnits.filter((p) => p.status === 'published').length;
    const nextDue =
      [d.selfAssessment, d.round1, d.explanations, d.round2, d.publication].find(
        (x) => !isPastDeadline(x, now),
      ) ?? d.publication;
    out.push(
      item('campaign_progress', 'standing_agency', campaignPage, name, now, {
        due: nextDue,
        figures: { submitted, published, total: agencyUnits.length },
      }),
    );
    const late = agencyUnits.filter(
      (p) =>
        ['not_started', 'draft', 'reopened'].includes(p.status) &&
        isPastDeadline(p.reopened?.until ?? d.selfAssessment, now),
    );
    if (late.length > 0)
      out.push(
        item('late_units', 'standing_agency', campaignPage, name, now, {
          due: d.selfAssessment,
          figures: { count: late.length },
        }),
      );
  }
  return out;
}

/** Campaigns still being set up that the person may set up. */
function setupItem(actor: Actor, c: CampaignRow, now: Date): TaskItem | null {
  if (c.status !== 'setup' || !canManageCampaign(actor, c.owner_unit_path)) return null;
  if (!actor.grants.some((g) => g.role === 'standing_agency')) return null;
  return item('campaign_setup', 'standing_agency', `/campaigns/${c.id}/setup`, c.name, now, {
    due: c.deadline_self_assessment,
  });
}

/** Open sociological surveys of campaigns the standing agency manages: answers so far, to progress. */
async function socialSurveyItems(db: Queryable, actor: Actor, now: Date): Promise<TaskItem[]> {
  if (!roleIn(actor, 'standing_agency')) return [];
  return (await repo.findOpenSocialSurveys(db))
    .filter((s) => canManageCampaign(actor, s.owner_unit_path))
    .map((s) =>
      item(
        'social_survey',
        'standing_agency',
        `/campaigns/${s.campaign_id}/social-survey?tab=progress`,
        s.campaign_name,
        now,
        { figures: { responses: s.responses } },
      ),
    );
}

const inScope = (scope: string[] | null, path: string) =>
  scope === null || scope.some((s) => path.startsWith(s));

/** Remediation: the official's own open tasks; the unit head's tasks due soon or late, per plan. */
async function remediationItems(db: Queryable, actor: Actor, now: Date): Promise<TaskItem[]> {
  const out: TaskItem[] = [];
  const today = vnToday(now);
  const rows = await repo.findOpenTasks(db);
  if (roleIn(actor, 'unit_officer') || roleIn(actor, 'unit_head'))
    for (const r of rows) {
      if (r.responsible_user_id !== actor.userId) continue;
      if (!can(actor, 'remediation.task', r.unit_path)) continue;
      const role: Role = hasRoleOn(actor, 'unit_officer', r.unit_path)
        ? 'unit_officer'
        : 'unit_head';
      out.push(
        item('plan_task', role, `/remediation/plans/${r.plan_id}`, r.content, now, {
          unitName: r.unit_name,
          due: r.deadline,
        }),
      );
    }
  const manage = scopeOf(actor, 'remediation.manage');
  if (roleIn(actor, 'unit_head')) {
    const horizon = new Date(now.getTime() + TASKS_AHEAD_DAYS * DAY);
    const byPlan = new Map<
      number,
      { row: (typeof rows)[number]; due: number; late: number; first: string }
    >();
    for (const r of rows) {
      if (r.deadline === null || !inScope(manage, r.unit_path)) continue;
      if (!hasRoleOn(actor, 'unit_head', r.unit_path)) continue;
      if (deadlineEnd(r.deadline) > horizon.getTime()) continue;
      const entry = byPlan.get(r.plan_id) ?? { row: r, due: 0, late: 0, first: r.deadline };
      if (r.deadline < today) entry.late++;
      else entry.due++;
      if (r.deadline < entry.first) entry.first = r.deadline;
      byPlan.set(r.plan_id, entry);
    }
    for (const [planId, e] of byPlan)
      out.push(
        item('plan_tasks_due', 'unit_head', `/remediation/plans/${planId}`, e.row.plan_title, now, {
          unitName: e.row.unit_name,
          due: e.first,
          figures: { due: e.due, late: e.late, days: TASKS_AHEAD_DAYS },
        }),
      );
  }
  return out;
}

/** The People's Council member: supervisions of the units in scope, with their findings. */
async function supervisionItems(db: Queryable, actor: Actor, now: Date): Promise<TaskItem[]> {
  if (!roleIn(actor, 'council_member')) return [];
  const scope = scopeOf(actor, 'supervision.manage');
  const rows = await repo.findSupervisions(db);
  return rows
    .filter((r) => inScope(scope, r.unit_path))
    .map((r) =>
      item(
        'supervision',
        'council_member',
        `/remediation/supervisions/${r.id}`,
        r.plan_number,
        now,
        {
          unitName: r.unit_name,
          figures: { findings: r.findings, withoutTask: r.without_task },
        },
      ),
    );
}

/** The enumerator: open surveys with units in scope, and how many answers were collected there. */
async function sipasItems(db: Queryable, actor: Actor, now: Date): Promise<TaskItem[]> {
  if (!roleIn(actor, 'enumerator')) return [];
  const paths = actor.grants.filter((g) => g.role === 'enumerator').map((g) => g.unitPath);
  const national = paths.includes(null);
  const today = vnToday(now);
  const rows = await repo.findOpenSurveyUnits(db, today);
  return rows
    .filter((r) => national || paths.some((p) => p !== null && r.unit_path.startsWith(p)))
    .map((r) =>
      item('sipas_collect', 'enumerator', `/sipas/${r.id}/paper`, r.name, now, {
        unitName: r.unit_name,
        due: r.period_end,
        figures: { answers: r.answers },
      }),
    );
}

/**
 * The administrator: accounts needing attention and the health of the system; without SMTP, the
 * national administrator also sees how many e-mails the outbox keeps (ADR 43).
 */
async function adminItems(deps: Deps, actor: Actor, now: Date): Promise<TaskItem[]> {
  if (!roleIn(actor, 'system_admin')) return [];
  const accounts = await repo.countAccounts(deps.db, now);
  const checks = await repo.countEvidenceChecks(deps.db);
  const interruptedImports = await countInterruptedImports(deps.db);
  let storageOk = 1;
  try {
    await deps.storage.check();
  } catch {
    storageOk = 0;
  }
  return [
    item('accounts', 'system_admin', '/users', '', now, {
      figures: {
        total: accounts?.total ?? 0,
        disabled: accounts?.disabled ?? 0,
        mustChange: accounts?.must_change ?? 0,
        locked: accounts?.locked ?? 0,
        withoutRole: accounts?.without_role ?? 0,
      },
    }),
    item('health', 'system_admin', '/audit', '', now, {
      figures: {
        storageOk,
        pendingChecks: checks?.pending ?? 0,
        unreadableChecks: checks?.unreadable ?? 0,
        interruptedImports,
      },
    }),
    ...(deps.config.smtp === null &&
    actor.grants.some((g) => g.role === 'system_admin' && g.unitId === null)
      ? [
          item('outbox', 'system_admin', '/outbox', '', now, {
            figures: { mails: await repo.countOutbox(deps.db) },
          }),
        ]
      : []),
  ];
}

function byDeadline(a: TaskItem, b: TaskItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.due === null ? Number.POSITIVE_INFINITY : deadlineEnd(a.due);
  const db = b.due === null ? Number.POSITIVE_INFINITY : deadlineEnd(b.due);
  if (da !== db) return da < db ? -1 : 1;
  return 0;
}

/**
 * What needs this person now. `origin` is the address the person reached the server at, for the
 * field app's link and QR code (shown to enumerators).
 */
export async function myTasks(deps: Deps, actor: Actor, origin: string) {
  const now = deps.clock.now();
  const items: TaskItem[] = [];
  for (const row of await listCampaignRows(deps.db)) {
    if (row.status === 'setup') {
      const s = setupItem(actor, row, now);
      if (s) items.push(s);
      continue;
    }
    if (row.status !== 'open') continue;
    const c = await loadCampaign(deps.db, row.id);
    items.push(...(await campaignItems(deps, actor, c, now)));
  }
  items.push(...(await socialSurveyItems(deps.db, actor, now)));
  items.push(...(await remediationItems(deps.db, actor, now)));
  items.push(...(await supervisionItems(deps.db, actor, now)));
  items.push(...(await sipasItems(deps.db, actor, now)));
  items.push(...(await adminItems(deps, actor, now)));
  items.sort(byDeadline);
  let fieldApp: { url: string; qrSvg: string } | null = null;
  if (roleIn(actor, 'enumerator')) {
    const url = `${origin.replace(/\/+$/, '')}/thu-thap/`;
    fieldApp = {
      url,
      qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    };
  }
  return {
    roles: [...new Set(actor.grants.map((g) => g.role))],
    items,
    fieldApp,
  };
}
