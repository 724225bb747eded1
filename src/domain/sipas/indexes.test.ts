import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRatios } from '../scoring/decimal.ts';
import type { SurveySubmission } from './answers.ts';
import {
  computeSipasIndexes,
  elementView,
  fieldLevelTable,
  levelTable,
  meanIndex,
  rankUnitIndexes,
  satisfactionIndex,
  scopeIndexes,
  sipasSurveyPoints,
  tallyAnswers,
  tallyFromCounts,
} from './indexes.ts';
import { DEFAULT_QUESTIONNAIRE, ELEMENT_IDS, type AnswerValue } from './questionnaire.ts';
import { DEFAULT_SIPAS_PARAMS } from './sample.ts';
import {
  seed000Submissions,
  submissionsFromCounts,
  testUuid,
  uniformSubmission,
} from './test-factories.ts';

const ONLY_SATISFIED = {
  ...DEFAULT_SIPAS_PARAMS,
  satisfiedLevels: [4],
  overallMethod: 'overall-question',
} as const;
const USUAL = { ...DEFAULT_SIPAS_PARAMS, overallMethod: 'overall-question' } as const;

describe('seed 000 (xã Quy Kỳ 2022): 40 forms in four fields', () => {
  const submissions = seed000Submissions();

  it('gives 62,50 % when only "Hài lòng" counts, as the report published', () => {
    const result = computeSipasIndexes(DEFAULT_QUESTIONNAIRE, submissions, ONLY_SATISFIED);
    expect(result.all.responses).toBe(40);
    expect(result.all.published.index.formula).toBe('25/40 = 62,50 %');
    expect(result.satisfiedLabel).toBe('Hài lòng');
  });

  it('gives 65,00 % with the usual "Hài lòng + Rất hài lòng", by both overall methods', () => {
    const result = computeSipasIndexes(DEFAULT_QUESTIONNAIRE, submissions, USUAL);
    expect(result.all.overallShare.formula).toBe('26/40 = 65,00 %');
    expect(result.all.elementMean.text).toBe('65,00 %');
    expect(result.all.elementMean.formula).toBe(
      '(65,00 % + 65,00 % + 65,00 % + 65,00 % + 65,00 %) / 5 = 65,00 %',
    );
    expect(result.satisfiedLabel).toBe('Hài lòng + Rất hài lòng');
  });

  it('indexes each field', () => {
    const only = computeSipasIndexes(DEFAULT_QUESTIONNAIRE, submissions, ONLY_SATISFIED);
    expect(only.byField.map((f) => [f.name, f.indexes.published.index.formula])).toEqual([
      ['Tư pháp – Hộ tịch', '10/14 = 71,43 %'],
      ['Lao động – Thương binh và Xã hội', '5/7 = 71,43 %'],
      ['Đất đai', '6/12 = 50,00 %'],
      ['Công an', '4/7 = 57,14 %'],
    ]);
    const usual = computeSipasIndexes(DEFAULT_QUESTIONNAIRE, submissions, USUAL);
    expect(usual.byField[1]?.indexes.published.index.formula).toBe('6/7 = 85,71 %');
    expect(usual.byUnit.map((u) => u.unitId)).toEqual(['xa-quy-ky']);
    expect(usual.byUnitField).toHaveLength(4);
  });

  it('reproduces its table of votes per level per field', () => {
    const table = fieldLevelTable(DEFAULT_QUESTIONNAIRE, submissions, ONLY_SATISFIED);
    expect(table.columns.map((c) => c.label)).toEqual([
      'Rất hài lòng',
      'Hài lòng',
      'Bình thường',
      'Không hài lòng',
      'Rất không hài lòng',
    ]);
    const view = table.rows.map((r) => [
      r.label,
      r.valid,
      ...r.cells.slice(0, 4).map((c) => `${c.count} ${c.text}`),
    ]);
    expect(view).toEqual([
      ['Tư pháp – Hộ tịch', 14, '0 0,00 %', '10 71,43 %', '4 28,57 %', '0 0,00 %'],
      ['Lao động – Thương binh và Xã hội', 7, '1 14,29 %', '5 71,43 %', '1 14,29 %', '0 0,00 %'],
      ['Đất đai', 12, '0 0,00 %', '6 50,00 %', '6 50,00 %', '0 0,00 %'],
      ['Công an', 7, '0 0,00 %', '4 57,14 %', '3 42,86 %', '0 0,00 %'],
    ]);
    expect(table.rows[1]?.cells[1]?.formula).toBe('5/7 = 71,43 %');
    expect(table.totals.cells.map((c) => c.count)).toEqual([1, 25, 14, 0, 0]);
    expect(table.totals.index.formula).toBe('25/40 = 62,50 %');
    expect(table.rows[0]?.summary).toBe(
      'Tổng số phiếu hợp lệ 14 phiếu; Rất hài lòng 0 phiếu (0,00 %); Hài lòng 10 phiếu (71,43 %); Bình thường 4 phiếu (28,57 %); Không hài lòng 0 phiếu (0,00 %); Rất không hài lòng 0 phiếu (0,00 %)',
    );
    expect(table.note).toMatch(/lệch 0,01 %/);
  });

  it('can round each row to exactly 100 % instead', () => {
    const table = fieldLevelTable(DEFAULT_QUESTIONNAIRE, submissions, ONLY_SATISFIED, {
      rounding: 'largest-remainder',
    });
    const labour = table.rows[1];
    expect(labour?.cells.map((c) => c.text).slice(0, 3)).toEqual(['14,29 %', '71,43 %', '14,28 %']);
    expect(labour?.cells[2]?.formula).toBe('1/7 ≈ 14,28 % (làm tròn để tổng bằng 100 %)');
  });

  it('turns the index into PAR survey points', () => {
    const usual = computeSipasIndexes(DEFAULT_QUESTIONNAIRE, submissions, USUAL);
    expect(sipasSurveyPoints(3000, usual.all.published.index)).toEqual({
      points: 1950,
      text: '19,50',
      formula: '30 × 65,00 % = 19,50 điểm',
    });
    const exact = sipasSurveyPoints(
      1000,
      satisfactionIndex(tallyFromCounts({ 4: 2, 3: 1 }), [4]),
      'exact',
    );
    expect(exact?.formula).toBe('10 × 2/3 = 6,67 điểm');
    expect(sipasSurveyPoints(3000, satisfactionIndex(tallyFromCounts({}), [4]))).toBeNull();
  });
});

describe('seed 004-like element view (huyện Bảo Yên 2022)', () => {
  // 1 826 forms whose element indexes publish as in the report: 96,82 / 93,43 / 93,43 / 90,91 %,
  // and a fifth element that brings the mean of the five to 93,37 %.
  const satisfiedPerElement = [1768, 1706, 1706, 1660, 1685];
  const submissions: SurveySubmission[] = [];
  for (let i = 0; i < 1826; i++) {
    const s = uniformSubmission('dat-dai', 4, { unitId: 'bao-yen' });
    const answers: Record<string, AnswerValue> = { ...s.answers };
    DEFAULT_QUESTIONNAIRE.elements.forEach((element, e) => {
      const level = i < (satisfiedPerElement[e] ?? 0) ? 4 : 2;
      for (const q of element.questions) answers[q.id] = level;
    });
    submissions.push({ ...s, answers });
  }
  const other = submissionsFromCounts('dat-dai', { 5: 10 }, 'bac-ha');

  it('lists each element with its formula and the mean of the five', () => {
    const scope = scopeIndexes(DEFAULT_QUESTIONNAIRE, submissions, DEFAULT_SIPAS_PARAMS);
    const view = elementView(scope);
    expect(view.rows.map((r) => r.index.text)).toEqual([
      '96,82 %',
      '93,43 %',
      '93,43 %',
      '90,91 %',
      '92,28 %',
    ]);
    expect(view.rows[0]?.index.formula).toBe('5.304/5.478 = 96,82 %');
    expect(view.overall.text).toBe('93,37 %');
    expect(view.overall.formula).toBe(
      '(96,82 % + 93,43 % + 93,43 % + 90,91 % + 92,28 %) / 5 = 93,37 %',
    );
    expect(view.methodLabel).toBe('Trung bình cộng chỉ số các yếu tố');
    expect(view.rows[0]?.sentence).toBe('Chỉ số hài lòng về yếu tố tiếp cận dịch vụ đạt 96,82 %.');
  });

  it('ranks units on each element, as the report does', () => {
    const result = computeSipasIndexes(
      DEFAULT_QUESTIONNAIRE,
      [...submissions, ...other],
      DEFAULT_SIPAS_PARAMS,
    );
    const ranks = rankUnitIndexes(result.byUnit);
    const baoYen = result.byUnit.find((u) => u.unitId === 'bao-yen');
    if (!baoYen) throw new Error('missing unit');
    const view = elementView(baoYen.indexes, ranks.get('bao-yen'));
    expect(view.overallSentence).toBe(
      'Chỉ số hài lòng về sự phục vụ hành chính đạt 93,37 %, xếp hạng 2.',
    );
    expect(view.rows[2]?.sentence).toBe(
      'Chỉ số hài lòng về yếu tố công chức trực tiếp giải quyết công việc đạt 93,43 %, xếp hạng 2.',
    );
    expect(ranks.get('bac-ha')?.elements.access).toBe(1);
  });
});

describe('means and missing data', () => {
  it('leaves out elements without valid answers and says so', () => {
    const a = satisfactionIndex(tallyFromCounts({ 4: 1, 3: 2 }), [4, 5]);
    const b = satisfactionIndex(tallyFromCounts({ 5: 2, 1: 1 }), [4, 5]);
    const none = satisfactionIndex(tallyFromCounts({}, 3), [4, 5]);
    expect(none).toMatchObject({ ratio: null, text: '—', formula: 'Chưa có câu trả lời hợp lệ' });
    const mean = meanIndex([
      { label: 'Tiếp cận dịch vụ', index: a },
      { label: 'Kết quả', index: b },
      { label: 'Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị', index: none },
    ]);
    expect(mean.ratio).toEqual({ num: 1, den: 2 });
    expect(mean.formula).toBe(
      '(33,33 % + 66,67 %) / 2 = 50,00 %; không tính Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị vì chưa có câu trả lời hợp lệ',
    );
  });

  it('says when the mean comes from unrounded values', () => {
    const idx = (counts: Partial<Record<1 | 2 | 3 | 4 | 5, number>>) =>
      satisfactionIndex(tallyFromCounts(counts), [4]);
    // exact (0 + 2/3) / 2 = 33,33 %; the shown (0,00 + 66,67) / 2 would give 33,34
    const mean = meanIndex([
      { label: 'A', index: idx({ 3: 2 }) },
      { label: 'B', index: idx({ 4: 2, 3: 1 }) },
    ]);
    expect(mean.formula).toBe('(0,00 % + 66,67 %) / 2 = 33,33 % (tính từ giá trị chưa làm tròn)');
    // (1/3 + 1/3 + 1/2) / 3 = 38,89 % both ways: no remark
    const plain = meanIndex([
      { label: 'A', index: idx({ 4: 1, 3: 2 }) },
      { label: 'B', index: idx({ 4: 1, 3: 2 }) },
      { label: 'C', index: idx({ 4: 1, 3: 1 }) },
    ]);
    expect(plain.formula).toBe('(33,33 % + 33,33 % + 50,00 %) / 3 = 38,89 %');
  });
});

const arbLevel = fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5, 'no-answer');
const arbSubmission = fc
  .record({
    unit: fc.constantFrom('u1', 'u2', 'u3'),
    field: fc.constantFrom('tu-phap-ho-tich', 'dat-dai', 'cong-an'),
    levels: fc.array(arbLevel, { minLength: 17, maxLength: 17 }),
  })
  .map(({ unit, field, levels }) => {
    const s = uniformSubmission(field, 4, { unitId: unit });
    const ids = Object.keys(s.answers);
    const answers: Record<string, AnswerValue> = {};
    ids.forEach((id, i) => {
      answers[id] = levels[i] ?? 'no-answer';
    });
    return { ...s, clientId: testUuid(), answers };
  });
const arbSatisfied = fc.subarray([1, 2, 3, 4, 5] as const, { minLength: 1, maxLength: 4 });

describe('properties', () => {
  it('every index lies within 0 … 100 %', () => {
    fc.assert(
      fc.property(fc.array(arbSubmission, { maxLength: 30 }), arbSatisfied, (subs, levels) => {
        const params = { ...DEFAULT_SIPAS_PARAMS, satisfiedLevels: levels };
        const result = computeSipasIndexes(DEFAULT_QUESTIONNAIRE, subs, params);
        const scopes = [
          result.all,
          ...result.byUnit.map((u) => u.indexes),
          ...result.byField.map((f) => f.indexes),
        ];
        for (const scope of scopes) {
          const all = [
            scope.elementMean,
            scope.overallShare,
            ...scope.elements.map((e) => e.index),
            ...scope.questions.map((q) => q.index),
          ];
          for (const index of all) {
            if (index.hundredths === null) continue;
            expect(index.hundredths).toBeGreaterThanOrEqual(0);
            expect(index.hundredths).toBeLessThanOrEqual(10000);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('shares of a row add up to 100 % with largest-remainder rounding', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { minLength: 5, maxLength: 5 }), (c) => {
        const tally = tallyFromCounts({ 1: c[0], 2: c[1], 3: c[2], 4: c[3], 5: c[4] });
        const table = levelTable([{ key: 'x', label: 'X', tally }], [4, 5], 'largest-remainder');
        const row = table.rows[0];
        const sum = row?.cells.reduce((a, cell) => a + (cell.percent ?? 0), 0);
        expect(sum).toBe(c.some((n) => n > 0) ? 10000 : 0);
        for (const cell of row?.cells ?? []) {
          // each share stays within 0,01 % of its own rounding
          if (cell.percent === null || !row) continue;
          expect(Math.abs(cell.percent * row.valid - cell.count * 10000)).toBeLessThan(row.valid);
        }
      }),
    );
  });

  it('the order of the answers does not matter', () => {
    fc.assert(
      fc.property(
        fc
          .array(arbSubmission, { maxLength: 25 })
          .chain((subs) =>
            fc.tuple(
              fc.constant(subs),
              fc.shuffledSubarray(subs, { minLength: subs.length, maxLength: subs.length }),
            ),
          ),
        ([subs, shuffled]) => {
          const a = computeSipasIndexes(DEFAULT_QUESTIONNAIRE, subs, DEFAULT_SIPAS_PARAMS);
          const b = computeSipasIndexes(DEFAULT_QUESTIONNAIRE, shuffled, DEFAULT_SIPAS_PARAMS);
          expect(b).toEqual(a);
          const ta = fieldLevelTable(DEFAULT_QUESTIONNAIRE, subs, DEFAULT_SIPAS_PARAMS);
          expect(fieldLevelTable(DEFAULT_QUESTIONNAIRE, shuffled, DEFAULT_SIPAS_PARAMS)).toEqual(
            ta,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('adding a satisfied answer never lowers an element index', () => {
    fc.assert(
      fc.property(
        fc.array(arbSubmission, { maxLength: 20 }),
        arbSatisfied,
        fc.constantFrom(...ELEMENT_IDS),
        (subs, levels, elementId) => {
          const params = { ...DEFAULT_SIPAS_PARAMS, satisfiedLevels: levels };
          const before = scopeIndexes(DEFAULT_QUESTIONNAIRE, subs, params);
          const extra = uniformSubmission('dat-dai', 'no-answer');
          const element = DEFAULT_QUESTIONNAIRE.elements.find((e) => e.id === elementId);
          const firstQuestion = element?.questions[0]?.id ?? '';
          const answers = { ...extra.answers, [firstQuestion]: levels[0] ?? 4 };
          const after = scopeIndexes(
            DEFAULT_QUESTIONNAIRE,
            [...subs, { ...extra, answers }],
            params,
          );
          const b = before.elements.find((e) => e.elementId === elementId)?.index.ratio;
          const a = after.elements.find((e) => e.elementId === elementId)?.index.ratio;
          expect(a).toBeDefined();
          if (a && b) expect(compareRatios(a, b)).toBeGreaterThanOrEqual(0);
          if (a && !b) expect(a.num).toBe(a.den);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the element mean lies between the lowest and highest element index', () => {
    fc.assert(
      fc.property(fc.array(arbSubmission, { minLength: 1, maxLength: 20 }), (subs) => {
        const scope = scopeIndexes(DEFAULT_QUESTIONNAIRE, subs, DEFAULT_SIPAS_PARAMS);
        const values = scope.elements.map((e) => e.index.ratio).filter((r) => r !== null);
        const mean = scope.elementMean.ratio;
        if (values.length === 0) return expect(mean).toBeNull();
        if (!mean) throw new Error('mean missing');
        expect(values.some((v) => compareRatios(v, mean) <= 0)).toBe(true);
        expect(values.some((v) => compareRatios(v, mean) >= 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('tallies count every answer once', () => {
    fc.assert(
      fc.property(fc.array(arbLevel), (values) => {
        const t = tallyAnswers(values);
        const total = Object.values(t.counts).reduce((a, b) => a + b, 0) + t.noAnswer;
        expect(total).toBe(values.length);
      }),
    );
  });
});
