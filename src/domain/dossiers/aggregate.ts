/**
 * Quarterly aggregation of dossier scores per official and per unit (art. 15 Circular 01/2018):
 * each indicator = sum of its points over the dossiers scored on it / their number, rounded to one
 * decimal; the total is the sum of indicator scores; the class comes from configurable bands.
 * Alongside, the rates the provinces track (on time, online, online payment, postal), each kept as
 * numerator and denominator so every number can be traced back to its dossiers.
 *
 * Aggregation is streaming: an accumulator is fed one dossier at a time and accumulators of
 * separate chunks merge, with the same result in any order. Totals stay integers (hundredths of
 * points, counts, seconds), so they are exact for tens of millions of dossiers.
 */
import { classify } from '../scoring/index.ts';
import {
  compareRatioToPercent,
  formatPercent,
  formatPercentBound,
  formatPointsCompact,
  mulDivRoundHalfUp,
  percentScaled,
  ratio,
  type Ratio,
} from '../scoring/decimal.ts';
import {
  INDICATOR_IDS,
  INDICATOR_NAMES,
  type BandPreset,
  type DossierEvaluationConfig,
  type IndicatorId,
  type RateKey,
} from './config.ts';
import { vietnamDay, type Dossier } from './dossier.ts';
import { scoreDossierInto, timelinessOf, type DossierScores, type Timeliness } from './scoring.ts';

/** Counts for one group of dossiers (an official's or a unit's, in one period). */
export interface DossierTally {
  dossiers: number;
  /** Dossiers scored on at least one indicator (the divisor of `evaluated` method settings). */
  evaluated: number;
  /** Sum of points per indicator (index = id − 1), in hundredths. */
  pointSums: number[];
  /** Dossiers scored per indicator. */
  scoredCounts: number[];
  early: number;
  onTime: number;
  late: number;
  lateCodes: string[];
  pending: number;
  noDueDate: number;
  counter: number;
  onlineFull: number;
  onlinePartial: number;
  receivedByPost: number;
  returnedByPost: number;
  /** Dossiers received or returned by post. */
  postal: number;
  paymentApplicable: number;
  paidOnline: number;
  /** Seconds from receipt to result, over the dossiers with a result. */
  handlingSeconds: number;
  handled: number;
  /** Citizen rating points over all rated indicators, and how many ratings. */
  citizenPoints: number;
  citizenRatings: number;
  /** Per procedure code: dossiers and postal dossiers. Kept for units, not for officials. */
  procedures: Map<string, { dossiers: number; postal: number }> | null;
}

/** A unit's dossiers in one period, with a tally per receiving official. */
export interface UnitGroup {
  period: string;
  unitCode: string;
  tally: DossierTally;
  officials: Map<string, DossierTally>;
}

/** Streaming accumulator over dossiers: period → unit code → group. */
export interface DossierAccumulator {
  config: DossierEvaluationConfig;
  periods: Map<string, Map<string, UnitGroup>>;
}

/** An empty tally; per-procedure counts only when asked (units). */
export function emptyTally(withProcedures: boolean): DossierTally {
  return {
    dossiers: 0,
    evaluated: 0,
    pointSums: [0, 0, 0, 0, 0, 0, 0, 0, 0],
    scoredCounts: [0, 0, 0, 0, 0, 0, 0, 0, 0],
    early: 0,
    onTime: 0,
    late: 0,
    lateCodes: [],
    pending: 0,
    noDueDate: 0,
    counter: 0,
    onlineFull: 0,
    onlinePartial: 0,
    receivedByPost: 0,
    returnedByPost: 0,
    postal: 0,
    paymentApplicable: 0,
    paidOnline: 0,
    handlingSeconds: 0,
    handled: 0,
    citizenPoints: 0,
    citizenRatings: 0,
    procedures: withProcedures ? new Map() : null,
  };
}

/** A new, empty accumulator for one configuration. */
export function createDossierAccumulator(config: DossierEvaluationConfig): DossierAccumulator {
  return { config, periods: new Map() };
}

// Quarters by Vietnam day number: a few thousand distinct days cover any import.
const quarterByDay = new Map<number, string>();

/** The quarter of a timestamp in Vietnam time: "2024-Q1". */
export function quarterOf(ms: number): string {
  const day = vietnamDay(ms);
  let quarter = quarterByDay.get(day);
  if (quarter === undefined) {
    const d = new Date(day * 86_400_000);
    quarter = `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    if (quarterByDay.size < 100_000) quarterByDay.set(day, quarter);
  }
  return quarter;
}

/** The period a dossier is counted in, by the configured basis (unfinished → receipt). */
export function periodOfDossier(dossier: Dossier, config: DossierEvaluationConfig): string {
  const basis =
    config.periodBasis === 'finished'
      ? (dossier.finishedAt ?? dossier.receivedAt)
      : dossier.receivedAt;
  return quarterOf(basis);
}

/** Adds one dossier to a tally, given its points and timeliness. */
export function addToTally(
  tally: DossierTally,
  dossier: Dossier,
  points: readonly (number | null)[],
  timeliness: Timeliness,
): void {
  tally.dossiers++;
  let scored = false;
  for (let i = 0; i < 9; i++) {
    const p = points[i];
    if (p !== null && p !== undefined) {
      tally.pointSums[i] = (tally.pointSums[i] ?? 0) + p;
      tally.scoredCounts[i] = (tally.scoredCounts[i] ?? 0) + 1;
      scored = true;
    }
  }
  if (scored) tally.evaluated++;
  switch (timeliness) {
    case 'early':
      tally.early++;
      break;
    case 'on-time':
      tally.onTime++;
      break;
    case 'late':
      tally.late++;
      tally.lateCodes.push(dossier.code);
      break;
    case 'pending':
      tally.pending++;
      break;
    case 'no-due-date':
      tally.noDueDate++;
      break;
  }
  switch (dossier.channel) {
    case 'counter':
      tally.counter++;
      break;
    case 'online-full':
      tally.onlineFull++;
      break;
    case 'online-partial':
      tally.onlinePartial++;
      break;
    case 'postal':
      tally.receivedByPost++;
      break;
  }
  const byPost = dossier.channel === 'postal' || dossier.returnedByPost === true;
  if (dossier.returnedByPost === true) tally.returnedByPost++;
  if (byPost) tally.postal++;
  if (dossier.onlinePayment !== null) {
    tally.paymentApplicable++;
    if (dossier.onlinePayment) tally.paidOnline++;
  }
  if (dossier.finishedAt !== null) {
    tally.handled++;
    tally.handlingSeconds += Math.round((dossier.finishedAt - dossier.receivedAt) / 1000);
  }
  const citizen = dossier.citizenRatings;
  if (citizen !== null) {
    for (const r of citizen) {
      if (r !== null) {
        tally.citizenPoints += r;
        tally.citizenRatings++;
      }
    }
  }
  if (tally.procedures !== null) {
    let proc = tally.procedures.get(dossier.procedureCode);
    if (proc === undefined)
      tally.procedures.set(dossier.procedureCode, (proc = { dossiers: 0, postal: 0 }));
    proc.dossiers++;
    if (byPost) proc.postal++;
  }
}

function unitGroupFor(acc: DossierAccumulator, period: string, unitCode: string): UnitGroup {
  let units = acc.periods.get(period);
  if (units === undefined) acc.periods.set(period, (units = new Map()));
  let group = units.get(unitCode);
  if (group === undefined) {
    group = { period, unitCode, tally: emptyTally(true), officials: new Map() };
    units.set(unitCode, group);
  }
  return group;
}

// Reused when addDossier scores for the caller: tallies copy numbers out of it.
const scratch: DossierScores = {
  points: [null, null, null, null, null, null, null, null, null],
  sources: [null, null, null, null, null, null, null, null, null],
};

/**
 * Feeds one dossier to the accumulator: into its unit's and its official's tally for its period.
 * Pass the scores when already computed; otherwise they are computed with the accumulator's config.
 */
export function addDossier(
  acc: DossierAccumulator,
  dossier: Dossier,
  scores?: DossierScores,
): void {
  let s = scores;
  if (s === undefined) {
    scoreDossierInto(scratch, dossier, acc.config);
    s = scratch;
  }
  const timeliness = timelinessOf(
    dossier,
    acc.config.timelinessBasis,
    acc.config.method.dueWithoutTime,
  );
  const group = unitGroupFor(acc, periodOfDossier(dossier, acc.config), dossier.unitCode);
  addToTally(group.tally, dossier, s.points, timeliness);
  const official = dossier.officialCode;
  if (official !== null) {
    let tally = group.officials.get(official);
    if (tally === undefined) group.officials.set(official, (tally = emptyTally(true)));
    addToTally(tally, dossier, s.points, timeliness);
  }
}

/** Adds the counts of `source` into `target` (mutates target). */
export function mergeTallyInto(target: DossierTally, source: DossierTally): void {
  target.dossiers += source.dossiers;
  target.evaluated += source.evaluated;
  for (let i = 0; i < 9; i++) {
    target.pointSums[i] = (target.pointSums[i] ?? 0) + (source.pointSums[i] ?? 0);
    target.scoredCounts[i] = (target.scoredCounts[i] ?? 0) + (source.scoredCounts[i] ?? 0);
  }
  target.early += source.early;
  target.onTime += source.onTime;
  target.late += source.late;
  for (const code of source.lateCodes) target.lateCodes.push(code);
  target.pending += source.pending;
  target.noDueDate += source.noDueDate;
  target.counter += source.counter;
  target.onlineFull += source.onlineFull;
  target.onlinePartial += source.onlinePartial;
  target.receivedByPost += source.receivedByPost;
  target.returnedByPost += source.returnedByPost;
  target.postal += source.postal;
  target.paymentApplicable += source.paymentApplicable;
  target.paidOnline += source.paidOnline;
  target.handlingSeconds += source.handlingSeconds;
  target.handled += source.handled;
  target.citizenPoints += source.citizenPoints;
  target.citizenRatings += source.citizenRatings;
  if (source.procedures !== null) {
    target.procedures ??= new Map();
    for (const [code, counts] of source.procedures) {
      const t = target.procedures.get(code);
      if (t === undefined) target.procedures.set(code, { ...counts });
      else {
        t.dossiers += counts.dossiers;
        t.postal += counts.postal;
      }
    }
  }
}

/** Sums several tallies into a new one (e.g. all units of a district in a quarter). */
export function combineTallies(tallies: Iterable<DossierTally>): DossierTally {
  const out = emptyTally(true);
  for (const t of tallies) mergeTallyInto(out, t);
  return out;
}

/** Merges `source` into `target` (mutates target); both must use the same config version. */
export function mergeDossierAccumulatorInto(
  target: DossierAccumulator,
  source: DossierAccumulator,
): void {
  if (target.config.version !== source.config.version) {
    throw new RangeError(
      `Không gộp được kết quả của hai cấu hình khác nhau (${target.config.version} và ${source.config.version})`,
    );
  }
  for (const units of source.periods.values()) {
    for (const group of units.values()) {
      const t = unitGroupFor(target, group.period, group.unitCode);
      mergeTallyInto(t.tally, group.tally);
      for (const [official, tally] of group.officials) {
        let o = t.officials.get(official);
        if (o === undefined) t.officials.set(official, (o = emptyTally(true)));
        mergeTallyInto(o, tally);
      }
    }
  }
}

/** A new accumulator holding both inputs' dossiers; the inputs are left unchanged. */
export function mergeDossierAccumulators(
  a: DossierAccumulator,
  b: DossierAccumulator,
): DossierAccumulator {
  const out = createDossierAccumulator(a.config);
  mergeDossierAccumulatorInto(out, a);
  mergeDossierAccumulatorInto(out, b);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Results

/** One indicator's score for a group. */
export interface IndicatorScore {
  id: IndicatorId;
  name: string;
  /** Hundredths rounded to one decimal (130 = 1,3); null when no dossier was scored on it. */
  score: number | null;
  /** "1,3" or "Chưa chấm" */
  text: string;
  scoredDossiers: number;
}

/** State label for a group with no dossiers in the period. */
export const NO_DOSSIERS_LABEL = 'Chưa phát sinh hồ sơ';
/** State label for a group whose dossiers carry no score at all. */
export const NOT_SCORED_LABEL = 'Chưa thực hiện chấm điểm';

/** The evaluation of a group: its own states for "no dossiers" and "not scored", never zero. */
export type Evaluation =
  | { state: 'no-dossiers'; label: string }
  | { state: 'not-scored'; label: string; dossiers: number }
  | {
      state: 'scored';
      dossiers: number;
      indicators: IndicatorScore[];
      /** Sum of indicator scores, hundredths (1650 = 16,5). */
      total: number;
      /** Scale max × indicators scored, hundredths. */
      max: number;
      /** "16,5/18" */
      text: string;
      /** total / max in hundredths of a percent, half-up. */
      percent: number;
      /** Class label from the bands, null when no band contains it. */
      className: string | null;
      /** Indicators with no scored dossier (shown as "not scored", left out of the max). */
      notScored: IndicatorId[];
    };

/**
 * Per-indicator scores, total and class of a tally (art. 15 Circular 01), read with the
 * configuration's method settings: the divisor of an indicator (every evaluated dossier, or those
 * scored on it) and how a group scored on fewer than the nine indicators is classed.
 */
export function evaluateTally(tally: DossierTally, config: DossierEvaluationConfig): Evaluation {
  if (tally.dossiers === 0) return { state: 'no-dossiers', label: NO_DOSSIERS_LABEL };
  const { divisor, fewIndicators } = config.method;
  const indicators: IndicatorScore[] = [];
  const notScored: IndicatorId[] = [];
  let total = 0;
  let max = 0;
  for (const id of INDICATOR_IDS) {
    const n = tally.scoredCounts[id - 1] ?? 0;
    if (n === 0) {
      notScored.push(id);
      indicators.push({
        id,
        name: INDICATOR_NAMES[id],
        score: null,
        text: 'Chưa chấm',
        scoredDossiers: 0,
      });
      continue;
    }
    // sum / dossiers in hundredths, rounded half-up to tenths of a point.
    const over = divisor === 'evaluated' ? Math.max(tally.evaluated, n) : n;
    const score = mulDivRoundHalfUp(tally.pointSums[id - 1] ?? 0, 1, over * 10) * 10;
    total += score;
    max += config.scale.max;
    indicators.push({
      id,
      name: INDICATOR_NAMES[id],
      score,
      text: formatPointsCompact(score),
      scoredDossiers: n,
    });
  }
  if (notScored.length === INDICATOR_IDS.length) {
    return { state: 'not-scored', label: NOT_SCORED_LABEL, dossiers: tally.dossiers };
  }
  // Fewer than nine indicators: the total over the nine's maximum, over those scored, or no class.
  if (notScored.length > 0 && fewIndicators === 'full-max') {
    max = config.scale.max * INDICATOR_IDS.length;
  }
  const share = ratio(total, max);
  const classed = notScored.length === 0 || fewIndicators !== 'not-classed';
  return {
    state: 'scored',
    dossiers: tally.dossiers,
    indicators,
    total,
    max,
    text: `${formatPointsCompact(total)}/${formatPointsCompact(max)}`,
    percent: percentScaled(share, 2),
    className: classed ? classify(share, config.bands.bands) : null,
    notScored,
  };
}

/** What a rate's denominator counts: a stable key, for screens that word it in their language. */
export type RateBasis =
  | 'decided'
  | 'all'
  | 'payment'
  | 'postal-catalogue-procedures'
  | 'postal-catalogue-dossiers'
  | 'no-postal-catalogue';

/** The Vietnamese wording of each basis, as the quarterly reports write it. */
export const RATE_BASIS_TEXT: Readonly<Record<RateBasis, string>> = Object.freeze({
  decided: 'trên số hồ sơ đã có kết quả và có ngày hẹn trả',
  all: 'trên tổng số hồ sơ',
  payment: 'trên số hồ sơ có nghĩa vụ tài chính',
  'postal-catalogue-procedures': 'trên số TTHC trong danh mục bưu chính công ích',
  'postal-catalogue-dossiers': 'trên số hồ sơ của các TTHC trong danh mục bưu chính công ích',
  'no-postal-catalogue': 'chưa có danh mục TTHC thực hiện qua bưu chính công ích',
});

/** A rate with its parts, target and (for late dossiers) the codes behind it. */
export interface Rate {
  key: RateKey;
  label: string;
  /** What the denominator counts, in Vietnamese. */
  basis: string;
  /** The same as a key (RATE_BASIS_TEXT has the Vietnamese). */
  basisKey: RateBasis;
  num: number;
  den: number;
  /** Percent in hundredths, half-up; null when the denominator is zero or unknown. */
  percent: number | null;
  /** "66,7 %" or "Không có dữ liệu" */
  text: string;
  target: { minPercent: number; text: string; met: boolean | null; source: string } | null;
  /** Dossier codes behind the numerator, sorted; given for late dossiers only. */
  codes?: string[];
}

/** Postal-service catalogue: procedure codes offered by post, for all units or per unit. */
export interface PostalCatalogue {
  all?: readonly string[];
  byUnit?: Readonly<Record<string, readonly string[]>>;
}

const RATE_LABELS: Readonly<Record<RateKey, string>> = Object.freeze({
  'on-time-or-early': 'Hồ sơ giải quyết trước và đúng hạn',
  late: 'Hồ sơ giải quyết trễ hạn',
  'online-full': 'Hồ sơ trực tuyến toàn trình',
  'online-partial': 'Hồ sơ trực tuyến một phần',
  'online-payment': 'Hồ sơ thanh toán trực tuyến',
  'postal-procedures': 'TTHC bưu chính công ích có phát sinh hồ sơ',
  'postal-dossiers': 'Hồ sơ tiếp nhận/trả kết quả qua bưu chính công ích',
});

function makeRate(
  key: RateKey,
  num: number,
  den: number | null,
  basis: RateBasis,
  config: DossierEvaluationConfig,
): Rate {
  const r: Ratio | null = den !== null && den > 0 ? ratio(num, den) : null;
  const t = config.targets[key];
  return {
    key,
    label: RATE_LABELS[key],
    basis: RATE_BASIS_TEXT[basis],
    basisKey: basis,
    num,
    den: den ?? 0,
    percent: r === null ? null : percentScaled(r, 2),
    text: r === null ? 'Không có dữ liệu' : formatPercent(r, 1),
    target:
      t === undefined
        ? null
        : {
            minPercent: t.minPercent,
            text: `≥ ${formatPercentBound(t.minPercent)} %`,
            met: r === null ? null : compareRatioToPercent(r, t.minPercent) >= 0,
            source: t.source,
          },
  };
}

/** The catalogue that applies to a unit, or null when none was given. */
export function catalogueFor(
  catalogue: PostalCatalogue | undefined,
  unitCode: string | null,
): Set<string> | null {
  if (catalogue === undefined) return null;
  const list = (unitCode !== null ? catalogue.byUnit?.[unitCode] : undefined) ?? catalogue.all;
  return list === undefined ? null : new Set(list);
}

/** A tally's dossiers against a postal catalogue: what the two postal rates are made of. */
export interface PostalCounts {
  /** Procedures in the catalogue(s). */
  procedures: number;
  /** Of those, procedures with at least one dossier received or returned by post. */
  withPostal: number;
  /** Dossiers of the catalogue's procedures. */
  dossiers: number;
  /** Of those, dossiers received or returned by post. */
  postal: number;
}

/** Counts a tally's per-procedure dossiers against a catalogue (see PostalCounts). */
export function postalCountsOf(
  procedures: DossierTally['procedures'],
  catalogue: ReadonlySet<string>,
): PostalCounts {
  const counts: PostalCounts = {
    procedures: catalogue.size,
    withPostal: 0,
    dossiers: 0,
    postal: 0,
  };
  if (procedures === null) return counts;
  for (const code of catalogue) {
    const p = procedures.get(code);
    if (p === undefined) continue;
    if (p.postal > 0) counts.withPostal++;
    counts.dossiers += p.dossiers;
    counts.postal += p.postal;
  }
  return counts;
}

/** One group a figure counts: its tally and the postal catalogue that applies to it (null: none). */
export interface RateMember {
  tally: DossierTally;
  /** The catalogue's codes; members under one catalogue share the same array. */
  catalogue: readonly string[] | null;
}

/**
 * The postal counts of a figure's members (ADR 18): a procedure counts once per catalogue, as
 * having postal dossiers when any member under that catalogue had one; members under no catalogue
 * are left out of both postal rates. Null when no member has a catalogue.
 */
export function postalCountsOfMembers(members: readonly RateMember[]): PostalCounts | null {
  const byList = new Map<readonly string[], DossierTally[]>();
  for (const m of members) {
    if (m.catalogue === null) continue;
    let group = byList.get(m.catalogue);
    if (group === undefined) byList.set(m.catalogue, (group = []));
    group.push(m.tally);
  }
  if (byList.size === 0) return null;
  const out: PostalCounts = { procedures: 0, withPostal: 0, dossiers: 0, postal: 0 };
  for (const [list, group] of byList) {
    const procedures = new Map<string, { dossiers: number; postal: number }>();
    for (const t of group) {
      for (const [code, c] of t.procedures ?? []) {
        const p = procedures.get(code);
        if (p === undefined) procedures.set(code, { ...c });
        else {
          p.dossiers += c.dossiers;
          p.postal += c.postal;
        }
      }
    }
    const counts = postalCountsOf(procedures, new Set(list));
    out.procedures += counts.procedures;
    out.withPostal += counts.withPostal;
    out.dossiers += counts.dossiers;
    out.postal += counts.postal;
  }
  return out;
}

/**
 * The rates of one figure at any level — an official, a unit, a district with its communes, a
 * province: the members' tallies summed, the postal rates against their catalogues. Every figure
 * the product shows is computed here, and `rateMembership` says which dossiers each one counts.
 */
export function levelRates(
  members: readonly RateMember[],
  config: DossierEvaluationConfig,
): Record<RateKey, Rate> {
  const tally =
    members.length === 1
      ? (members[0] as RateMember).tally
      : combineTallies(members.map((m) => m.tally));
  return ratesWithPostalCounts(tally, config, postalCountsOfMembers(members));
}

/** The rates of one tally under one catalogue (null: none applies); see levelRates. */
export function ratesOfTally(
  tally: DossierTally,
  config: DossierEvaluationConfig,
  postalProcedures: Iterable<string> | null = null,
): Record<RateKey, Rate> {
  return levelRates(
    [{ tally, catalogue: postalProcedures === null ? null : [...postalProcedures] }],
    config,
  );
}

/**
 * The rates of a tally, the two postal ones from counts made against a catalogue (null: no
 * catalogue applies, so both postal rates have no data).
 */
export function ratesWithPostalCounts(
  tally: DossierTally,
  config: DossierEvaluationConfig,
  postal: PostalCounts | null,
): Record<RateKey, Rate> {
  const decided = tally.early + tally.onTime + tally.late;
  const decidedBasis = 'decided';
  const late = makeRate('late', tally.late, decided, decidedBasis, config);
  late.codes = [...tally.lateCodes].sort();
  let postalProceduresRate: Rate;
  let postalDossiersRate: Rate;
  if (postal === null) {
    postalProceduresRate = makeRate('postal-procedures', 0, null, 'no-postal-catalogue', config);
    postalDossiersRate = makeRate('postal-dossiers', 0, null, 'no-postal-catalogue', config);
  } else {
    postalProceduresRate = makeRate(
      'postal-procedures',
      postal.withPostal,
      postal.procedures,
      'postal-catalogue-procedures',
      config,
    );
    postalDossiersRate = makeRate(
      'postal-dossiers',
      postal.postal,
      postal.dossiers,
      'postal-catalogue-dossiers',
      config,
    );
  }
  return {
    'on-time-or-early': makeRate(
      'on-time-or-early',
      tally.early + tally.onTime,
      decided,
      decidedBasis,
      config,
    ),
    late,
    'online-full': makeRate('online-full', tally.onlineFull, tally.dossiers, 'all', config),
    'online-partial': makeRate(
      'online-partial',
      tally.onlinePartial,
      tally.dossiers,
      'all',
      config,
    ),
    'online-payment': makeRate(
      'online-payment',
      tally.paidOnline,
      tally.paymentApplicable,
      'payment',
      config,
    ),
    'postal-procedures': postalProceduresRate,
    'postal-dossiers': postalDossiersRate,
  };
}

/**
 * Whether a dossier counts in a rate's denominator and numerator: the same rules as
 * `levelRates`, so a server can list the dossiers behind every number. `postalProcedures` is the
 * catalogue of the member the dossier counts toward (null: none, so no postal rate counts it).
 */
export function rateMembership(
  key: RateKey,
  dossier: Dossier,
  config: DossierEvaluationConfig,
  postalProcedures: ReadonlySet<string> | null = null,
): { inDenominator: boolean; inNumerator: boolean } {
  const byPost = dossier.channel === 'postal' || dossier.returnedByPost === true;
  switch (key) {
    case 'on-time-or-early':
    case 'late': {
      const t = timelinessOf(dossier, config.timelinessBasis, config.method.dueWithoutTime);
      const decided = t === 'early' || t === 'on-time' || t === 'late';
      return {
        inDenominator: decided,
        inNumerator: key === 'late' ? t === 'late' : decided && t !== 'late',
      };
    }
    case 'online-full':
      return { inDenominator: true, inNumerator: dossier.channel === 'online-full' };
    case 'online-partial':
      return { inDenominator: true, inNumerator: dossier.channel === 'online-partial' };
    case 'online-payment':
      return {
        inDenominator: dossier.onlinePayment !== null,
        inNumerator: dossier.onlinePayment === true,
      };
    case 'postal-procedures': {
      const inCatalogue = postalProcedures?.has(dossier.procedureCode) ?? false;
      return { inDenominator: inCatalogue, inNumerator: inCatalogue && byPost };
    }
    case 'postal-dossiers': {
      const inCatalogue = postalProcedures?.has(dossier.procedureCode) ?? false;
      return { inDenominator: inCatalogue, inNumerator: inCatalogue && byPost };
    }
  }
}

/** The full result of one group: evaluation and rates. */
export interface GroupResult {
  period: string;
  unitCode: string;
  officialCode: string | null;
  evaluation: Evaluation;
  rates: Record<RateKey, Rate>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedGroups(acc: DossierAccumulator): UnitGroup[] {
  const groups: UnitGroup[] = [];
  for (const units of acc.periods.values()) for (const g of units.values()) groups.push(g);
  return groups.sort(
    (a, b) => compareText(a.period, b.period) || compareText(a.unitCode, b.unitCode),
  );
}

/** The catalogue list of a unit (its own, else the one for all), or null. */
export function catalogueListFor(
  catalogue: PostalCatalogue | undefined,
  unitCode: string,
): readonly string[] | null {
  if (catalogue === undefined) return null;
  return catalogue.byUnit?.[unitCode] ?? catalogue.all ?? null;
}

/** Results per unit and period, sorted by period then unit code. */
export function unitResults(acc: DossierAccumulator, catalogue?: PostalCatalogue): GroupResult[] {
  return sortedGroups(acc).map((g) => ({
    period: g.period,
    unitCode: g.unitCode,
    officialCode: null,
    evaluation: evaluateTally(g.tally, acc.config),
    rates: levelRates(
      [{ tally: g.tally, catalogue: catalogueListFor(catalogue, g.unitCode) }],
      acc.config,
    ),
  }));
}

/**
 * Results per official and period, sorted by period, unit code, official code; an official's
 * postal rates use the catalogue of the official's unit, as the unit's do.
 */
export function officialResults(
  acc: DossierAccumulator,
  catalogue?: PostalCatalogue,
): GroupResult[] {
  return sortedGroups(acc).flatMap((g) =>
    [...g.officials.keys()].sort(compareText).map((official) => {
      const tally = g.officials.get(official) ?? emptyTally(true);
      return {
        period: g.period,
        unitCode: g.unitCode,
        officialCode: official,
        evaluation: evaluateTally(tally, acc.config),
        rates: levelRates(
          [{ tally, catalogue: catalogueListFor(catalogue, g.unitCode) }],
          acc.config,
        ),
      };
    }),
  );
}

/** A unit to show in a quarterly view, scored or not. */
export interface ViewUnit {
  code: string;
  name?: string;
}

/** Label of a scored group whose percentage falls in no band. */
export const UNCLASSIFIED_LABEL = 'Chưa xếp loại';

/** What a count of the quarterly view counts: a class, or one of the states. */
export type CountKind = 'class' | 'unclassified' | 'no-dossiers' | 'not-scored';

/** One row of the quarterly view. */
export interface QuarterViewRow {
  unitCode: string;
  unitName: string;
  evaluation: Evaluation;
  /** The class label, or the state label for "no dossiers" and "not scored". */
  label: string;
}

/** Units of a district or province in one quarter, by class, with counts and area rates. */
export interface QuarterView {
  period: string;
  rows: QuarterViewRow[];
  /** Count per class label in band order, then the two states (only those that occur). */
  counts: { label: string; count: number; kind: CountKind }[];
  /** Summary line: "07 đơn vị đạt loại Xuất sắc; 04 đơn vị đạt loại Tốt; …" */
  summary: string;
  /** Rates over all listed units' dossiers. */
  rates: Record<RateKey, Rate>;
  /** Evaluation over all listed units' dossiers (art. 15 applied to the area). */
  areaEvaluation: Evaluation;
  area: DossierTally;
}

/**
 * The postal counts of an area whose units may fall under different catalogues (`byUnit`, the same
 * list object for the units of one catalogue, else `all`): see postalCountsOfMembers.
 */
export function areaPostalCounts(
  units: readonly ViewUnit[],
  tallies: readonly DossierTally[],
  catalogue: PostalCatalogue | undefined,
): PostalCounts | null {
  if (catalogue === undefined) return null;
  return postalCountsOfMembers(
    units.map((unit, i) => ({
      tally: tallies[i] ?? emptyTally(true),
      catalogue: catalogueListFor(catalogue, unit.code),
    })),
  );
}

/**
 * How many units of a level have each class or state, in the bands' order then the states, and
 * the sentence seed 003 writes of them ("07 đơn vị đạt loại Xuất sắc; 05 đơn vị chưa phát sinh
 * hồ sơ; …"), from each unit's label.
 */
export function levelCounts(
  labels: readonly string[],
  bands: BandPreset,
): { counts: QuarterView['counts']; summary: string } {
  const byLabel = new Map<string, number>();
  for (const label of labels) byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
  const order = [
    ...bands.bands.map((b) => b.label),
    UNCLASSIFIED_LABEL,
    NO_DOSSIERS_LABEL,
    NOT_SCORED_LABEL,
  ];
  const kindOf = (label: string): CountKind =>
    label === NO_DOSSIERS_LABEL
      ? 'no-dossiers'
      : label === NOT_SCORED_LABEL
        ? 'not-scored'
        : label === UNCLASSIFIED_LABEL
          ? 'unclassified'
          : 'class';
  const counts = order
    .filter((label) => (byLabel.get(label) ?? 0) > 0)
    .map((label) => ({ label, count: byLabel.get(label) ?? 0, kind: kindOf(label) }));
  const summary = counts
    .map(({ label, count, kind }) => {
      const n = String(count).padStart(2, '0');
      if (kind === 'no-dossiers') return `${n} đơn vị chưa phát sinh hồ sơ`;
      if (kind === 'not-scored') return `${n} chưa thực hiện việc chấm điểm`;
      return `${n} đơn vị đạt loại ${label}`;
    })
    .join('; ');
  return { counts, summary };
}

/** Builds the quarterly view of the given units (units without dossiers appear as such). */
export function quarterView(
  acc: DossierAccumulator,
  period: string,
  units: readonly ViewUnit[],
  catalogue?: PostalCatalogue,
): QuarterView {
  const config = acc.config;
  const rows: QuarterViewRow[] = [];
  const tallies: DossierTally[] = [];
  for (const unit of units) {
    const group = acc.periods.get(period)?.get(unit.code);
    const tally = group?.tally ?? emptyTally(true);
    tallies.push(tally);
    const evaluation = evaluateTally(tally, config);
    const label =
      evaluation.state === 'scored'
        ? (evaluation.className ?? UNCLASSIFIED_LABEL)
        : evaluation.label;
    rows.push({ unitCode: unit.code, unitName: unit.name ?? unit.code, evaluation, label });
  }
  const { counts, summary } = levelCounts(
    rows.map((r) => r.label),
    config.bands,
  );
  const area = combineTallies(tallies);
  return {
    period,
    rows,
    counts,
    summary,
    rates: ratesWithPostalCounts(area, config, areaPostalCounts(units, tallies, catalogue)),
    areaEvaluation: evaluateTally(area, config),
    area,
  };
}
