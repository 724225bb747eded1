/**
 * The service index of Decision 766/QĐ-TTg (2022) as a dashboard over imported dossiers: five
 * groups (publicity 18, progress 20, digitisation 22, online services 22, satisfaction 18 = 100),
 * each split into sub-indicators worth part of the group. A sub-indicator is computed, as its max
 * × its rate, only when the import carries the fields it needs; otherwise it is listed as missing,
 * never scored zero. The national system computes the official index; this is a local mirror.
 *
 * The split of each group into sub-indicators and their weights are defaults to confirm.
 */
import {
  formatPercent,
  formatPointsCompact,
  mulDivRoundHalfUp,
  ratio,
  type Ratio,
} from '../scoring/decimal.ts';
import { INDICATOR_IDS, type DossierEvaluationConfig } from './config.ts';
import type { DossierColumn } from './dossier.ts';
import type { DossierTally } from './aggregate.ts';

/** Group keys of Decision 766. */
export type Group766 =
  'publicity' | 'progress' | 'digitisation' | 'online-services' | 'satisfaction';

/** A field the import would need (or 'noData': no dossier had it), with its Vietnamese name. */
export interface FieldNeed {
  field: string;
  label: string;
}

/** One computed or missing sub-indicator. */
export interface Indicator766 {
  key: string;
  name: string;
  /** Max points, hundredths. */
  max: number;
  /** Points (max × rate, half-up), hundredths; null when the data does not allow it. */
  points: number | null;
  rate: Ratio | null;
  rateText: string | null;
  usedFields: DossierColumn[];
  missingFields: FieldNeed[];
}

/** One group of the dashboard. */
export interface GroupResult766 {
  key: Group766;
  name: string;
  max: number;
  indicators: Indicator766[];
  /** Sum of computed points, hundredths; null when nothing in the group could be computed. */
  points: number | null;
  /** Max of the computed sub-indicators only, hundredths. */
  computedMax: number;
  complete: boolean;
  /** "12,5/20" or "Chưa đủ dữ liệu" */
  text: string;
  usedFields: DossierColumn[];
  missingFields: FieldNeed[];
}

/** The whole dashboard. */
export interface Dashboard766 {
  groups: GroupResult766[];
  /** Points of the computed parts, hundredths, out of `computedMax`. */
  points: number;
  computedMax: number;
  max: number;
  /** Average handling time in hours (one decimal, tenths), null without finished dossiers. */
  averageHandlingHoursTenths: number | null;
}

const MISSING_PUBLICATION: FieldNeed[] = [
  { field: 'procedurePublishedOnTime', label: 'TTHC được công bố, công khai đúng hạn' },
  { field: 'procedurePublishedComplete', label: 'TTHC công khai đầy đủ các bộ phận' },
];
const MISSING_SYNC: FieldNeed[] = [
  { field: 'syncedToNationalPortal', label: 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia' },
];
const MISSING_DIGITISED_DOSSIER: FieldNeed[] = [
  { field: 'dossierDigitised', label: 'Hồ sơ được số hóa khi tiếp nhận' },
];
const MISSING_DIGITISED_RESULT: FieldNeed[] = [
  { field: 'resultDigitised', label: 'Kết quả giải quyết được số hóa' },
];
const MISSING_SURVEY: FieldNeed[] = [
  { field: 'surveySatisfaction', label: 'Kết quả khảo sát hài lòng ngoài phiếu đánh giá hồ sơ' },
];

interface Spec {
  key: string;
  name: string;
  max: number;
  used: DossierColumn[];
  missing: FieldNeed[];
  rate: (t: DossierTally, c: DossierEvaluationConfig) => Ratio | null;
}

const r = (num: number, den: number): Ratio | null => (den > 0 ? ratio(num, den) : null);

const GROUPS: readonly { key: Group766; name: string; max: number; specs: Spec[] }[] = [
  {
    key: 'publicity',
    name: 'Công khai, minh bạch',
    max: 1800,
    specs: [
      {
        key: 'published',
        name: 'Công bố, công khai TTHC',
        max: 1200,
        used: [],
        missing: MISSING_PUBLICATION,
        rate: () => null,
      },
      {
        key: 'synced',
        name: 'Đồng bộ hồ sơ lên Cổng DVC quốc gia',
        max: 600,
        used: [],
        missing: MISSING_SYNC,
        rate: () => null,
      },
    ],
  },
  {
    key: 'progress',
    name: 'Tiến độ, kết quả giải quyết',
    max: 2000,
    specs: [
      {
        key: 'on-time',
        name: 'Hồ sơ giải quyết trước và đúng hạn',
        max: 2000,
        used: ['dueAt', 'finishedAt'],
        missing: [],
        rate: (t) => r(t.early + t.onTime, t.early + t.onTime + t.late),
      },
    ],
  },
  {
    key: 'digitisation',
    name: 'Số hóa hồ sơ',
    max: 2200,
    specs: [
      {
        key: 'dossier-digitised',
        name: 'Số hóa hồ sơ khi tiếp nhận',
        max: 1100,
        used: [],
        missing: MISSING_DIGITISED_DOSSIER,
        rate: () => null,
      },
      {
        key: 'result-digitised',
        name: 'Số hóa kết quả giải quyết',
        max: 1100,
        used: [],
        missing: MISSING_DIGITISED_RESULT,
        rate: () => null,
      },
    ],
  },
  {
    key: 'online-services',
    name: 'Cung cấp dịch vụ trực tuyến',
    max: 2200,
    specs: [
      {
        key: 'online-dossiers',
        name: 'Hồ sơ nộp trực tuyến (toàn trình và một phần)',
        max: 1100,
        used: ['channel'],
        missing: [],
        rate: (t) => r(t.onlineFull + t.onlinePartial, t.dossiers),
      },
      {
        key: 'online-payment',
        name: 'Thanh toán trực tuyến',
        max: 1100,
        used: ['onlinePayment'],
        missing: [],
        rate: (t) => r(t.paidOnline, t.paymentApplicable),
      },
    ],
  },
  {
    key: 'satisfaction',
    name: 'Mức độ hài lòng',
    max: 1800,
    specs: [
      {
        key: 'handling-satisfaction',
        name: 'Mức độ hài lòng trong tiếp nhận, giải quyết TTHC',
        max: 600,
        used: INDICATOR_IDS.map((id): DossierColumn => `citizenRating${id}`),
        missing: [],
        rate: (t, c) =>
          r(
            t.citizenPoints - t.citizenRatings * c.scale.min,
            t.citizenRatings * (c.scale.max - c.scale.min),
          ),
      },
      {
        key: 'survey',
        name: 'Các nội dung khảo sát khác',
        max: 1200,
        used: [],
        missing: MISSING_SURVEY,
        rate: () => null,
      },
    ],
  },
];

/** Computes the Decision 766 dashboard from a tally (a unit's or an area's, one period). */
export function dashboard766(tally: DossierTally, config: DossierEvaluationConfig): Dashboard766 {
  const groups: GroupResult766[] = GROUPS.map((g) => {
    const indicators: Indicator766[] = g.specs.map((spec) => {
      const rate = spec.missing.length > 0 ? null : spec.rate(tally, config);
      const missing =
        spec.missing.length > 0
          ? spec.missing
          : rate === null
            ? [
                // Not a field: none of the dossiers carries the fields the item is computed from.
                { field: 'noData', label: 'Không có hồ sơ nào có dữ liệu cho chỉ số này' },
              ]
            : [];
      return {
        key: spec.key,
        name: spec.name,
        max: spec.max,
        points: rate === null ? null : mulDivRoundHalfUp(spec.max, rate.num, rate.den),
        rate,
        rateText: rate === null ? null : formatPercent(rate, 1),
        usedFields: rate === null ? [] : spec.used,
        missingFields: missing,
      };
    });
    const computed = indicators.filter((i) => i.points !== null);
    const points = computed.length === 0 ? null : computed.reduce((a, i) => a + (i.points ?? 0), 0);
    const computedMax = computed.reduce((a, i) => a + i.max, 0);
    return {
      key: g.key,
      name: g.name,
      max: g.max,
      indicators,
      points,
      computedMax,
      complete: computed.length === indicators.length,
      text:
        points === null
          ? 'Chưa đủ dữ liệu'
          : `${formatPointsCompact(points)}/${formatPointsCompact(computedMax)}`,
      usedFields: [...new Set(indicators.flatMap((i) => i.usedFields))],
      missingFields: indicators.flatMap((i) => i.missingFields),
    };
  });
  return {
    groups,
    points: groups.reduce((a, g) => a + (g.points ?? 0), 0),
    computedMax: groups.reduce((a, g) => a + g.computedMax, 0),
    max: groups.reduce((a, g) => a + g.max, 0),
    averageHandlingHoursTenths:
      tally.handled === 0
        ? null
        : mulDivRoundHalfUp(tally.handlingSeconds, 10, tally.handled * 3600),
  };
}
