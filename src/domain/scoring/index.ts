/**
 * PAR index maths: the index percentage, classification into bands, competition ranking,
 * year-over-year ratio, shares of a whole that add up to exactly 100 %, and survey points from a
 * SIPAS index. (This module is the index calculator, not a barrel file.)
 *
 * Percentages are exact ratios until presentation; the published value has two decimals, half-up.
 * Decision to confirm: units are classified and ranked on that published two-decimal value, so
 * two units shown as 80,00 % never land in different classes or ranks.
 */
import {
  compareRatioToPercent,
  formatPercentBound,
  formatPoints,
  formatScaled,
  mulDivRoundHalfUp,
  percentScaled,
  ratio,
  type Ratio,
} from './decimal.ts';

/** Points in hundredths; the survey counts only when both survey values are given. */
export interface IndexInput {
  appraised: number;
  maxAppraised: number;
  survey?: number;
  maxSurvey?: number;
}

/** An index: the exact ratio, the published value in hundredths of a percent, and its text. */
export interface IndexValue {
  ratio: Ratio;
  /** Percent × 100, half-up: 5825 for 58,25 %. */
  hundredths: number;
  /** "58,25" */
  text: string;
}

/**
 * index % = (appraised + survey) / (maxAppraised + maxSurvey) × 100, or appraised / maxAppraised
 * × 100 without a survey; exact, published with two decimals.
 */
export function computeIndex(input: IndexInput): IndexValue {
  const { appraised, maxAppraised, survey, maxSurvey } = input;
  if (survey !== undefined && maxSurvey === undefined) {
    throw new RangeError('Có điểm điều tra xã hội học nhưng thiếu điểm tối đa của phần điều tra');
  }
  const withSurvey = survey !== undefined && maxSurvey !== undefined;
  const num = appraised + (withSurvey ? survey : 0);
  const den = maxAppraised + (withSurvey ? maxSurvey : 0);
  for (const v of [appraised, maxAppraised, survey ?? 0, maxSurvey ?? 0]) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError('Điểm phải là số không âm (phần trăm điểm)');
  }
  if (den <= 0) throw new RangeError('Tổng điểm tối đa phải lớn hơn 0');
  const r = ratio(num, den);
  const hundredths = percentScaled(r, 2);
  return { ratio: r, hundredths, text: formatScaled(hundredths, 2) };
}

/** A class band over the index: [fromPercent, toPercent) in hundredths of a percent. */
export interface ClassBand {
  label: string;
  fromPercent: number;
  /** Exclusive unless `toInclusive` (allowed at 100 % only); null = no upper bound. */
  toPercent: number | null;
  toInclusive?: boolean;
}

/** Default classes (to confirm per province): Tốt ≥ 80 %, Khá 65–<80 %, Trung bình 50–<65 %, Yếu < 50 %. */
export const DEFAULT_PAR_BANDS: readonly ClassBand[] = Object.freeze([
  { label: 'Tốt', fromPercent: 8000, toPercent: null },
  { label: 'Khá', fromPercent: 6500, toPercent: 8000 },
  { label: 'Trung bình', fromPercent: 5000, toPercent: 6500 },
  { label: 'Yếu', fromPercent: 0, toPercent: 5000 },
]);

/** National groups for provinces: A ≥ 90 %, B 80–<90 %, C 70–<80 % (below 70 %: no group). */
export const NATIONAL_PROVINCE_GROUPS: readonly ClassBand[] = Object.freeze([
  { label: 'A', fromPercent: 9000, toPercent: null },
  { label: 'B', fromPercent: 8000, toPercent: 9000 },
  { label: 'C', fromPercent: 7000, toPercent: 8000 },
]);

/**
 * The class of an index: pass the published value in hundredths of a percent (5825), or an exact
 * ratio to classify on the unrounded value. Returns null when no band contains it.
 */
export function classify(
  index: number | Ratio,
  bands: readonly ClassBand[] = DEFAULT_PAR_BANDS,
): string | null {
  const cmp = (bound: number): number =>
    typeof index === 'number' ? Math.sign(index - bound) : compareRatioToPercent(index, bound);
  for (const band of bands) {
    if (cmp(band.fromPercent) < 0) continue;
    if (band.toPercent === null) return band.label;
    const upper = cmp(band.toPercent);
    if (upper < 0 || (upper === 0 && band.toInclusive === true)) return band.label;
  }
  return null;
}

/** Checks class bands: labels, bounds, gaps and overlaps, in Vietnamese. */
export function validateClassBands(bands: readonly ClassBand[]): string[] {
  const problems: string[] = [];
  if (bands.length === 0) return ['Chưa có mức xếp loại nào'];
  const labels = new Set<string>();
  for (const band of bands) {
    if (band.label.trim() === '') problems.push('Có mức xếp loại chưa đặt tên');
    if (labels.has(band.label)) problems.push(`Tên mức xếp loại “${band.label}” bị trùng`);
    labels.add(band.label);
    const okFrom = Number.isSafeInteger(band.fromPercent) && band.fromPercent >= 0;
    const okTo =
      band.toPercent === null ||
      (Number.isSafeInteger(band.toPercent) &&
        band.toPercent <= 10000 &&
        (!band.toInclusive || band.toPercent === 10000));
    if (!okFrom || !okTo || (band.toPercent !== null && band.toPercent <= band.fromPercent)) {
      problems.push(`Mức “${band.label}” có cận không hợp lệ`);
    }
  }
  if (problems.length > 0) return problems;
  const sorted = [...bands].sort((a, b) => a.fromPercent - b.fromPercent);
  if ((sorted[0]?.fromPercent ?? 0) > 0) {
    problems.push(
      `Không có mức xếp loại cho chỉ số dưới ${formatPercentBound(sorted[0]?.fromPercent ?? 0)} %`,
    );
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (!prev || !cur) continue;
    if (
      prev.toPercent === null ||
      prev.toPercent > cur.fromPercent ||
      (prev.toInclusive && prev.toPercent === cur.fromPercent)
    ) {
      problems.push(`Mức “${prev.label}” và mức “${cur.label}” chồng lên nhau`);
    } else if (prev.toPercent < cur.fromPercent) {
      problems.push(
        `Không có mức xếp loại cho chỉ số từ ${formatPercentBound(prev.toPercent)} % đến dưới ${formatPercentBound(cur.fromPercent)} %`,
      );
    }
  }
  const last = sorted[sorted.length - 1];
  if (last && last.toPercent !== null && (last.toPercent < 10000 || !last.toInclusive)) {
    problems.push(
      `Không có mức xếp loại cho chỉ số từ ${formatPercentBound(last.toPercent)} % trở lên`,
    );
  }
  return problems;
}

/** A value to rank, higher is better. */
export interface RankEntry {
  id: string;
  value: number;
}

/** A ranked entry; equal values share a rank. */
export interface RankedEntry extends RankEntry {
  rank: number;
}

/**
 * Competition ranking, highest first: equal values share a rank and the next rank skips
 * (1, 1, 3). The result is ordered by rank then id, so it depends on the values alone.
 */
export function rankUnits(entries: readonly RankEntry[]): RankedEntry[] {
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new RangeError(`duplicate id in ranking: ${e.id}`);
    if (!Number.isFinite(e.value)) throw new RangeError(`value to rank is not a number: ${e.id}`);
    ids.add(e.id);
  }
  const sorted = entries
    .map((e) => ({ id: e.id, value: e.value }))
    .sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranked: RankedEntry[] = [];
  let rank = 0;
  let previous: number | undefined;
  sorted.forEach((e, i) => {
    if (e.value !== previous) {
      rank = i + 1;
      previous = e.value;
    }
    ranked.push({ ...e, rank });
  });
  return ranked;
}

/**
 * Ranks units on each criterion separately (seed 004: "Cải cách thủ tục hành chính: 11,99/12
 * điểm, xếp hạng 1"). A unit without a value for a criterion is left out of that ranking.
 */
export function rankPerCriterion(
  units: readonly { id: string; scores: ReadonlyMap<string, number> }[],
): Map<string, RankedEntry[]> {
  const byCode = new Map<string, RankEntry[]>();
  for (const unit of units) {
    for (const [code, value] of unit.scores) {
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      list.push({ id: unit.id, value });
    }
  }
  const result = new Map<string, RankedEntry[]>();
  for (const [code, list] of byCode) result.set(code, rankUnits(list));
  return result;
}

/** This year against last year: ratio in tenths of a percent (896 = 89,6 %) and the difference. */
export interface YearOverYear {
  /** current / previous × 100 with one decimal, half-up; null when there is no previous value. */
  ratioTenths: number | null;
  /** "89,6 %" */
  ratioText: string | null;
  differenceHundredths: number;
  /** "-6,75" or "+3,76" */
  differenceText: string;
}

/** Compares a value with the previous year's (seed 000: 58,25 against 65 → 89,6 %). */
export function yearOverYear(current: number, previous: number): YearOverYear {
  if (!Number.isSafeInteger(current) || !Number.isSafeInteger(previous)) {
    throw new RangeError('values must be integers of hundredths');
  }
  const difference = current - previous;
  const differenceText = `${difference > 0 ? '+' : ''}${formatPoints(difference)}`;
  if (previous <= 0)
    return { ratioTenths: null, ratioText: null, differenceHundredths: difference, differenceText };
  const tenths = mulDivRoundHalfUp(current, 1000, previous);
  return {
    ratioTenths: tenths,
    ratioText: `${formatScaled(tenths, 1)} %`,
    differenceHundredths: difference,
    differenceText,
  };
}

/**
 * Shares of a whole rounded so they add up to exactly 100 % (largest remainder): counts 14, 1, 2
 * with one decimal give [823, 59, 118] = 82,3 / 5,9 / 11,8 %. Equal remainders go to the larger
 * count, then the earlier position. All zeros give all zeros.
 */
export function largestRemainderShares(
  counts: readonly number[],
  decimals: 0 | 1 | 2 = 1,
): number[] {
  for (const c of counts) {
    if (!Number.isSafeInteger(c) || c < 0)
      throw new RangeError('counts must be non-negative integers');
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const whole = 100 * 10 ** decimals;
  const floors = counts.map((c) => Math.floor((c * whole) / total));
  // Exact floor and remainder with integer maths (c × whole stays a safe integer for real counts).
  const parts = counts.map((c, i) => {
    const product = c * whole;
    let q = floors[i] ?? 0;
    let r = product - q * total;
    if (r < 0) {
      q -= 1;
      r += total;
    } else if (r >= total) {
      q += 1;
      r -= total;
    }
    return { i, c, q, r };
  });
  let left = whole - parts.reduce((a, p) => a + p.q, 0);
  const order = [...parts].sort((a, b) => b.r - a.r || b.c - a.c || a.i - b.i);
  for (const p of order) {
    if (left <= 0) break;
    if (p.r === 0) continue;
    p.q += 1;
    left -= 1;
  }
  return parts.map((p) => p.q);
}

/**
 * Survey points from a satisfaction index: surveyMax × index %, half-up to hundredths. Pass the
 * index as hundredths of a percent (9337 = 93,37 %) or as an exact ratio (25/40).
 */
export function surveyPointsFromIndex(surveyMaxHundredths: number, index: number | Ratio): number {
  if (!Number.isSafeInteger(surveyMaxHundredths) || surveyMaxHundredths < 0) {
    throw new RangeError('survey max must be a non-negative integer of hundredths');
  }
  if (typeof index === 'number') {
    if (!Number.isSafeInteger(index) || index < 0)
      throw new RangeError('index must be hundredths of a percent');
    return mulDivRoundHalfUp(surveyMaxHundredths, index, 10000);
  }
  return mulDivRoundHalfUp(surveyMaxHundredths, index.num, index.den);
}
