/**
 * SIPAS index computations over validated submissions: tallies of answers per level, the element
 * indexes, both overall methods (mean of the element indexes; share satisfied on the overall
 * question), the indexes per unit, per field and overall, the seed-000 table of votes per level per
 * field, the seed-004 per-element view with ranks, and PAR survey points from an index.
 *
 * Every index is an exact ratio, published with two decimals half-up, and carries its formula in
 * Vietnamese ("26/40 = 65,00 %") so a reader can check it. Which levels count as satisfied is a
 * campaign setting (default 4 + 5; seed 000 counted 4 only).
 *
 * Decisions to confirm with the methodology owners:
 * - an element index pools every valid answer to the element's questions (Σ satisfied / Σ valid),
 *   rather than averaging per-question shares;
 * - the element mean is the exact mean of the exact element ratios (rounded once), over the
 *   elements that have at least one valid answer;
 * - a scope's index (a province, a field) pools its submissions rather than averaging its units.
 */
import {
  formatPoints,
  formatPointsCompact,
  formatScaled,
  mulDivRoundHalfUp,
  percentScaled,
  ratio,
  type Ratio,
} from '../scoring/decimal.ts';
import { largestRemainderShares, rankUnits, surveyPointsFromIndex } from '../scoring/index.ts';
import type { SurveySubmission } from './answers.ts';
import {
  ANSWER_LABELS,
  ELEMENT_NAMES,
  NO_ANSWER,
  SATISFACTION_LEVELS,
  isSatisfactionLevel,
  scaleQuestions,
  type AnswerValue,
  type ElementId,
  type Questionnaire,
  type SatisfactionLevel,
} from './questionnaire.ts';
import {
  OVERALL_METHOD_LABELS,
  formatCount,
  type OverallMethod,
  type ServiceField,
  type SipasParams,
} from './sample.ts';

/** Answers counted per level, plus "no answer" (not a valid answer). */
export interface LevelTally {
  counts: Readonly<Record<SatisfactionLevel, number>>;
  noAnswer: number;
}

/** A tally with no answers. */
export function emptyTally(): LevelTally {
  return { counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, noAnswer: 0 };
}

/** Counts answers; absent answers are skipped, anything not a level counts as "no answer". */
export function tallyAnswers(values: readonly (AnswerValue | undefined)[]): LevelTally {
  const counts: Record<SatisfactionLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let noAnswer = 0;
  for (const value of values) {
    if (value === undefined) continue;
    if (isSatisfactionLevel(value)) counts[value] += 1;
    else noAnswer += 1;
  }
  return { counts, noAnswer };
}

/** Builds a tally from counts per level (paper results typed in as totals). */
export function tallyFromCounts(
  counts: Partial<Record<SatisfactionLevel, number>>,
  noAnswer = 0,
): LevelTally {
  const full: Record<SatisfactionLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const level of SATISFACTION_LEVELS) {
    const c = counts[level] ?? 0;
    if (!Number.isSafeInteger(c) || c < 0)
      throw new RangeError('counts must be non-negative integers');
    full[level] = c;
  }
  if (!Number.isSafeInteger(noAnswer) || noAnswer < 0)
    throw new RangeError('noAnswer must be a count');
  return { counts: full, noAnswer };
}

/** The sum of tallies. */
export function mergeTallies(tallies: readonly LevelTally[]): LevelTally {
  const counts: Record<SatisfactionLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let noAnswer = 0;
  for (const t of tallies) {
    for (const level of SATISFACTION_LEVELS) counts[level] += t.counts[level];
    noAnswer += t.noAnswer;
  }
  return { counts, noAnswer };
}

/** Valid answers: those on a level (not "no answer"). */
export function validCount(tally: LevelTally): number {
  return SATISFACTION_LEVELS.reduce((sum, level) => sum + tally.counts[level], 0);
}

/** Answers on a level counted as satisfied. */
export function satisfiedCount(
  tally: LevelTally,
  satisfiedLevels: readonly SatisfactionLevel[],
): number {
  return [...new Set(satisfiedLevels)].reduce((sum, level) => sum + tally.counts[level], 0);
}

/** "Hài lòng + Rất hài lòng": the levels counted as satisfied, highest last. */
export function satisfiedLevelsLabel(satisfiedLevels: readonly SatisfactionLevel[]): string {
  return [...new Set(satisfiedLevels)]
    .sort((a, b) => a - b)
    .map((l) => ANSWER_LABELS[l])
    .join(' + ');
}

/** An index with how it was computed. */
export interface IndexResult {
  /** The exact value as a fraction of 1 (26/40); null when there is nothing to compute on. */
  ratio: Ratio | null;
  /** Percent × 100, half-up (6500 = 65,00 %); null like `ratio`. */
  hundredths: number | null;
  /** "65,00 %" or "—". */
  text: string;
  /** "26/40 = 65,00 %", in Vietnamese. */
  formula: string;
}

const NO_DATA_TEXT = '—';

function indexOf(r: Ratio | null, formula: (text: string) => string, empty: string): IndexResult {
  if (!r) return { ratio: null, hundredths: null, text: NO_DATA_TEXT, formula: empty };
  const hundredths = percentScaled(r, 2);
  const text = `${formatScaled(hundredths, 2)} %`;
  return { ratio: r, hundredths, text, formula: formula(text) };
}

/** Share of valid answers counted satisfied: "26/40 = 65,00 %". */
export function satisfactionIndex(
  tally: LevelTally,
  satisfiedLevels: readonly SatisfactionLevel[],
): IndexResult {
  const valid = validCount(tally);
  const satisfied = satisfiedCount(tally, satisfiedLevels);
  return indexOf(
    valid > 0 ? ratio(satisfied, valid) : null,
    (text) => `${formatCount(satisfied)}/${formatCount(valid)} = ${text}`,
    'Chưa có câu trả lời hợp lệ',
  );
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

// Past this denominator the exact mean is replaced by its value to 10⁻¹² (far below the 0,01 %
// published), so the ratio stays within safe integers.
const FALLBACK_DEN = 1_000_000_000_000n;

/** The exact mean of ratios, reduced (approximated to 10⁻¹² only past the safe-integer range). */
export function meanOfRatios(ratios: readonly Ratio[]): Ratio {
  if (ratios.length === 0) throw new RangeError('mean of no ratios');
  let num = 0n;
  let den = 1n;
  for (const r of ratios) {
    num = num * BigInt(r.den) + BigInt(r.num) * den;
    den = den * BigInt(r.den);
    const g = gcd(num, den);
    num /= g;
    den /= g;
  }
  den *= BigInt(ratios.length);
  const g = gcd(num, den);
  num /= g;
  den /= g;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (num <= max && den <= max) return ratio(Number(num), Number(den));
  const scaled = (2n * num * FALLBACK_DEN + den) / (2n * den);
  return ratio(Number(scaled), Number(FALLBACK_DEN));
}

/** A part of a mean: its label and its index. */
export interface LabelledIndex {
  label: string;
  index: IndexResult;
}

/**
 * The mean of indexes that have a value: "(96,82 % + 93,43 %) / 2 = 95,13 %". Parts without data are
 * left out and named; when the mean of the shown (rounded) parts differs from the exact result, the
 * formula says it was computed from the unrounded values.
 */
export function meanIndex(parts: readonly LabelledIndex[]): IndexResult {
  const withData = parts.filter((p) => p.index.ratio !== null);
  const left = parts.filter((p) => p.index.ratio === null).map((p) => p.label);
  const ratios = withData.map((p) => p.index.ratio).filter((r): r is Ratio => r !== null);
  const r = ratios.length > 0 ? meanOfRatios(ratios) : null;
  return indexOf(
    r,
    (text) => {
      const shown = withData.map((p) => p.index.text).join(' + ');
      let formula = `(${shown}) / ${withData.length} = ${text}`;
      const shownSum = withData.reduce((sum, p) => sum + (p.index.hundredths ?? 0), 0);
      if (mulDivRoundHalfUp(shownSum, 1, withData.length) !== percentScaled(r ?? ratio(0, 1), 2)) {
        formula += ' (tính từ giá trị chưa làm tròn)';
      }
      if (left.length > 0)
        formula += `; không tính ${left.join(', ')} vì chưa có câu trả lời hợp lệ`;
      return formula;
    },
    'Chưa có yếu tố nào có câu trả lời hợp lệ',
  );
}

/** The answers a computation reads from a submission. */
export type SubmissionAnswers = Pick<SurveySubmission, 'unitId' | 'fieldId' | 'answers'>;

/** Index settings of a campaign. */
export type IndexParams = Pick<SipasParams, 'satisfiedLevels' | 'overallMethod'>;

/** An element's index. */
export interface ElementIndex {
  elementId: ElementId;
  name: string;
  tally: LevelTally;
  index: IndexResult;
}

/** A question's index (the overall question has elementId null). */
export interface QuestionIndex {
  questionId: string;
  elementId: ElementId | null;
  text: string;
  tally: LevelTally;
  index: IndexResult;
}

/** Every index of one scope (a unit, a field, a unit's field, or everything). */
export interface ScopeIndexes {
  /** Submissions in the scope. */
  responses: number;
  elements: ElementIndex[];
  questions: QuestionIndex[];
  overallQuestion: QuestionIndex;
  /** Overall by the mean of the element indexes. */
  elementMean: IndexResult;
  /** Overall by the share satisfied on the overall question. */
  overallShare: IndexResult;
  /** The one the campaign publishes. */
  published: { method: OverallMethod; methodLabel: string; index: IndexResult };
}

/** All indexes of one scope of submissions. */
export function scopeIndexes(
  questionnaire: Questionnaire,
  submissions: readonly SubmissionAnswers[],
  params: IndexParams,
): ScopeIndexes {
  const questions: QuestionIndex[] = scaleQuestions(questionnaire).map(
    ({ question, elementId }) => {
      const tally = tallyAnswers(submissions.map((s) => s.answers[question.id]));
      return {
        questionId: question.id,
        elementId,
        text: question.text,
        tally,
        index: satisfactionIndex(tally, params.satisfiedLevels),
      };
    },
  );
  const elements: ElementIndex[] = questionnaire.elements.map((element) => {
    const tally = mergeTallies(
      questions.filter((qi) => qi.elementId === element.id).map((qi) => qi.tally),
    );
    return {
      elementId: element.id,
      name: element.name,
      tally,
      index: satisfactionIndex(tally, params.satisfiedLevels),
    };
  });
  const overallQuestion = questions[questions.length - 1];
  if (!overallQuestion) throw new RangeError('questionnaire without an overall question');
  const elementMean = meanIndex(elements.map((e) => ({ label: e.name, index: e.index })));
  const overallShare = overallQuestion.index;
  const method = params.overallMethod;
  return {
    responses: submissions.length,
    elements,
    questions: questions.slice(0, -1),
    overallQuestion,
    elementMean,
    overallShare,
    published: {
      method,
      methodLabel: OVERALL_METHOD_LABELS[method],
      index: method === 'element-mean' ? elementMean : overallShare,
    },
  };
}

/** Indexes per unit, per field, per unit and field, and over everything. */
export interface SipasIndexes {
  satisfiedLevels: readonly SatisfactionLevel[];
  /** "Hài lòng + Rất hài lòng" */
  satisfiedLabel: string;
  all: ScopeIndexes;
  byUnit: { unitId: string; indexes: ScopeIndexes }[];
  byField: { fieldId: string; name: string; indexes: ScopeIndexes }[];
  byUnitField: { unitId: string; fieldId: string; indexes: ScopeIndexes }[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(item);
  }
  return groups;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Field ids in the campaign's order, then any others found in the data, by id. */
function orderedFieldIds(fields: readonly ServiceField[], present: Iterable<string>): string[] {
  const known = fields.map((f) => f.id);
  const presentSet = new Set(present);
  const extra = [...presentSet].filter((id) => !known.includes(id)).sort(byCodeUnit);
  return [...known.filter((id) => presentSet.has(id)), ...extra];
}

/**
 * Every index of a campaign. Units are listed by id, fields in the campaign's order; the result
 * does not depend on the order of the submissions.
 */
export function computeSipasIndexes(
  questionnaire: Questionnaire,
  submissions: readonly SubmissionAnswers[],
  params: IndexParams & Pick<SipasParams, 'fields'>,
): SipasIndexes {
  const byUnitMap = groupBy(submissions, (s) => s.unitId);
  const byFieldMap = groupBy(submissions, (s) => s.fieldId);
  const fieldOrder = orderedFieldIds(params.fields, byFieldMap.keys());
  const unitOrder = [...byUnitMap.keys()].sort(byCodeUnit);
  const fieldName = (id: string): string => params.fields.find((f) => f.id === id)?.name ?? id;
  const compute = (list: readonly SubmissionAnswers[]): ScopeIndexes =>
    scopeIndexes(questionnaire, list, params);
  const byUnitField: SipasIndexes['byUnitField'] = [];
  for (const unitId of unitOrder) {
    const inUnit = groupBy(byUnitMap.get(unitId) ?? [], (s) => s.fieldId);
    for (const fieldId of orderedFieldIds(params.fields, inUnit.keys())) {
      byUnitField.push({ unitId, fieldId, indexes: compute(inUnit.get(fieldId) ?? []) });
    }
  }
  return {
    satisfiedLevels: params.satisfiedLevels,
    satisfiedLabel: satisfiedLevelsLabel(params.satisfiedLevels),
    all: compute(submissions),
    byUnit: unitOrder.map((unitId) => ({ unitId, indexes: compute(byUnitMap.get(unitId) ?? []) })),
    byField: fieldOrder.map((fieldId) => ({
      fieldId,
      name: fieldName(fieldId),
      indexes: compute(byFieldMap.get(fieldId) ?? []),
    })),
    byUnitField,
  };
}

/** How the percentages of a row are rounded. */
export type ShareRounding = 'each' | 'largest-remainder';

/** One cell of the level table. */
export interface LevelCell {
  level: AnswerValue;
  count: number;
  /** Hundredths of a percent of the row's valid answers; null when the row has none. */
  percent: number | null;
  /** "71,43 %" */
  text: string;
  /** "10/14 = 71,43 %" */
  formula: string;
}

/** One row of the level table (a field, or the totals). */
export interface LevelRow {
  key: string;
  label: string;
  /** Valid answers: the base of the percentages. */
  valid: number;
  noAnswer: number;
  /** Levels from "Rất hài lòng" down to "Rất không hài lòng", as the seed reports them. */
  cells: LevelCell[];
  satisfied: number;
  index: IndexResult;
  /** "Tổng số phiếu điều tra 14 phiếu; Rất hài lòng 0 phiếu (0,00 %); Hài lòng 10 phiếu (71,43 %); …" */
  summary: string;
}

/** Votes per level per row with percentages and totals (seed 000's table). */
export interface LevelTable {
  columns: { level: SatisfactionLevel; label: string }[];
  rows: LevelRow[];
  totals: LevelRow;
  satisfiedLabel: string;
  rounding: ShareRounding;
  /** What the percentages mean, for a footnote. */
  note: string;
}

const TABLE_LEVELS: readonly SatisfactionLevel[] = [5, 4, 3, 2, 1];

function levelRow(
  key: string,
  label: string,
  tally: LevelTally,
  satisfiedLevels: readonly SatisfactionLevel[],
  rounding: ShareRounding,
): LevelRow {
  const valid = validCount(tally);
  const counts = TABLE_LEVELS.map((level) => tally.counts[level]);
  const shares = rounding === 'largest-remainder' ? largestRemainderShares(counts, 2) : null;
  const cells: LevelCell[] = TABLE_LEVELS.map((level, i) => {
    const count = tally.counts[level];
    if (valid === 0) {
      return { level, count, percent: null, text: NO_DATA_TEXT, formula: 'Không có phiếu hợp lệ' };
    }
    const exact = percentScaled(ratio(count, valid), 2);
    const percent = shares?.[i] ?? exact;
    const text = `${formatScaled(percent, 2)} %`;
    const base = `${formatCount(count)}/${formatCount(valid)}`;
    const formula =
      percent === exact ? `${base} = ${text}` : `${base} ≈ ${text} (làm tròn để tổng bằng 100 %)`;
    return { level, count, percent, text, formula };
  });
  const satisfied = satisfiedCount(tally, satisfiedLevels);
  const parts = cells.map(
    (c) =>
      `${ANSWER_LABELS[c.level]} ${formatCount(c.count)} phiếu${c.percent === null ? '' : ` (${c.text})`}`,
  );
  const noAnswerPart =
    tally.noAnswer > 0 ? `; ${ANSWER_LABELS[NO_ANSWER]} ${formatCount(tally.noAnswer)} phiếu` : '';
  return {
    key,
    label,
    valid,
    noAnswer: tally.noAnswer,
    cells,
    satisfied,
    index: satisfactionIndex(tally, satisfiedLevels),
    summary: `Tổng số phiếu hợp lệ ${formatCount(valid)} phiếu; ${parts.join('; ')}${noAnswerPart}`,
  };
}

/**
 * Seed 000's table: votes per level per row, each as a share of the row's valid answers, with the
 * satisfied share and a totals row. Percentages are rounded each on its own by default, as the seed
 * prints them (1/7 and 5/7 and 1/7 give 14,29 + 71,43 + 14,29 = 100,01); 'largest-remainder'
 * makes every row add up to exactly 100,00 %.
 */
export function levelTable(
  rows: readonly { key: string; label: string; tally: LevelTally }[],
  satisfiedLevels: readonly SatisfactionLevel[],
  rounding: ShareRounding = 'each',
): LevelTable {
  const totals = mergeTallies(rows.map((r) => r.tally));
  return {
    columns: TABLE_LEVELS.map((level) => ({ level, label: ANSWER_LABELS[level] })),
    rows: rows.map((r) => levelRow(r.key, r.label, r.tally, satisfiedLevels, rounding)),
    totals: levelRow('total', 'Tổng cộng', totals, satisfiedLevels, rounding),
    satisfiedLabel: satisfiedLevelsLabel(satisfiedLevels),
    rounding,
    note:
      `Tỷ lệ tính trên số phiếu hợp lệ (không kể phiếu “${ANSWER_LABELS[NO_ANSWER]}”); ` +
      `chỉ số hài lòng = số phiếu ${satisfiedLevelsLabel(satisfiedLevels)} / số phiếu hợp lệ` +
      (rounding === 'each'
        ? '; mỗi tỷ lệ làm tròn riêng nên tổng một dòng có thể lệch 0,01 %'
        : '; tỷ lệ được làm tròn để tổng mỗi dòng đúng 100 %'),
  };
}

/** Seed 000's view: the level table of one question (default: the overall question) per field. */
export function fieldLevelTable(
  questionnaire: Questionnaire,
  submissions: readonly SubmissionAnswers[],
  params: Pick<SipasParams, 'satisfiedLevels' | 'fields'>,
  options: { questionId?: string; rounding?: ShareRounding } = {},
): LevelTable {
  const questionId = options.questionId ?? questionnaire.overallQuestion.id;
  if (!scaleQuestions(questionnaire).some((x) => x.question.id === questionId)) {
    throw new RangeError(`Phiếu không có câu hỏi mã “${questionId}”`);
  }
  const byField = groupBy(submissions, (s) => s.fieldId);
  const rows = orderedFieldIds(params.fields, byField.keys()).map((fieldId) => ({
    key: fieldId,
    label: params.fields.find((f) => f.id === fieldId)?.name ?? fieldId,
    tally: tallyAnswers((byField.get(fieldId) ?? []).map((s) => s.answers[questionId])),
  }));
  return levelTable(rows, params.satisfiedLevels, options.rounding ?? 'each');
}

/** Ranks of one unit among the units: overall and per element (null when it has no value). */
export interface UnitRanks {
  overall: number | null;
  elements: Partial<Record<ElementId, number>>;
}

/** Competition ranks of units on their published indexes (two decimals), overall and per element. */
export function rankUnitIndexes(
  byUnit: readonly { unitId: string; indexes: ScopeIndexes }[],
): Map<string, UnitRanks> {
  const ranks = new Map<string, UnitRanks>();
  for (const u of byUnit) ranks.set(u.unitId, { overall: null, elements: {} });
  const overall = rankUnits(
    byUnit.flatMap((u) => {
      const h = u.indexes.published.index.hundredths;
      return h === null ? [] : [{ id: u.unitId, value: h }];
    }),
  );
  for (const r of overall) {
    const entry = ranks.get(r.id);
    if (entry) entry.overall = r.rank;
  }
  const elementIds = new Set(byUnit.flatMap((u) => u.indexes.elements.map((e) => e.elementId)));
  for (const elementId of elementIds) {
    const ranked = rankUnits(
      byUnit.flatMap((u) => {
        const h = u.indexes.elements.find((e) => e.elementId === elementId)?.index.hundredths;
        return h === null || h === undefined ? [] : [{ id: u.unitId, value: h }];
      }),
    );
    for (const r of ranked) {
      const entry = ranks.get(r.id);
      if (entry) entry.elements[elementId] = r.rank;
    }
  }
  return ranks;
}

/** One line of the per-element view. */
export interface ElementViewRow {
  elementId: ElementId;
  name: string;
  index: IndexResult;
  rank: number | null;
  /** "Chỉ số hài lòng về yếu tố tiếp cận dịch vụ đạt 96,82 %, xếp hạng 5." */
  sentence: string;
}

/** Seed 004's view: the overall index, then each element with its formula and rank. */
export interface ElementView {
  overall: IndexResult;
  methodLabel: string;
  overallRank: number | null;
  overallSentence: string;
  rows: ElementViewRow[];
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function rankText(rank: number | null): string {
  return rank === null ? '' : `, xếp hạng ${rank}`;
}

/** The per-element view of a scope, with ranks when given (seed 004's report section). */
export function elementView(scope: ScopeIndexes, ranks?: UnitRanks): ElementView {
  const overall = scope.published.index;
  const overallRank = ranks?.overall ?? null;
  return {
    overall,
    methodLabel: scope.published.methodLabel,
    overallRank,
    overallSentence: `Chỉ số hài lòng về sự phục vụ hành chính ${overall.ratio ? `đạt ${overall.text}` : 'chưa có số liệu'}${rankText(overallRank)}.`,
    rows: scope.elements.map((e) => {
      const rank = ranks?.elements[e.elementId] ?? null;
      const name = ELEMENT_NAMES[e.elementId] === e.name ? lowerFirst(e.name) : e.name;
      return {
        elementId: e.elementId,
        name: e.name,
        index: e.index,
        rank,
        sentence: `Chỉ số hài lòng về yếu tố ${name} ${e.index.ratio ? `đạt ${e.index.text}` : 'chưa có số liệu'}${rankText(rank)}.`,
      };
    }),
  };
}

/** PAR survey points from a SIPAS index, with the formula. */
export interface SipasSurveyPoints {
  /** Hundredths of a point: 1950 = 19,50. */
  points: number;
  text: string;
  /** "30 × 65,00 % = 19,50 điểm" */
  formula: string;
}

/**
 * Survey points = survey max × index % (default; confirm per province), half-up to hundredths.
 * 'published' multiplies by the two-decimal index shown (so the formula can be checked by hand);
 * 'exact' by the unrounded ratio ("30 × 26/40 = 19,50 điểm"). Null when the index has no value.
 */
export function sipasSurveyPoints(
  surveyMaxHundredths: number,
  index: IndexResult,
  basis: 'published' | 'exact' = 'published',
): SipasSurveyPoints | null {
  if (index.ratio === null || index.hundredths === null) return null;
  const points =
    basis === 'published'
      ? surveyPointsFromIndex(surveyMaxHundredths, index.hundredths)
      : surveyPointsFromIndex(surveyMaxHundredths, index.ratio);
  const factor =
    basis === 'published'
      ? index.text
      : `${formatCount(index.ratio.num)}/${formatCount(index.ratio.den)}`;
  const text = formatPoints(points);
  return {
    points,
    text,
    formula: `${formatPointsCompact(surveyMaxHundredths)} × ${factor} = ${text} điểm`,
  };
}
