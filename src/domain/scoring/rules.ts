/**
 * Scoring rules of a sub-criterion (tiêu chí thành phần) as plain JSON data, the inputs each rule
 * needs (so the app can render the form), the score with a Vietnamese explanation, and checks of a
 * rule against its node's max.
 *
 * Units: every point value in a rule or an input is an integer of hundredths (0,5 points = 50) and
 * every percentage is an integer of hundredths of a percent (80 % = 8000). Dates are ISO
 * "YYYY-MM-DD". Rates are entered as two integers (6 of 9), never as a float.
 *
 * Decisions (to confirm with the product owner, see also rule-text.ts):
 * - Bands are half-open [from, to) as documents write "từ a % đến dưới b %". So that 100 % is
 *   reachable, a band ending at exactly 100 % may be closed (`toInclusive`, written "[80;100]"):
 *   "từ 80 % đến 100 %". Only that band may be closed, so "[0;100)=0; [100;∞)=1" (below plan /
 *   plan met) stays expressible. A band with no upper bound (to = null) takes everything from its
 *   lower bound, including rates above 100 % (revenue against plan); only a rule with such a band
 *   accepts a rate above 100 %.
 * - Proportional: max × rate is rounded half-up to hundredths first (the value a user sees), then
 *   down to the optional step.
 * - Penalty rules and nodes score a magnitude (2,00 = two points off); the tree subtracts it.
 * - Not applicable is allowed only where the rule (or node) says how to treat it.
 */
import {
  compareRatioToPercent,
  formatPercent,
  formatPercentBound,
  formatPoints,
  mulDivFloor,
  mulDivRoundHalfUp,
  ratio,
  type Ratio,
} from './decimal.ts';
import { formatDateShort } from '../format.ts';

/** How a "not applicable" answer counts: removed from score and max, or scored 0 out of max. */
export type NotApplicablePolicy = 'exclude' | 'zero';

interface RuleBase {
  /** Absent: the node cannot be marked not applicable. */
  notApplicable?: NotApplicablePolicy;
}

/** The appraiser enters a score from 0 to the max. */
export interface JudgementRule extends RuleBase {
  type: 'judgement';
}

/** Met → full points, not met → 0. */
export interface YesNoRule extends RuleBase {
  type: 'yes_no';
}

/** One band of a rate: [fromPercent, toPercent) → points, or [fromPercent, 100 %] when closed. */
export interface RateBand {
  /** Lower bound, inclusive, in hundredths of a percent. */
  fromPercent: number;
  /** Upper bound, exclusive unless `toInclusive`; null = no upper bound. */
  toPercent: number | null;
  /** Includes the upper bound; allowed only when toPercent is 10000 (100 %). */
  toInclusive?: boolean;
  /** Points for a rate in this band, in hundredths. */
  points: number;
}

/** Points by the band a rate falls in ("từ 70 % đến dưới 80 %" → 0,5). */
export interface BandsRule extends RuleBase {
  type: 'bands';
  bands: RateBand[];
}

/** Max × rate, half-up to hundredths, then down to the optional step (e.g. 25 = 0,25 points). */
export interface ProportionalRule extends RuleBase {
  type: 'proportional';
  step?: number;
}

/** Start at the max and take off `perIncident` per late or missing report, not below `floor` (0). */
export interface DeductionRule extends RuleBase {
  type: 'deduction';
  perIncident: number;
  floor?: number;
}

/** Issued on or before the deadline → max; later → latePoints (0 after lateUntil); never → 0. */
export interface TimelinessRule extends RuleBase {
  type: 'timeliness';
  deadline: string;
  latePoints: number;
  lateUntil?: string;
}

/** Bonus points per item, up to a cap (default: the node's max). */
export interface BonusRule extends RuleBase {
  type: 'bonus';
  perItem: number;
  cap?: number;
}

/** Penalty points per item, up to a cap (default: the node's max); scored as a magnitude. */
export interface PenaltyRule extends RuleBase {
  type: 'penalty';
  perItem: number;
  cap?: number;
}

/** A scoring rule: plain, JSON-serialisable data. */
export type ScoringRule =
  | JudgementRule
  | YesNoRule
  | BandsRule
  | ProportionalRule
  | DeductionRule
  | TimelinessRule
  | BonusRule
  | PenaltyRule;

export type ScoringRuleType = ScoringRule['type'];

/** Vietnamese names of the rule types, for lists and messages. */
export const RULE_TYPE_LABELS: Readonly<Record<ScoringRuleType, string>> = {
  judgement: 'Chấm điểm trực tiếp',
  yes_no: 'Có/không',
  bands: 'Theo khung tỷ lệ',
  proportional: 'Tỷ lệ thuận',
  deduction: 'Trừ điểm theo lần',
  timeliness: 'Đúng hạn',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
};

// ---------------------------------------------------------------------------------------------
// Inputs

/** An entered rate: `numerator` of `denominator` (6 of 9 officials). */
export interface RateValue {
  numerator: number;
  denominator: number;
}

/** One entered value: score (hundredths), count, boolean, ISO date or null (not issued), rate. */
export type InputValue = number | boolean | string | null | RateValue;

/** Entered values by input key. */
export type RuleInputValues = Readonly<Record<string, InputValue | undefined>>;

/** Key of the optional "not applicable" checkbox, offered when the rule allows N/A. */
export const NOT_APPLICABLE_INPUT = 'notApplicable';

/** What the form must ask for; labels are Vietnamese. */
export type RuleInputDescriptor =
  | { key: string; type: 'score'; label: string; maxHundredths: number | null }
  | { key: string; type: 'boolean'; label: string; optional: boolean }
  | {
      key: string;
      type: 'rate';
      label: string;
      numeratorLabel: string;
      denominatorLabel: string;
      allowAbove100: boolean;
    }
  | { key: string; type: 'count'; label: string }
  | { key: string; type: 'date'; label: string; nullLabel: string };

// One label per input, shared by the form and the error messages so they always match.
const LABELS = {
  score: 'Điểm chấm',
  achieved: 'Đạt yêu cầu',
  rate: 'Tỷ lệ đạt',
  incidents: 'Số lần vi phạm (trễ hạn, thiếu, sai sót)',
  issuedOn: 'Ngày ban hành',
  bonusItems: 'Số nội dung được cộng điểm',
  penaltyItems: 'Số nội dung bị trừ điểm',
} as const;

/** The inputs a rule needs, in form order; `maxHundredths` fills in the score input's bound. */
export function ruleInputs(rule: ScoringRule, maxHundredths?: number): RuleInputDescriptor[] {
  const inputs: RuleInputDescriptor[] = [];
  switch (rule.type) {
    case 'judgement':
      inputs.push({
        key: 'score',
        type: 'score',
        label: LABELS.score,
        maxHundredths: maxHundredths ?? null,
      });
      break;
    case 'yes_no':
      inputs.push({ key: 'achieved', type: 'boolean', label: LABELS.achieved, optional: false });
      break;
    case 'bands':
    case 'proportional':
      inputs.push({
        key: 'rate',
        type: 'rate',
        label: LABELS.rate,
        numeratorLabel: 'Số đạt (tử số)',
        denominatorLabel: 'Tổng số (mẫu số)',
        allowAbove100: rule.type === 'bands' && rule.bands.some((b) => b.toPercent === null),
      });
      break;
    case 'deduction':
      inputs.push({ key: 'incidents', type: 'count', label: LABELS.incidents });
      break;
    case 'timeliness':
      inputs.push({
        key: 'issuedOn',
        type: 'date',
        label: LABELS.issuedOn,
        nullLabel: 'Không ban hành',
      });
      break;
    case 'bonus':
      inputs.push({ key: 'items', type: 'count', label: LABELS.bonusItems });
      break;
    case 'penalty':
      inputs.push({ key: 'items', type: 'count', label: LABELS.penaltyItems });
      break;
    default:
      return assertNever(rule);
  }
  if (rule.notApplicable) {
    inputs.push({
      key: NOT_APPLICABLE_INPUT,
      type: 'boolean',
      label: 'Không áp dụng (KAD)',
      optional: true,
    });
  }
  return inputs;
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** A score with its explanation, or the input that is missing or invalid. */
export type ScoreResult =
  | { ok: true; score: number; notApplicable: boolean; explanation: string }
  | { ok: false; input: string; message: string };

/**
 * Scores one node from its inputs: `{ score, explanation }` such as "6/9 = 66,7 % → 1,00 điểm
 * (1,50 × 6/9)", or an error naming the input. The score stays within [floor, max].
 */
export function scoreNode(
  rule: ScoringRule,
  maxHundredths: number,
  inputs: RuleInputValues,
): ScoreResult {
  return evaluate(rule, maxHundredths, inputs, true);
}

/** Same score as scoreNode without building the explanation; for bulk recomputation. */
export function computeScore(
  rule: ScoringRule,
  maxHundredths: number,
  inputs: RuleInputValues,
): ScoreResult {
  return evaluate(rule, maxHundredths, inputs, false);
}

type Failure = { ok: false; input: string; message: string };
type Read<T> = { ok: true; value: T } | Failure;

const fail = (input: string, message: string): Failure => ({ ok: false, input, message });
const pts = (h: number): string => `${formatPoints(h)} điểm`;
const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

function evaluate(
  rule: ScoringRule,
  max: number,
  inputs: RuleInputValues,
  explain: boolean,
): ScoreResult {
  if (!Number.isSafeInteger(max) || max < 0) {
    return fail('max', 'Điểm tối đa của tiêu chí không hợp lệ');
  }
  const na = inputs[NOT_APPLICABLE_INPUT];
  if (na !== undefined && na !== false) {
    if (na !== true) return fail(NOT_APPLICABLE_INPUT, '“Không áp dụng” phải là có hoặc không');
    if (!rule.notApplicable) {
      return fail(NOT_APPLICABLE_INPUT, 'Tiêu chí này không được đánh giá là “không áp dụng”');
    }
    const explanation = !explain
      ? ''
      : rule.notApplicable === 'exclude'
        ? 'Không áp dụng → loại khỏi cả điểm đạt và điểm tối đa'
        : `Không áp dụng → 0,00 điểm (vẫn tính điểm tối đa ${formatPoints(max)})`;
    return { ok: true, score: 0, notApplicable: true, explanation };
  }
  switch (rule.type) {
    case 'judgement': {
      const s = readScore(inputs, 'score', LABELS.score, max);
      if (!s.ok) return s;
      return done(
        s.value,
        explain ? `Chấm điểm trực tiếp: ${formatPoints(s.value)}/${pts(max)}` : '',
      );
    }
    case 'yes_no': {
      const a = readBoolean(inputs, 'achieved', LABELS.achieved);
      if (!a.ok) return a;
      return done(
        a.value ? max : 0,
        explain ? (a.value ? `Đạt → ${pts(max)}` : 'Không đạt → 0,00 điểm') : '',
      );
    }
    case 'bands':
      return scoreBands(rule, max, inputs, explain);
    case 'proportional':
      return scoreProportional(rule, max, inputs, explain);
    case 'deduction': {
      const n = readCount(inputs, 'incidents', LABELS.incidents);
      if (!n.ok) return n;
      const floor = clamp(rule.floor ?? 0, 0, max);
      const deducted = n.value * rule.perIncident;
      const score = clamp(max - deducted, floor, max);
      if (!explain) return done(score, '');
      if (n.value === 0) return done(score, `Không có lần vi phạm → ${pts(score)}`);
      const base = `${n.value} lần × ${formatPoints(rule.perIncident)} = ${formatPoints(deducted)} điểm bị trừ`;
      if (max - deducted >= floor) {
        return done(
          score,
          `${base} → ${formatPoints(max)} − ${formatPoints(deducted)} = ${pts(score)}`,
        );
      }
      return done(
        score,
        floor === 0
          ? `${base} → ${pts(0)} (không tính điểm âm)`
          : `${base} → không thấp hơn mức sàn ${formatPoints(floor)} → ${pts(score)}`,
      );
    }
    case 'timeliness':
      return scoreTimeliness(rule, max, inputs, explain);
    case 'bonus':
    case 'penalty': {
      const n = readCount(
        inputs,
        'items',
        rule.type === 'bonus' ? LABELS.bonusItems : LABELS.penaltyItems,
      );
      if (!n.ok) return n;
      const cap = clamp(rule.cap ?? max, 0, max);
      const raw = n.value * rule.perItem;
      const score = Math.min(raw, cap);
      if (!explain) return done(score, '');
      const what = rule.type === 'bonus' ? 'điểm cộng' : 'điểm trừ';
      const base = `${n.value} nội dung × ${formatPoints(rule.perItem)} = ${formatPoints(raw)} ${what}`;
      return done(
        score,
        raw > cap
          ? `${base}, vượt mức tối đa ${formatPoints(cap)} → ${formatPoints(score)} ${what}`
          : `${base} (tối đa ${formatPoints(cap)}) → ${formatPoints(score)} ${what}`,
      );
    }
    default:
      return assertNever(rule);
  }
}

function done(score: number, explanation: string): ScoreResult {
  return { ok: true, score, notApplicable: false, explanation };
}

function scoreBands(
  rule: BandsRule,
  max: number,
  inputs: RuleInputValues,
  explain: boolean,
): ScoreResult {
  const allowAbove100 = rule.bands.some((b) => b.toPercent === null);
  const r = readRate(inputs, 'rate', LABELS.rate, allowAbove100);
  if (!r.ok) return r;
  const rate = r.value;
  const band = rule.bands.find((b) => bandContains(b, rate));
  const shown = explain ? `${rate.num}/${rate.den} = ${formatPercent(rate)}` : '';
  if (!band) {
    return done(0, explain ? `${shown}, không thuộc khung nào → 0,00 điểm` : '');
  }
  const score = clamp(band.points, 0, max);
  return done(score, explain ? `${shown} (khung ${describeBand(band)}) → ${pts(score)}` : '');
}

/** Whether a rate lies in a band: [from, to), or [from, to] when the band is closed. */
export function bandContains(band: RateBand, rate: Ratio): boolean {
  if (compareRatioToPercent(rate, band.fromPercent) < 0) return false;
  if (band.toPercent === null) return true;
  const upper = compareRatioToPercent(rate, band.toPercent);
  return upper < 0 || (upper === 0 && band.toInclusive === true);
}

/** Reads a band the way documents do: "từ 70 % đến dưới 80 %", "từ 80 % đến 100 %". */
export function describeBand(band: RateBand): string {
  const from = `${formatPercentBound(band.fromPercent)} %`;
  if (band.toPercent === null) return `từ ${from} trở lên`;
  const to = `${formatPercentBound(band.toPercent)} %`;
  if (band.toInclusive) {
    return band.fromPercent === band.toPercent ? `đạt ${to}` : `từ ${from} đến ${to}`;
  }
  return band.fromPercent === 0 ? `dưới ${to}` : `từ ${from} đến dưới ${to}`;
}

function scoreProportional(
  rule: ProportionalRule,
  max: number,
  inputs: RuleInputValues,
  explain: boolean,
): ScoreResult {
  const r = readRate(inputs, 'rate', LABELS.rate, false);
  if (!r.ok) return r;
  const { num, den } = r.value;
  const exact = mulDivRoundHalfUp(max, num, den);
  const step = rule.step !== undefined && rule.step > 0 ? rule.step : 0;
  const stepped = step > 0 ? mulDivFloor(exact, 1, step) * step : exact;
  const score = clamp(stepped, 0, max);
  if (!explain) return done(score, '');
  const product = `${formatPoints(max)} × ${num}/${den}`;
  const detail =
    score === exact
      ? `(${product})`
      : `(${product} = ${formatPoints(exact)}, làm tròn xuống theo bước ${formatPoints(step)})`;
  return done(score, `${num}/${den} = ${formatPercent(r.value)} → ${pts(score)} ${detail}`);
}

function scoreTimeliness(
  rule: TimelinessRule,
  max: number,
  inputs: RuleInputValues,
  explain: boolean,
): ScoreResult {
  const d = readDate(inputs, 'issuedOn', LABELS.issuedOn);
  if (!d.ok) return d;
  const deadline = explain ? `hạn ${formatDateShort(rule.deadline)}` : '';
  if (d.value === null) return done(0, explain ? `Không ban hành (${deadline}) → 0,00 điểm` : '');
  const issued = explain ? `Ban hành ngày ${formatDateShort(d.value)}` : '';
  // ISO dates compare correctly as strings.
  if (d.value <= rule.deadline) {
    return done(max, explain ? `${issued}, đúng hạn (${deadline}) → ${pts(max)}` : '');
  }
  if (rule.lateUntil !== undefined && d.value > rule.lateUntil) {
    return done(
      0,
      explain
        ? `${issued}, trễ quá ngày ${formatDateShort(rule.lateUntil)} (${deadline}) → 0,00 điểm`
        : '',
    );
  }
  const score = clamp(rule.latePoints, 0, max);
  return done(score, explain ? `${issued}, trễ hạn (${deadline}) → ${pts(score)}` : '');
}

// ---------------------------------------------------------------------------------------------
// Reading inputs

function readScore(inputs: RuleInputValues, key: string, label: string, max: number): Read<number> {
  const v = inputs[key];
  if (v === undefined || v === null) return fail(key, `Chưa nhập “${label}”`);
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    return fail(key, `“${label}” phải là số điểm, ghi tối đa hai chữ số thập phân`);
  }
  if (v < 0) return fail(key, `“${label}” không được âm`);
  if (v > max)
    return fail(key, `“${label}” ${formatPoints(v)} vượt điểm tối đa ${formatPoints(max)}`);
  return { ok: true, value: v };
}

function readBoolean(inputs: RuleInputValues, key: string, label: string): Read<boolean> {
  const v = inputs[key];
  if (v === undefined || v === null) return fail(key, `Chưa chọn “${label}”`);
  if (typeof v !== 'boolean') return fail(key, `“${label}” phải là có hoặc không`);
  return { ok: true, value: v };
}

const MAX_COUNT = 1_000_000_000;

function readCount(inputs: RuleInputValues, key: string, label: string): Read<number> {
  const v = inputs[key];
  if (v === undefined || v === null) return fail(key, `Chưa nhập “${label}”`);
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > MAX_COUNT) {
    return fail(key, `“${label}” phải là số nguyên không âm`);
  }
  return { ok: true, value: v };
}

function readRate(
  inputs: RuleInputValues,
  key: string,
  label: string,
  allowAbove100: boolean,
): Read<Ratio> {
  const v = inputs[key];
  if (v === undefined || v === null) return fail(key, `Chưa nhập “${label}”`);
  if (typeof v !== 'object') return fail(key, `“${label}” phải gồm số đạt và tổng số`);
  const { numerator, denominator } = v;
  if (!Number.isSafeInteger(denominator) || denominator <= 0 || denominator > MAX_COUNT) {
    return fail(key, `“${label}”: tổng số (mẫu số) phải là số nguyên lớn hơn 0`);
  }
  if (!Number.isSafeInteger(numerator) || numerator < 0 || numerator > MAX_COUNT) {
    return fail(key, `“${label}”: số đạt (tử số) phải là số nguyên không âm`);
  }
  if (numerator > denominator && !allowAbove100) {
    return fail(
      key,
      `“${label}”: số đạt (${numerator}) không được lớn hơn tổng số (${denominator})`,
    );
  }
  return { ok: true, value: ratio(numerator, denominator) };
}

function readDate(inputs: RuleInputValues, key: string, label: string): Read<string | null> {
  const v = inputs[key];
  if (v === undefined) return fail(key, `Chưa nhập “${label}” (hoặc chọn “Không ban hành”)`);
  if (v === null) return { ok: true, value: null };
  if (typeof v !== 'string' || !isIsoDate(v)) {
    return fail(key, `“${label}” không phải ngày hợp lệ`);
  }
  return { ok: true, value: v };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date written YYYY-MM-DD (2022-02-29 is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

// ---------------------------------------------------------------------------------------------
// Validation

/**
 * Checks a rule against its node's max and returns Vietnamese problems (empty when sound):
 * overlapping or gapped bands, a band or cap worth more than the node, negative values, bad dates.
 */
export function validateRule(rule: ScoringRule, maxHundredths: number): string[] {
  const problems: string[] = [];
  const isPoints = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
  const checkPoints = (value: unknown, what: string): value is number => {
    if (!isPoints(value)) {
      problems.push(`${what} không phải số điểm hợp lệ (ghi tối đa hai chữ số thập phân)`);
      return false;
    }
    if (value < 0) {
      problems.push(`${what} không được âm (${formatPoints(value)})`);
      return false;
    }
    return true;
  };
  if (!isPoints(maxHundredths) || maxHundredths <= 0) {
    problems.push('Điểm tối đa của tiêu chí phải lớn hơn 0');
  }
  const max = isPoints(maxHundredths) ? maxHundredths : 0;
  const notAbove = (value: number, what: string): void => {
    if (value > max) {
      problems.push(
        `${what} (${formatPoints(value)}) vượt điểm tối đa của tiêu chí (${formatPoints(max)})`,
      );
    }
  };
  if (
    rule.notApplicable !== undefined &&
    rule.notApplicable !== 'exclude' &&
    rule.notApplicable !== 'zero'
  ) {
    problems.push('Cách tính “không áp dụng” phải là “loại trừ” hoặc “tính 0”');
  }
  switch (rule.type) {
    case 'judgement':
    case 'yes_no':
      break;
    case 'bands':
      validateBands(rule.bands, max, problems);
      break;
    case 'proportional':
      if (rule.step !== undefined && checkPoints(rule.step, 'Bước làm tròn')) {
        if (rule.step === 0) problems.push('Bước làm tròn phải lớn hơn 0');
        else if (rule.step > max) notAbove(rule.step, 'Bước làm tròn');
        else if (max % rule.step !== 0) {
          problems.push(
            `Điểm tối đa ${formatPoints(max)} không chia hết cho bước làm tròn ${formatPoints(rule.step)} nên không bao giờ đạt điểm tối đa`,
          );
        }
      }
      break;
    case 'deduction':
      if (checkPoints(rule.perIncident, 'Số điểm trừ mỗi lần') && rule.perIncident === 0) {
        problems.push('Số điểm trừ mỗi lần phải lớn hơn 0');
      }
      if (rule.floor !== undefined && checkPoints(rule.floor, 'Mức sàn'))
        notAbove(rule.floor, 'Mức sàn');
      break;
    case 'timeliness': {
      const deadlineOk = typeof rule.deadline === 'string' && isIsoDate(rule.deadline);
      if (!deadlineOk) problems.push('Hạn ban hành không phải ngày hợp lệ');
      if (checkPoints(rule.latePoints, 'Điểm khi ban hành trễ'))
        notAbove(rule.latePoints, 'Điểm khi ban hành trễ');
      if (rule.lateUntil !== undefined) {
        if (typeof rule.lateUntil !== 'string' || !isIsoDate(rule.lateUntil)) {
          problems.push('Ngày hết nhận trễ không phải ngày hợp lệ');
        } else if (deadlineOk && rule.lateUntil <= rule.deadline) {
          problems.push(
            `Ngày hết nhận trễ (${formatDateShort(rule.lateUntil)}) phải sau hạn ban hành (${formatDateShort(rule.deadline)})`,
          );
        }
      }
      break;
    }
    case 'bonus':
    case 'penalty': {
      const what = rule.type === 'bonus' ? 'cộng' : 'trừ';
      if (checkPoints(rule.perItem, `Số điểm ${what} mỗi nội dung`) && rule.perItem === 0) {
        problems.push(`Số điểm ${what} mỗi nội dung phải lớn hơn 0`);
      }
      if (rule.cap !== undefined && checkPoints(rule.cap, `Mức ${what} tối đa`)) {
        if (rule.cap === 0) problems.push(`Mức ${what} tối đa phải lớn hơn 0`);
        notAbove(rule.cap, `Mức ${what} tối đa`);
      }
      break;
    }
    default: {
      const unknown: { type?: unknown } = rule;
      problems.push(`Loại quy tắc “${String(unknown.type)}” không được hỗ trợ`);
    }
  }
  return problems;
}

function validateBands(bands: readonly RateBand[], max: number, problems: string[]): void {
  if (!Array.isArray(bands) || bands.length === 0) {
    problems.push('Quy tắc theo khung cần ít nhất một khung');
    return;
  }
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
  let wellFormed = true;
  for (const band of bands) {
    const from = band.fromPercent;
    const to = band.toPercent;
    if (!isInt(from) || from < 0 || (to !== null && (!isInt(to) || to > 10000))) {
      problems.push(
        'Mỗi khung phải có cận dưới từ 0 % và cận trên không quá 100 % (hoặc để trống)',
      );
      wellFormed = false;
      continue;
    }
    if (band.toInclusive && to !== 10000) {
      problems.push(`Khung ${bandText(band)}: chỉ khung kết thúc ở 100 % mới được gồm cận trên`);
      wellFormed = false;
    } else if (to !== null && !(from < to || (from === to && band.toInclusive))) {
      problems.push(`Khung ${bandText(band)} có cận dưới không nhỏ hơn cận trên`);
      wellFormed = false;
    }
    if (!isInt(band.points)) {
      problems.push(`Khung ${bandText(band)} có số điểm không hợp lệ`);
    } else if (band.points < 0) {
      problems.push(`Khung ${bandText(band)} có số điểm âm`);
    } else if (band.points > max) {
      problems.push(
        `Khung ${bandText(band)} cho ${formatPoints(band.points)} điểm, vượt điểm tối đa của tiêu chí (${formatPoints(max)})`,
      );
    }
  }
  if (!wellFormed) return;
  for (let i = 1; i < bands.length; i++) {
    const prev = bands[i - 1];
    const cur = bands[i];
    if (!prev || !cur) continue;
    if (cur.fromPercent < prev.fromPercent) {
      problems.push('Các khung phải xếp theo tỷ lệ tăng dần');
      return;
    }
  }
  const first = bands[0];
  if (first && first.fromPercent > 0) {
    problems.push(`Không có khung cho tỷ lệ dưới ${formatPercentBound(first.fromPercent)} %`);
  }
  for (let i = 1; i < bands.length; i++) {
    const prev = bands[i - 1];
    const cur = bands[i];
    if (!prev || !cur) continue;
    if (prev.toPercent === null) {
      problems.push(
        `Khung ${bandText(prev)} không có cận trên nên trùng với khung ${bandText(cur)}`,
      );
    } else if (prev.toInclusive && cur.fromPercent <= prev.toPercent) {
      problems.push(`Khung ${bandText(prev)} đã gồm 100 % nên trùng với khung ${bandText(cur)}`);
    } else if (cur.fromPercent < prev.toPercent) {
      problems.push(`Khung ${bandText(prev)} và khung ${bandText(cur)} chồng lên nhau`);
    } else if (cur.fromPercent > prev.toPercent) {
      problems.push(
        `Có khoảng trống giữa các khung: tỷ lệ từ ${formatPercentBound(prev.toPercent)} % đến dưới ${formatPercentBound(cur.fromPercent)} % không thuộc khung nào`,
      );
    }
  }
  const last = bands[bands.length - 1];
  if (last && last.toPercent !== null && last.toPercent < 10000) {
    problems.push(`Không có khung cho tỷ lệ từ ${formatPercentBound(last.toPercent)} % đến 100 %`);
  } else if (last && last.toPercent === 10000 && !last.toInclusive) {
    problems.push(
      `Tỷ lệ 100 % không thuộc khung nào; khung cuối ghi [${formatPercentBound(last.fromPercent)};100] để gồm 100 %`,
    );
  }
  if (max > 0 && bands.every((b) => b.points < max)) {
    problems.push(`Không khung nào cho điểm tối đa ${formatPoints(max)}`);
  }
}

/** A band in bracket notation for messages: "[50 %; 80 %)". */
function bandText(band: RateBand): string {
  const from = typeof band.fromPercent === 'number' ? formatPercentBound(band.fromPercent) : '?';
  if (band.toPercent === null) return `[${from} %; ∞)`;
  const to = typeof band.toPercent === 'number' ? formatPercentBound(band.toPercent) : '?';
  return `[${from} %; ${to} %${band.toInclusive ? ']' : ')'}`;
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
