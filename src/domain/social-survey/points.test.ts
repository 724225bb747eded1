import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiveLevelScale, validateDesign, type SurveyDesign } from './design.ts';
import { computeSurveyPoints, type TallyRow } from './points.ts';

/** Seed 004's 30 survey points split over three nodes; two groups, delegates weighing twice. */
function design(method: SurveyDesign['method'] = 'favourable'): SurveyDesign {
  return {
    method,
    scale: fiveLevelScale(),
    nodes: [
      {
        code: 'X1',
        title: 'Đánh giá về cải cách thủ tục hành chính',
        maxHundredths: 300,
        source: 'questions',
      },
      { code: 'X2', title: 'Đánh giá về công chức', maxHundredths: 1700, source: 'questions' },
      { code: 'X3', title: 'Chỉ số SIPAS', maxHundredths: 1000, source: 'sipas' },
    ],
    groups: [
      { code: 'DB', name: 'Đại biểu HĐND', weight: 2 },
      { code: 'LD', name: 'Lãnh đạo UBND xã', weight: 1 },
    ],
    questions: [
      {
        code: 'Q1',
        text: 'Mức độ công khai, minh bạch thủ tục hành chính',
        nodes: ['X1'],
        groups: ['DB', 'LD'],
      },
      { code: 'Q2', text: 'Thái độ của công chức', nodes: ['X1', 'X2'], groups: ['LD'] },
    ],
    rules: [],
  };
}

const row = (
  unitId: number,
  group: string,
  question: string,
  level: string,
  count: number,
): TallyRow => ({
  unitId,
  group,
  question,
  level,
  count,
});

describe('validateDesign', () => {
  it('accepts a design whose nodes add up to the set survey points', () => {
    expect(validateDesign(design(), 3000)).toEqual([]);
  });

  it('names each problem: nodes over the set total, unknown node, group and level', () => {
    const d = design();
    d.questions[0]!.nodes.push('X9');
    d.questions[1]!.groups.push('ZZ');
    d.scale.favourable.push('7');
    const problems = validateDesign(d, 2500);
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'nodes', key: 'survey_design_nodes_sum', params: { sum: 3000, max: 2500 } },
        { field: 'questions.0.nodes.1', key: 'survey_design_unknown_node', params: { code: 'X9' } },
        {
          field: 'questions.1.groups.1',
          key: 'survey_design_unknown_group',
          params: { code: 'ZZ' },
        },
        { field: 'scale.favourable.2', key: 'survey_design_unknown_level', params: { code: '7' } },
      ]),
    );
  });

  it('refuses a set without survey points', () => {
    expect(validateDesign(design(), null)[0]!.key).toBe('survey_design_set_without_survey');
  });
});

describe('computeSurveyPoints', () => {
  it('weights groups, leaves out "không biết", takes SIPAS for its node', () => {
    const tally = [
      // Q1, delegates: 3 favourable of 4 valid (one "không biết" left out) → 75 %
      row(7, 'DB', 'Q1', '5', 1),
      row(7, 'DB', 'Q1', '4', 2),
      row(7, 'DB', 'Q1', '2', 1),
      row(7, 'DB', 'Q1', '0', 1),
      // Q1, leaders: 1 of 2 → 50 %; Q1 = (2 × 75 + 1 × 50) / 3 = 66,666… %
      row(7, 'LD', 'Q1', '4', 1),
      row(7, 'LD', 'Q1', '3', 1),
      // Q2, leaders only: 2 of 3; delegates' answers to it are not asked and ignored
      row(7, 'LD', 'Q2', '5', 2),
      row(7, 'LD', 'Q2', '1', 1),
      row(7, 'DB', 'Q2', '1', 9),
    ];
    const [u] = computeSurveyPoints(design(), [7], tally, () => ({ num: 9337, den: 10000 }));
    const q1 = u!.questions[0]!;
    expect(q1.groups.map((g) => [g.group, g.answers, g.excluded, g.valid, g.favourable])).toEqual([
      ['DB', 5, 1, 4, 3],
      ['LD', 2, 0, 2, 1],
    ]);
    expect(q1.shareHundredths).toBe(6667);
    expect(q1.formula).toBe('(2 × 75,00 % + 1 × 50,00 %) / 3 = 66,67 %');
    // X1 = 3 × (2/3 + 2/3) / 2 = 2,00; X2 = 17 × 2/3 = 11,333… → 11,33; X3 = 10 × 93,37 % = 9,337 → 9,34
    expect(u!.nodes.map((n) => n.pointsHundredths)).toEqual([200, 1133, 934]);
    expect(u!.pointsHundredths).toBe(200 + 1133 + 934);
    expect(u!.maxHundredths).toBe(3000);
  });

  it('takes the mean on the scale when the design says so', () => {
    const tally = [
      row(1, 'LD', 'Q1', '5', 1),
      row(1, 'LD', 'Q1', '2', 1),
      row(1, 'LD', 'Q2', '3', 4),
    ];
    const [u] = computeSurveyPoints(design('mean'), [1], tally, () => ({ num: 1, den: 2 }));
    // Q1 = (100 + 25) / 2 = 62,5 %; Q2 = 50 %; X1 = 3 × 56,25 % = 1,6875 → 1,69; X2 = 17 × 50 % = 8,50
    expect(u!.questions.map((q) => q.shareHundredths)).toEqual([6250, 5000]);
    expect(u!.nodes.map((n) => n.pointsHundredths)).toEqual([169, 850, 500]);
  });

  it('leaves the total out while a node has no valid answer', () => {
    const [u] = computeSurveyPoints(design(), [3], [row(3, 'DB', 'Q1', '0', 4)], () => null);
    expect(u!.nodes.map((n) => n.pointsHundredths)).toEqual([null, null, null]);
    expect(u!.pointsHundredths).toBeNull();
  });

  it('never exceeds a node max and equals it when every answer is favourable', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('DB', 'LD'),
            fc.constantFrom('Q1', 'Q2'),
            fc.constantFrom('0', '1', '2', '3', '4', '5'),
            fc.integer({ min: 1, max: 50 }),
          ),
        ),
        (rows) => {
          const tally = rows.map(([g, q, l, c]) => row(1, g, q, l, c));
          const [u] = computeSurveyPoints(design(), [1], tally, () => ({ num: 1, den: 1 }));
          for (const n of u!.nodes)
            if (n.pointsHundredths !== null)
              expect(n.pointsHundredths).toBeLessThanOrEqual(n.maxHundredths);
          const [all] = computeSurveyPoints(
            design(),
            [1],
            tally.map((t) => ({ ...t, level: '5' })),
            () => ({ num: 1, den: 1 }),
          );
          for (const n of all!.nodes)
            if (n.pointsHundredths !== null) expect(n.pointsHundredths).toBe(n.maxHundredths);
        },
      ),
    );
  });
});
