/**
 * Remediation plans (kế hoạch khắc phục): the sub-criteria that lost points in an appraisal, the
 * tasks that fix them, and their follow-up. Pure functions over plain values; scores and rates are
 * integers of hundredths.
 */
import { divRoundHalfUp } from '../scoring/decimal.ts';

/** A sub-criterion that lost points, as the plan quotes it. */
export interface LostItem {
  code: string;
  title: string;
  max: number;
  /** Self-assessed score (roll-up of the unit's own entries); null when none. */
  self: number | null;
  /** The final appraised score. */
  appraised: number;
  /** max − appraised, > 0. */
  lost: number;
  /** The appraisers' reason (round 2's where it decided, else round 1's). */
  reason: string | null;
  /** Round 1's reason when round 2 decided differently. */
  round1Reason: string | null;
}

/** Compares criterion codes numerically segment by segment: 1.2 < 1.10 < 2. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isInteger(nx) && Number.isInteger(ny) && nx !== ny) return nx - ny;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The top-level criterion a code belongs to: "2.3.1" → "2". */
export const criterionOf = (code: string): string => code.split('.')[0] ?? code;

/**
 * The items a plan starts from: every item that lost points, most points lost first, then in
 * criteria order. Items that lost nothing are dropped; a code appears once.
 */
export function planItemsFrom(lost: readonly LostItem[]): LostItem[] {
  const seen = new Set<string>();
  const out: LostItem[] = [];
  for (const item of lost) {
    if (item.lost <= 0 || seen.has(item.code)) continue;
    seen.add(item.code);
    out.push(item);
  }
  return out.sort((a, b) => b.lost - a.lost || compareCodes(a.code, b.code));
}

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Rates the system measures itself, which move a target's progress without anyone typing it. */
export const MEASURED_METRICS = [
  'sipas_satisfaction',
  'dossier_on_time',
  'dossier_online',
  'dossier_online_payment',
  'dossier_postal_procedures',
  'dossier_postal',
] as const;
export type MeasuredMetric = (typeof MEASURED_METRICS)[number];

/** A measurable target of a task: a rate to reach (8500 = 85 %). */
export interface Target {
  /** null: entered by hand (the official types the value reached). */
  metric: MeasuredMetric | null;
  targetPercent: number;
  /** The value reached so far: measured, else typed; null when unknown. */
  currentPercent: number | null;
}

export interface TargetProgress {
  /** Share of the target reached, tenths of a percent capped at 1000; null when unknown. */
  progressTenths: number | null;
  met: boolean | null;
}

/** How far a target is reached: current / target, capped at 100 %. */
export function targetProgress(target: Target): TargetProgress {
  const { targetPercent, currentPercent } = target;
  if (currentPercent === null) return { progressTenths: null, met: null };
  if (targetPercent <= 0) return { progressTenths: 1000, met: true };
  const met = currentPercent >= targetPercent;
  const tenths = met ? 1000 : divRoundHalfUp(Math.max(0, currentPercent) * 1000, targetPercent);
  return { progressTenths: Math.min(1000, tenths), met };
}

/** What follow-up needs of a task. */
export interface TaskFacts {
  id: string;
  /** The plan item's code; null for a task of the plan as a whole. */
  code: string | null;
  responsibleId: string | null;
  /** ISO date (YYYY-MM-DD). */
  deadline: string | null;
  status: TaskStatus;
}

/** A task is overdue when its deadline has passed and it is neither done nor cancelled. */
export function isOverdue(task: Pick<TaskFacts, 'deadline' | 'status'>, today: string): boolean {
  return (
    task.deadline !== null &&
    task.deadline < today &&
    task.status !== 'done' &&
    task.status !== 'cancelled'
  );
}

/** Counts of one group of tasks (a criterion, an official). */
export interface ProgressCount {
  key: string;
  total: number;
  done: number;
  inProgress: number;
  overdue: number;
  /** Done over counted tasks (cancelled ones do not count), tenths of a percent; null if none. */
  doneTenths: number | null;
}

function tally(
  tasks: readonly TaskFacts[],
  keyOf: (t: TaskFacts) => string,
  today: string,
): ProgressCount[] {
  const groups = new Map<string, ProgressCount>();
  for (const t of tasks) {
    const key = keyOf(t);
    let g = groups.get(key);
    if (!g) {
      g = { key, total: 0, done: 0, inProgress: 0, overdue: 0, doneTenths: null };
      groups.set(key, g);
    }
    g.total++;
    if (t.status === 'done') g.done++;
    if (t.status === 'in_progress') g.inProgress++;
    if (isOverdue(t, today)) g.overdue++;
  }
  for (const g of groups.values()) {
    const cancelled = tasks.filter((t) => keyOf(t) === g.key && t.status === 'cancelled').length;
    const counted = g.total - cancelled;
    g.doneTenths = counted === 0 ? null : divRoundHalfUp(g.done * 1000, counted);
  }
  return [...groups.values()];
}

/** The key of tasks of the plan as a whole (no item) and of tasks nobody is responsible for. */
export const NO_KEY = '';

/** Progress of a plan's tasks overall, per top-level criterion and per responsible official. */
export function planProgress(
  tasks: readonly TaskFacts[],
  today: string,
): { overall: ProgressCount; byCriterion: ProgressCount[]; byOfficial: ProgressCount[] } {
  const overall = tally(tasks, () => 'all', today)[0] ?? {
    key: 'all',
    total: 0,
    done: 0,
    inProgress: 0,
    overdue: 0,
    doneTenths: null,
  };
  const byCriterion = tally(
    tasks,
    (t) => (t.code === null ? NO_KEY : criterionOf(t.code)),
    today,
  ).sort((a, b) => (a.key === NO_KEY ? 1 : b.key === NO_KEY ? -1 : compareCodes(a.key, b.key)));
  const byOfficial = tally(tasks, (t) => t.responsibleId ?? NO_KEY, today).sort(
    (a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return { overall, byCriterion, byOfficial };
}
