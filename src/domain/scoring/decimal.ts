/**
 * Exact numbers for scoring. Points are integers of hundredths (1,5 points = 150; 58,25 = 5825) and
 * rates are integer ratios, so sums never drift the way binary floats do. Rounding happens once, at
 * the step a methodology names, half-up (half away from zero: 66,65 → 66,7).
 *
 * Arithmetic stays in plain numbers while every intermediate product is a safe integer, and falls
 * back to bigint otherwise, so large counts (money in đồng, national totals) stay exact too.
 */
import { formatHundredths } from '../format.ts';

/** Outcome of parsing user text: the value, or a Vietnamese message saying what is wrong. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** An exact ratio of two integers; `den` is positive. */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

// "1,5" "1.5" "11,50" "2" "-0,25"; a lone separator of either kind is the decimal mark.
const PLAIN_NUMBER = /^([+-])?(\d+)(?:[.,](\d+))?$/;
// "1.234,5": dots group thousands when a comma is the decimal mark, as Vietnamese documents write.
const GROUPED_NUMBER = /^([+-])?(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;

/**
 * Parses a decimal number of points into hundredths: "1,5" and "1.5" → 150, "11,50" → 1150,
 * "1.234,5" → 123450. More than two decimals is an error, never a silent rounding.
 */
export function parseHundredths(
  text: string,
  options: { allowNegative?: boolean } = {},
): ParseResult<number> {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (trimmed === '') return { ok: false, error: 'Chưa nhập số' };
  const match = PLAIN_NUMBER.exec(trimmed) ?? GROUPED_NUMBER.exec(trimmed);
  if (!match) {
    return {
      ok: false,
      error: `“${text.trim()}” không phải là số hợp lệ (ví dụ đúng: 1,5 hoặc 11,25)`,
    };
  }
  const [, sign, intDigits = '', fraction = ''] = match;
  if (fraction.length > 2) {
    return {
      ok: false,
      error: `“${text.trim()}” có ${fraction.length} chữ số thập phân; điểm và tỷ lệ chỉ ghi tối đa hai chữ số sau dấu phẩy`,
    };
  }
  const negative = sign === '-';
  if (negative && !options.allowNegative) {
    return { ok: false, error: `“${text.trim()}” là số âm; ở đây chỉ nhận số không âm` };
  }
  const magnitude = Number(intDigits.replace(/\./g, '')) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(magnitude)) {
    return { ok: false, error: `“${text.trim()}” quá lớn` };
  }
  return { ok: true, value: negative && magnitude !== 0 ? -magnitude : magnitude };
}

/** Like parseHundredths but throws a RangeError; for literals in bundled data. */
export function toHundredths(text: string): number {
  const result = parseHundredths(text, { allowNegative: true });
  if (!result.ok) throw new RangeError(result.error);
  return result.value;
}

/** Formats points for display with two decimals, as scoring tables print them: 150 → "1,50". */
export function formatPoints(hundredths: number): string {
  return formatHundredths(hundredths, 2);
}

/**
 * Formats points with only the decimals they need and no thousands grouping: 150 → "1,5",
 * 200 → "2", 25 → "0,25". Used in rule text, where a grouping dot would read as a decimal mark.
 */
export function formatPointsCompact(hundredths: number): string {
  if (!Number.isSafeInteger(hundredths)) throw new RangeError('hundredths must be an integer');
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const intPart = Math.floor(abs / 100);
  const fraction = abs % 100;
  if (fraction === 0) return `${sign}${intPart}`;
  const digits = String(fraction).padStart(2, '0').replace(/0$/, '');
  return `${sign}${intPart},${digits}`;
}

/** Builds a ratio, checking that both parts are safe integers and the denominator is positive. */
export function ratio(num: number, den: number): Ratio {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) {
    throw new RangeError(`not a valid ratio: ${num}/${den}`);
  }
  return { num, den };
}

function assertIntegers(...values: number[]): void {
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not a safe integer: ${v}`);
  }
}

/** Integer quotient rounded half away from zero: divRoundHalfUp(2, 3) = 1, divRoundHalfUp(-5, 10) = -1. */
export function divRoundHalfUp(num: number, den: number): number {
  return mulDivRoundHalfUp(num, 1, den);
}

/** round(a × b / den), half away from zero, exact for any safe integers (den ≠ 0). */
export function mulDivRoundHalfUp(a: number, b: number, den: number): number {
  assertIntegers(a, b, den);
  if (den === 0) throw new RangeError('division by zero');
  const negative = (a < 0 !== b < 0) !== den < 0;
  const p = Math.abs(a) * Math.abs(b);
  const d = Math.abs(den);
  let q: number;
  if (Number.isSafeInteger(2 * p + d)) {
    q = floorDivSafe(2 * p + d, 2 * d);
  } else {
    // BigInt(2), not 2n: the web build's target (browsers of about 2020) has no BigInt literals.
    const two = BigInt(2);
    const big = (two * BigInt(Math.abs(a)) * BigInt(Math.abs(b)) + BigInt(d)) / (two * BigInt(d));
    q = toSafeNumber(big);
  }
  // Never return -0: it is a distinct value to strict equality checks downstream.
  return negative && q !== 0 ? -q : q;
}

/** floor(a × b / den) for non-negative a, b and positive den. */
export function mulDivFloor(a: number, b: number, den: number): number {
  assertIntegers(a, b, den);
  if (a < 0 || b < 0 || den <= 0) throw new RangeError('mulDivFloor expects a, b ≥ 0 and den > 0');
  const p = a * b;
  if (Number.isSafeInteger(p)) return floorDivSafe(p, den);
  return toSafeNumber((BigInt(a) * BigInt(b)) / BigInt(den));
}

// Float division can land on the next integer when the true quotient is just below it; the
// remainder check puts it back, so the result is exact for safe non-negative integers.
function floorDivSafe(x: number, y: number): number {
  let q = Math.floor(x / y);
  const r = x - q * y;
  if (r < 0) q -= 1;
  else if (r >= y) q += 1;
  return q;
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError('result exceeds the safe integer range');
  return n;
}

/** Compares a × b with c × d exactly (all safe integers). */
export function compareProducts(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const left = a * b;
  const right = c * d;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const l = BigInt(a) * BigInt(b);
  const r = BigInt(c) * BigInt(d);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Compares two ratios exactly. */
export function compareRatios(a: Ratio, b: Ratio): -1 | 0 | 1 {
  return compareProducts(a.num, b.den, b.num, a.den);
}

/**
 * Compares a ratio, read as a percentage, with a percentage given in hundredths of a percent:
 * compareRatioToPercent({num: 7, den: 10}, 7000) = 0 (70 % against 70,00 %).
 */
export function compareRatioToPercent(r: Ratio, percentHundredths: number): -1 | 0 | 1 {
  return compareProducts(r.num, 10000, percentHundredths, r.den);
}

/** The power of ten for a number of decimals. */
function scaleOf(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`unsupported number of decimals: ${decimals}`);
  }
  return 10 ** decimals;
}

/**
 * A ratio as a percentage scaled to the given decimals, rounded half-up:
 * percentScaled(6/9, 1) = 667 (66,7 %), percentScaled(5825/10000, 2) = 5825 (58,25 %).
 */
export function percentScaled(r: Ratio, decimals: number): number {
  return mulDivRoundHalfUp(r.num, 100 * scaleOf(decimals), r.den);
}

/** Writes a scaled integer with a decimal comma: formatScaled(667, 1) = "66,7". */
export function formatScaled(value: number, decimals: 0 | 1 | 2): string {
  assertIntegers(value);
  return formatHundredths(value * 10 ** (2 - decimals), decimals);
}

/** A ratio as a Vietnamese percentage: formatPercent(6/9) = "66,7 %". */
export function formatPercent(r: Ratio, decimals: 0 | 1 | 2 = 1): string {
  return `${formatScaled(percentScaled(r, decimals), decimals)} %`;
}

/**
 * A percentage held in hundredths of a percent, with only the decimals it needs:
 * 8000 → "80", 8750 → "87,5". Used for band bounds.
 */
export function formatPercentBound(percentHundredths: number): string {
  return formatPointsCompact(percentHundredths);
}
