/**
 * Configuration of the dossier-handling evaluation (Decree 61/2018, Circular 01/2018/TT-VPCP):
 * the points scale, how each of the nine indicators is scored, the class bands with their labels,
 * and the targets the rates are measured against. All of it is versioned plain data, so a province
 * can ship its own copy; every default that the published texts could not confirm is listed in
 * `toConfirm`.
 *
 * Points are integers of hundredths (2 points = 200), as everywhere in the scoring core.
 */
import { validateClassBands, type ClassBand } from '../scoring/index.ts';

/** The nine indicators of art. 31 Decree 61 / art. 13 Circular 01, numbered as in the texts. */
export type IndicatorId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** All indicator ids in order; handy for loops that must cover the nine. */
export const INDICATOR_IDS: readonly IndicatorId[] = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9]);

/** Vietnamese names of the nine indicators, for tables and reports. */
export const INDICATOR_NAMES: Readonly<Record<IndicatorId, string>> = Object.freeze({
  1: 'Tổng thời gian giải quyết TTHC so với thời gian cho phép theo quy định',
  2: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết',
  3: 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ',
  4: 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
  5: 'Việc thực hiện tiếp nhận, giải quyết, trả kết quả qua Bộ phận Một cửa',
  6: 'Việc công khai thủ tục hành chính',
  7: 'Thái độ của cán bộ, công chức, viên chức',
  8: 'Việc tiếp nhận, xử lý ý kiến phản ánh, kiến nghị',
  9: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến',
});

/** Where a rating comes from when the data cannot score an indicator. */
export type RatingSource = 'citizen' | 'self';

/** Points by timeliness: finished before the due day, on it (not after the due time), or late. */
export interface TimelinessRule {
  kind: 'timeliness';
  early: number;
  onTime: number;
  late: number;
}

/** Points by a count: the first step whose `upTo` the count does not exceed, else `otherwise`. */
export interface CountRule {
  kind: 'count';
  field: 'completionRequests' | 'agenciesInvolved';
  steps: readonly { upTo: number; points: number }[];
  otherwise: number;
}

/** Points by submission channel (not used by default: indicator 9 is usually rated). */
export interface ChannelRule {
  kind: 'channel';
  points: Readonly<Record<'counter' | 'online-full' | 'online-partial' | 'postal', number | null>>;
}

/** Only ratings score this indicator. */
export interface RatingRule {
  kind: 'rating';
}

/** How one indicator is scored from the dossier's own data. */
export type IndicatorRule = TimelinessRule | CountRule | ChannelRule | RatingRule;

/** Class bands over the total as a share of the achievable maximum, with a preset name. */
export interface BandPreset {
  id: string;
  name: string;
  /** Percent bounds in hundredths of a percent, as `classify` in the scoring core reads them. */
  bands: readonly ClassBand[];
}

/** A target for a rate: at least this percentage, in hundredths of a percent (3000 = 30 %). */
export interface RateTarget {
  minPercent: number;
  source: string;
}

/** Keys of the rates computed per unit and period. */
export type RateKey =
  | 'on-time-or-early'
  | 'late'
  | 'online-full'
  | 'online-partial'
  | 'online-payment'
  | 'postal-procedures'
  | 'postal-dossiers';

/**
 * How the product reads Circular 01 where its text leaves a choice. Each is a per-province setting
 * (ADR 27); the defaults follow the Circular's wording.
 * - `divisor`: an indicator's score is its points summed over the dossiers divided by every
 *   evaluated dossier (`evaluated`, the Circular's "tổng số hồ sơ được đánh giá"; a dossier not
 *   scored on that indicator counts 0) or only by those scored on it (`scored`).
 * - `fewIndicators`: a group scored on fewer than the nine indicators is classed on its total over
 *   the nine indicators' maximum (`full-max`, the Circular's total of nine scores), on the maximum
 *   of the indicators scored (`scored-max`), or not classed (`not-classed`).
 * - `dueWithoutTime`: a due date given without a time (stored at 00:00 Vietnam time) lasts the whole
 *   day (`end-of-day`, the Circular's "ngày hẹn trả") or ends at its first moment (`start-of-day`).
 */
export interface MethodSettings {
  divisor: 'evaluated' | 'scored';
  fewIndicators: 'full-max' | 'scored-max' | 'not-classed';
  dueWithoutTime: 'end-of-day' | 'start-of-day';
}

/** The allowed values of each method setting, in the order the screens offer them. */
export const METHOD_OPTIONS: {
  readonly [K in keyof MethodSettings]: readonly MethodSettings[K][];
} = Object.freeze({
  divisor: ['evaluated', 'scored'],
  fewIndicators: ['full-max', 'scored-max', 'not-classed'],
  dueWithoutTime: ['end-of-day', 'start-of-day'],
});

/** The Circular's wording: the settings a province has until its standing agency changes them. */
export const DEFAULT_METHOD: MethodSettings = Object.freeze({
  divisor: 'evaluated',
  fewIndicators: 'full-max',
  dueWithoutTime: 'end-of-day',
});

/** The whole evaluation configuration; versioned so stored results name what produced them. */
export interface DossierEvaluationConfig {
  version: string;
  /** Points scale per indicator, in hundredths. */
  scale: { min: number; max: number };
  /** Rule per indicator; any indicator may also be scored from ratings (see `ratingFallback`). */
  indicators: Readonly<Record<IndicatorId, IndicatorRule>>;
  /** Ratings used, in order of preference, when the data does not score an indicator. */
  ratingFallback: readonly RatingSource[];
  /** Which moment decides timeliness. */
  timelinessBasis: 'finished' | 'returned';
  /** Which moment puts a dossier in a quarter (unfinished dossiers fall back to receipt). */
  periodBasis: 'finished' | 'received';
  bands: BandPreset;
  /** The province's readings of Circular 01 (see MethodSettings). */
  method: MethodSettings;
  targets: Readonly<Partial<Record<RateKey, RateTarget>>>;
  /** Defaults that could not be checked against the published texts. */
  toConfirm: readonly string[];
}

/** Bands of Circular 01 as commonly quoted: Xuất sắc / Tốt / Đạt / Không đạt (bounds to confirm). */
export const BANDS_CIRCULAR_01: BandPreset = Object.freeze({
  id: 'tt01-2018',
  name: 'Xuất sắc / Tốt / Đạt / Không đạt (Thông tư 01/2018/TT-VPCP)',
  bands: Object.freeze([
    { label: 'Xuất sắc', fromPercent: 9000, toPercent: null },
    { label: 'Tốt', fromPercent: 7000, toPercent: 9000 },
    { label: 'Đạt', fromPercent: 5000, toPercent: 7000 },
    { label: 'Không đạt', fromPercent: 0, toPercent: 5000 },
  ]),
});

/** Labels of seed 003 (Điện Biên Đông, Q2 2021): Xuất sắc / Tốt / Trung bình (bounds to confirm). */
export const BANDS_SEED_003: BandPreset = Object.freeze({
  id: 'dien-bien-dong-509-2020',
  name: 'Xuất sắc / Tốt / Trung bình (Quyết định 509/QĐ-UBND huyện Điện Biên Đông)',
  bands: Object.freeze([
    { label: 'Xuất sắc', fromPercent: 9000, toPercent: null },
    { label: 'Tốt', fromPercent: 7000, toPercent: 9000 },
    { label: 'Trung bình', fromPercent: 0, toPercent: 7000 },
  ]),
});

/** Band presets a province can start from. */
export const BAND_PRESETS: readonly BandPreset[] = Object.freeze([
  BANDS_CIRCULAR_01,
  BANDS_SEED_003,
]);

/** Targets of seed 001 (Khánh Hòa 2023): 100 % on time, 30 % online payment, 25 % and 15 % postal. */
export const SEED_001_TARGETS: Readonly<Partial<Record<RateKey, RateTarget>>> = Object.freeze({
  'on-time-or-early': { minPercent: 10000, source: 'Kế hoạch xã Đại Lãnh 2023 (seed 001)' },
  'online-payment': { minPercent: 3000, source: 'Kế hoạch xã Đại Lãnh 2023 (seed 001)' },
  'postal-procedures': { minPercent: 2500, source: 'Kế hoạch xã Đại Lãnh 2023 (seed 001)' },
  'postal-dossiers': { minPercent: 1500, source: 'Kế hoạch xã Đại Lãnh 2023 (seed 001)' },
});

/** The default configuration: scale 0–2, max 18, Circular 01 bands, seed 001 targets. */
export const DEFAULT_DOSSIER_CONFIG: DossierEvaluationConfig = Object.freeze({
  version: '2018-tt01-default-1',
  scale: Object.freeze({ min: 0, max: 200 }),
  indicators: Object.freeze({
    1: { kind: 'timeliness', early: 200, onTime: 100, late: 0 },
    2: { kind: 'rating' },
    3: {
      kind: 'count',
      field: 'completionRequests',
      steps: [
        { upTo: 0, points: 200 },
        { upTo: 1, points: 100 },
      ],
      otherwise: 0,
    },
    4: {
      kind: 'count',
      field: 'agenciesInvolved',
      steps: [
        { upTo: 1, points: 200 },
        { upTo: 2, points: 100 },
      ],
      otherwise: 0,
    },
    5: { kind: 'rating' },
    6: { kind: 'rating' },
    7: { kind: 'rating' },
    8: { kind: 'rating' },
    9: { kind: 'rating' },
  } satisfies Record<IndicatorId, IndicatorRule>),
  ratingFallback: Object.freeze(['citizen', 'self'] as const),
  timelinessBasis: 'finished',
  periodBasis: 'finished',
  bands: BANDS_CIRCULAR_01,
  method: DEFAULT_METHOD,
  targets: SEED_001_TARGETS,
  toConfirm: Object.freeze([
    'Thang điểm 0–2 cho mỗi chỉ số (tối đa 18 điểm)',
    'Chỉ số 1: sớm hạn 2, đúng hạn 1, trễ hạn 0; “sớm hạn” là xong trước ngày hẹn trả (giờ Việt Nam)',
    'Chỉ số 3: không phải bổ sung 2, một lần 1, từ hai lần 0',
    'Chỉ số 4: số cơ quan tham gia giải quyết (gồm cơ quan tiếp nhận): 1 → 2, 2 → 1, từ 3 → 0',
    'Chỉ số 2, 5–9 lấy từ phiếu đánh giá của người dân, nếu không có thì từ phiếu tự đánh giá',
    'Mức xếp loại theo tỷ lệ tổng điểm trên tổng điểm tối đa: Xuất sắc ≥ 90 %, Tốt 70–<90 %, Đạt 50–<70 %, Không đạt < 50 %',
    'Quý của hồ sơ theo ngày có kết quả; hồ sơ chưa có kết quả theo ngày tiếp nhận',
    'Tỷ lệ thanh toán trực tuyến tính trên hồ sơ có nghĩa vụ tài chính (cột để trống = không có)',
    'Tỷ lệ TTHC bưu chính công ích có phát sinh hồ sơ: hồ sơ nhận hoặc trả qua bưu chính',
  ]),
});

/** Checks a configuration and returns Vietnamese problems (empty when it is usable). */
export function validateDossierConfig(config: DossierEvaluationConfig): string[] {
  const problems: string[] = [];
  const { min, max } = config.scale;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || max <= min) {
    problems.push('Thang điểm không hợp lệ (điểm tối thiểu phải nhỏ hơn điểm tối đa, không âm)');
  }
  const inScale = (p: number | null): boolean =>
    p === null || (Number.isSafeInteger(p) && p >= min && p <= max);
  for (const id of INDICATOR_IDS) {
    const rule = config.indicators[id];
    const values: (number | null)[] = [];
    switch (rule.kind) {
      case 'timeliness':
        values.push(rule.early, rule.onTime, rule.late);
        break;
      case 'count': {
        values.push(rule.otherwise, ...rule.steps.map((s) => s.points));
        let previous = -1;
        for (const step of rule.steps) {
          if (!Number.isSafeInteger(step.upTo) || step.upTo <= previous) {
            problems.push(`Chỉ số ${id}: các ngưỡng đếm phải là số nguyên tăng dần`);
          }
          previous = step.upTo;
        }
        break;
      }
      case 'channel':
        values.push(...Object.values(rule.points));
        break;
      case 'rating':
        break;
    }
    if (!values.every(inScale)) problems.push(`Chỉ số ${id}: có mức điểm nằm ngoài thang điểm`);
  }
  problems.push(...validateClassBands(config.bands.bands));
  for (const [key, target] of Object.entries(config.targets)) {
    if (!target) continue;
    if (
      !Number.isSafeInteger(target.minPercent) ||
      target.minPercent < 0 ||
      target.minPercent > 10000
    ) {
      problems.push(`Chỉ tiêu “${key}” phải từ 0 % đến 100 %`);
    }
  }
  return problems;
}
