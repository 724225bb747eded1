/**
 * SIPAS campaign parameters and sampling: the fields of service surveyed, the margin of error, which
 * answer levels count as satisfied and which overall method is published; the sample target per
 * unit and field from the number of transactions; and progress against those targets.
 *
 * Sample size is Yamane's n = N / (1 + N·e²), rounded UP to a whole form (a sample is never
 * smaller than the formula asks; N = 100, e = 5 % gives exactly 80; N = 1000 gives 285,71 → 286).
 * e is held in hundredths of a percent (500 = 5 %), so the computation is exact integer maths:
 * n = N·10⁸ / (10⁸ + N·e²).
 */
import {
  formatPercent,
  formatPointsCompact,
  formatScaled,
  mulDivRoundHalfUp,
  ratio,
  type Ratio,
} from '../scoring/decimal.ts';
import { formatHundredths } from '../format.ts';
import {
  SATISFACTION_LEVELS,
  isSatisfactionLevel,
  type SatisfactionLevel,
} from './questionnaire.ts';

/** A field of service (lĩnh vực) whose transactions are surveyed. */
export interface ServiceField {
  /** Stable code: "tu-phap-ho-tich". */
  id: string;
  name: string;
}

/** Common fields at district and commune level (a campaign picks and edits its own list). */
export const DEFAULT_SERVICE_FIELDS: readonly ServiceField[] = Object.freeze([
  { id: 'tu-phap-ho-tich', name: 'Tư pháp – Hộ tịch' },
  { id: 'lao-dong-tbxh', name: 'Lao động – Thương binh và Xã hội' },
  { id: 'dat-dai', name: 'Đất đai' },
  { id: 'cong-an', name: 'Công an' },
  { id: 'xay-dung', name: 'Xây dựng' },
  { id: 'dang-ky-kinh-doanh', name: 'Đăng ký kinh doanh' },
]);

/** How the overall index of a scope is published. */
export type OverallMethod = 'element-mean' | 'overall-question';

/** Vietnamese names of the overall methods. */
export const OVERALL_METHOD_LABELS: Readonly<Record<OverallMethod, string>> = Object.freeze({
  'element-mean': 'Trung bình cộng chỉ số các yếu tố',
  'overall-question': 'Tỷ lệ hài lòng ở câu hỏi đánh giá chung',
});

/** The SIPAS settings of one campaign. */
export interface SipasParams {
  questionnaireId: string;
  questionnaireVersion: string;
  fields: readonly ServiceField[];
  /** Margin of error e in hundredths of a percent: 500 = 5 %. */
  marginOfError: number;
  /** Levels counted as satisfied; default 4 and 5 (seed 000 counted 4 only). */
  satisfiedLevels: readonly SatisfactionLevel[];
  overallMethod: OverallMethod;
  /** Survey points this index becomes in the PAR index (hundredths), or null. */
  surveyMaxHundredths: number | null;
}

/** Defaults: e = 5 %, satisfied = "Hài lòng" + "Rất hài lòng", overall = mean of the elements. */
export const DEFAULT_SIPAS_PARAMS: SipasParams = Object.freeze({
  questionnaireId: 'sipas-bnv-2023',
  questionnaireVersion: '2023.1',
  fields: DEFAULT_SERVICE_FIELDS,
  marginOfError: 500,
  satisfiedLevels: Object.freeze([4, 5] as SatisfactionLevel[]),
  overallMethod: 'element-mean',
  surveyMaxHundredths: null,
});

/** A parameter problem located at a field ("fields[2].id", "satisfiedLevels"). */
export interface ParamsProblem {
  path: string;
  message: string;
}

/** Checks campaign SIPAS parameters; every problem in Vietnamese. */
export function validateSipasParams(params: SipasParams): ParamsProblem[] {
  const problems: ParamsProblem[] = [];
  const fail = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  if (params.questionnaireId.trim() === '') fail('questionnaireId', 'Chưa chọn bộ phiếu khảo sát');
  if (params.questionnaireVersion.trim() === '')
    fail('questionnaireVersion', 'Chưa chọn phiên bản phiếu khảo sát');
  if (params.fields.length === 0) fail('fields', 'Cần ít nhất một lĩnh vực khảo sát');
  const ids = new Set<string>();
  params.fields.forEach((field, i) => {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(field.id)) {
      fail(
        `fields[${i}].id`,
        `Mã lĩnh vực “${field.id}” không hợp lệ (chữ thường không dấu, chữ số, gạch ngang)`,
      );
    }
    if (ids.has(field.id)) fail(`fields[${i}].id`, `Mã lĩnh vực “${field.id}” bị trùng`);
    ids.add(field.id);
    if (field.name.trim() === '') fail(`fields[${i}].name`, 'Chưa đặt tên lĩnh vực');
  });
  if (
    !Number.isInteger(params.marginOfError) ||
    params.marginOfError < 1 ||
    params.marginOfError > 5000
  ) {
    fail('marginOfError', 'Sai số cho phép phải từ 0,01 % đến 50 %');
  }
  if (params.satisfiedLevels.length === 0) {
    fail('satisfiedLevels', 'Cần chọn ít nhất một mức được tính là hài lòng');
  }
  const levels = new Set<number>();
  for (const level of params.satisfiedLevels) {
    if (!isSatisfactionLevel(level))
      fail('satisfiedLevels', `Mức “${String(level)}” không có trên thang 1–5`);
    else if (levels.has(level)) fail('satisfiedLevels', `Mức ${level} được chọn hai lần`);
    levels.add(level);
  }
  if (levels.size === SATISFACTION_LEVELS.length) {
    fail('satisfiedLevels', 'Không thể tính mọi mức là hài lòng: chỉ số sẽ luôn là 100 %');
  }
  if (
    params.surveyMaxHundredths !== null &&
    (!Number.isSafeInteger(params.surveyMaxHundredths) || params.surveyMaxHundredths < 0)
  ) {
    fail('surveyMaxHundredths', 'Điểm tối đa phần điều tra xã hội học phải là số không âm');
  }
  return problems;
}

/** A sample target with the formula that produced it. */
export interface SampleSize {
  transactions: number;
  /** Forms to collect: n rounded up, never above N. */
  target: number;
  /** The unrounded n as an exact ratio. */
  exact: Ratio;
  /** "n = 1.000 / (1 + 1.000 × 0,05²) = 285,71 → 286" */
  formula: string;
}

// BigInt() rather than literals (1n): the web build lowers syntax for browsers of about 2020, where
// a literal would keep the whole script from parsing; a call fails only where it runs.
const ZERO = BigInt(0);
const ONE = BigInt(1);
const SCALE = BigInt(100_000_000); // (10 000 hundredths of a percent per unit)²

/** Writes a count with Vietnamese grouping: 1000 → "1.000". */
export function formatCount(count: number): string {
  return formatHundredths(count * 100, 0);
}

/** Yamane's n = N / (1 + N·e²), rounded up; e in hundredths of a percent (500 = 5 %). */
export function sampleSize(transactions: number, marginOfError = 500): SampleSize {
  if (!Number.isSafeInteger(transactions) || transactions < 0) {
    throw new RangeError('transactions must be a non-negative integer');
  }
  if (!Number.isSafeInteger(marginOfError) || marginOfError <= 0 || marginOfError >= 10_000) {
    throw new RangeError('margin of error must be 1…9999 hundredths of a percent');
  }
  const n = BigInt(transactions);
  const e = BigInt(marginOfError);
  const num = n * SCALE;
  const den = SCALE + n * e * e;
  const g = gcd(num, den);
  const exact = ratio(Number(num / g), Number(den / g));
  const target = Number((num + den - ONE) / den);
  const eText = formatPointsCompact(marginOfError);
  const eDecimal = `0,${String(marginOfError).padStart(4, '0').replace(/0+$/, '')}`;
  const unrounded = formatScaled(mulDivRoundHalfUp(exact.num, 100, exact.den), 2);
  const nText = formatCount(transactions);
  const formula =
    transactions === 0
      ? 'N = 0: không có giao dịch, không cần khảo sát'
      : `n = ${nText} / (1 + ${nText} × ${eDecimal}²) = ${unrounded} → ${formatCount(target)} phiếu (e = ${eText} %, làm tròn lên)`;
  return { transactions, target, exact, formula };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO ? -a : a;
  let y = b < ZERO ? -b : b;
  while (y !== ZERO) [x, y] = [y, x % y];
  return x === ZERO ? ONE : x;
}

/** Transactions of one field at one unit in the survey period. */
export interface TransactionCount {
  unitId: string;
  fieldId: string;
  transactions: number;
}

/** The sample target of one unit and field. */
export interface SampleTarget extends SampleSize {
  unitId: string;
  fieldId: string;
}

/** Sample targets per unit and field, in the order given. */
export function sampleTargets(
  counts: readonly TransactionCount[],
  marginOfError = 500,
): SampleTarget[] {
  return counts.map((c) => ({
    unitId: c.unitId,
    fieldId: c.fieldId,
    ...sampleSize(c.transactions, marginOfError),
  }));
}

/** Collection progress of one target. */
export interface SampleProgress {
  unitId: string;
  fieldId: string;
  collected: number;
  target: number;
  /** Forms still missing (0 once reached). */
  remaining: number;
  reached: boolean;
  /** collected / target; null when the target is 0. */
  ratio: Ratio | null;
  /** "12/80 = 15,00 %", or "Không cần khảo sát (chỉ tiêu 0)". */
  formula: string;
}

/** Progress against each target; `collected` counts valid forms per "unitId|fieldId" key. */
export function sampleProgress(
  targets: readonly Pick<SampleTarget, 'unitId' | 'fieldId' | 'target'>[],
  collected: ReadonlyMap<string, number>,
): SampleProgress[] {
  return targets.map((t) => {
    const got = collected.get(progressKey(t.unitId, t.fieldId)) ?? 0;
    const r = t.target > 0 ? ratio(got, t.target) : null;
    return {
      unitId: t.unitId,
      fieldId: t.fieldId,
      collected: got,
      target: t.target,
      remaining: Math.max(0, t.target - got),
      reached: got >= t.target,
      ratio: r,
      formula: r
        ? `${formatCount(got)}/${formatCount(t.target)} = ${formatPercent(r, 2)}`
        : `Không cần khảo sát (chỉ tiêu 0); đã thu ${formatCount(got)} phiếu`,
    };
  });
}

/** The key sampleProgress reads collected counts under. */
export function progressKey(unitId: string, fieldId: string): string {
  return `${unitId}|${fieldId}`;
}
