/**
 * Points of one dossier on each of the nine indicators (art. 13 Circular 01/2018/TT-VPCP). An
 * indicator is scored from the dossier's own data where the configuration says how (timestamps,
 * counts, channel), otherwise from the ratings in the configured order (the citizen's form, then
 * the unit's self-assessment). With neither it is not scored: null, never zero.
 */
import {
  DEFAULT_METHOD,
  INDICATOR_IDS,
  type DossierEvaluationConfig,
  type IndicatorRule,
  type MethodSettings,
} from './config.ts';
import { VIETNAM_OFFSET_MS, vietnamDay, type Dossier } from './dossier.ts';

const DAY_MS = 86_400_000;

/** Where an indicator's points came from. */
export type ScoreSource = 'data' | 'citizen' | 'self';

/** Timeliness of a dossier against its due time. */
export type Timeliness = 'early' | 'on-time' | 'late' | 'pending' | 'no-due-date';

/** Vietnamese labels of the timeliness states. */
export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = Object.freeze({
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Trễ hạn',
  pending: 'Chưa có kết quả',
  'no-due-date': 'Không có ngày hẹn trả',
});

/** A dossier's points: one entry per indicator (index = id − 1), in hundredths or null. */
export interface DossierScores {
  points: (number | null)[];
  sources: (ScoreSource | null)[];
}

/** Whether a due moment is a date given without a time: 00:00 Vietnam time exactly. */
export function isDateOnly(ms: number): boolean {
  return (ms + VIETNAM_OFFSET_MS) % DAY_MS === 0;
}

/**
 * The last moment a dossier is still on time: its due moment, or for a due date without a time
 * read as lasting the whole day, the end of that day.
 */
export function effectiveDue(
  due: number,
  dueWithoutTime: MethodSettings['dueWithoutTime'] = DEFAULT_METHOD.dueWithoutTime,
): number {
  return dueWithoutTime === 'end-of-day' && isDateOnly(due) ? due + DAY_MS - 1 : due;
}

/**
 * Early when finished on a Vietnam calendar day before the due day, late when after the due
 * moment (see effectiveDue), otherwise on time; pending without the moment, no-due-date without a
 * due time.
 */
export function timelinessOf(
  dossier: Dossier,
  basis: DossierEvaluationConfig['timelinessBasis'] = 'finished',
  dueWithoutTime: MethodSettings['dueWithoutTime'] = DEFAULT_METHOD.dueWithoutTime,
): Timeliness {
  const moment = basis === 'finished' ? dossier.finishedAt : dossier.returnedAt;
  if (moment === null) return 'pending';
  const due = dossier.dueAt;
  if (due === null) return 'no-due-date';
  if (moment > effectiveDue(due, dueWithoutTime)) return 'late';
  return vietnamDay(moment) < vietnamDay(due) ? 'early' : 'on-time';
}

/**
 * Whether a dossier is past its due moment without a result at `asOf` (the moment of the
 * evaluation): an unfinished dossier already late, listed with the late ones.
 */
export function isOverdueUnfinished(
  dossier: Dossier,
  asOf: number,
  basis: DossierEvaluationConfig['timelinessBasis'] = 'finished',
  dueWithoutTime: MethodSettings['dueWithoutTime'] = DEFAULT_METHOD.dueWithoutTime,
): boolean {
  const moment = basis === 'finished' ? dossier.finishedAt : dossier.returnedAt;
  return (
    moment === null && dossier.dueAt !== null && asOf > effectiveDue(dossier.dueAt, dueWithoutTime)
  );
}

function fromData(rule: IndicatorRule, dossier: Dossier, timeliness: Timeliness): number | null {
  switch (rule.kind) {
    case 'timeliness':
      return timeliness === 'early'
        ? rule.early
        : timeliness === 'on-time'
          ? rule.onTime
          : timeliness === 'late'
            ? rule.late
            : null;
    case 'count': {
      const n = dossier[rule.field];
      if (n === null) return null;
      for (const step of rule.steps) if (n <= step.upTo) return step.points;
      return rule.otherwise;
    }
    case 'channel':
      return rule.points[dossier.channel];
    case 'rating':
      return null;
  }
}

// The rules as an array, once per configuration object: the hot loop then indexes, not looks up.
const compiledRules = new WeakMap<DossierEvaluationConfig, readonly IndicatorRule[]>();

function rulesOf(config: DossierEvaluationConfig): readonly IndicatorRule[] {
  let rules = compiledRules.get(config);
  if (rules === undefined) {
    rules = INDICATOR_IDS.map((id) => config.indicators[id]);
    compiledRules.set(config, rules);
  }
  return rules;
}

/** Scores one dossier on the nine indicators with the given configuration. */
export function scoreDossier(dossier: Dossier, config: DossierEvaluationConfig): DossierScores {
  const out: DossierScores = {
    points: [null, null, null, null, null, null, null, null, null],
    sources: [null, null, null, null, null, null, null, null, null],
  };
  scoreDossierInto(out, dossier, config);
  return out;
}

/** Like scoreDossier, writing into `out` so a hot loop can reuse one buffer. */
export function scoreDossierInto(
  out: DossierScores,
  dossier: Dossier,
  config: DossierEvaluationConfig,
): void {
  const { points, sources } = out;
  const timeliness = timelinessOf(dossier, config.timelinessBasis, config.method.dueWithoutTime);
  const { min, max } = config.scale;
  const rules = rulesOf(config);
  for (let i = 0; i < 9; i++) {
    let value = fromData(rules[i] as IndicatorRule, dossier, timeliness);
    let source: ScoreSource | null = value === null ? null : 'data';
    if (value === null) {
      for (const from of config.ratingFallback) {
        const rated = from === 'citizen' ? dossier.citizenRatings : dossier.selfRatings;
        const r = rated?.[i];
        if (r !== null && r !== undefined) {
          value = r;
          source = from;
          break;
        }
      }
    }
    // Ratings were checked against the import scale; a narrower campaign scale clamps them.
    points[i] = value === null ? null : value < min ? min : value > max ? max : value;
    sources[i] = source;
  }
}
