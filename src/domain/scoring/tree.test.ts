import { describe, expect, it } from 'vitest';
import { describeProblem, rollUp, validateTree, type CriteriaNode } from './tree.ts';

const leaf = (code: string, max: number, extra: Partial<CriteriaNode> = {}): CriteriaNode => ({
  code,
  title: `Tiêu chí ${code}`,
  maxHundredths: max,
  rule: { type: 'judgement' },
  children: [],
  ...extra,
});

const set = (max: number, children: CriteriaNode[]): CriteriaNode => ({
  code: '',
  title: 'Bộ thử',
  maxHundredths: max,
  children,
});

// 1 (3) = 1.1 (1,5) + 1.2 (1,5, N/A excluded allowed); 2 (2) = 2.1 (2, N/A counts 0); bonus B (1); penalty P (1).
const sample = set(500, [
  {
    code: '1',
    title: 'Một',
    maxHundredths: 300,
    children: [leaf('1.1', 150), leaf('1.2', 150, { notApplicable: 'exclude' })],
  },
  {
    code: '2',
    title: 'Hai',
    maxHundredths: 200,
    children: [leaf('2.1', 200, { notApplicable: 'zero' })],
  },
  leaf('B', 100, { kind: 'bonus', rule: { type: 'bonus', perItem: 50 } }),
  leaf('P', 100, { kind: 'penalty', rule: { type: 'penalty', perItem: 50 } }),
]);

describe('criteria tree validation', () => {
  it('accepts a sound tree', () => {
    expect(validateTree(sample)).toEqual([]);
  });

  it('locates every problem at its node, in Vietnamese', () => {
    const broken = set(1000, [
      {
        code: '2',
        title: 'Hai',
        maxHundredths: 1000,
        children: [
          leaf('2.1', 150),
          leaf('3.2', 200),
          leaf('2.1', 100),
          { code: '2.4', title: 'Thiếu quy tắc', maxHundredths: 100, children: [] },
          leaf('2.5', 100, { rule: { type: 'bonus', perItem: 50, cap: 200 } }),
          leaf('2.6', 100, {
            rule: { type: 'bands', bands: [{ fromPercent: 0, toPercent: 5000, points: 100 }] },
          }),
        ],
      },
    ]);
    expect(validateTree(broken).map(describeProblem)).toEqual([
      'Tiêu chí 2: Tổng điểm tối đa các tiêu chí con (7,50) khác điểm tối đa của tiêu chí (10,00)',
      'Tiêu chí 3.2: Mã “3.2” không nằm dưới tiêu chí 2 (phải có dạng 2.…)',
      'Tiêu chí 2.1: Mã “2.1” bị trùng',
      'Tiêu chí 2.4: Tiêu chí chưa có quy tắc chấm điểm',
      'Tiêu chí 2.5: Mức cộng tối đa (2,00) vượt điểm tối đa của tiêu chí (1,00)',
      'Tiêu chí 2.5: Quy tắc “thưởng” chỉ dùng cho tiêu chí điểm thưởng',
      'Tiêu chí 2.6: Không có khung cho tỷ lệ từ 50 % đến 100 %',
    ]);
  });

  it('checks that criterion codes under the set have no dots', () => {
    expect(validateTree(set(100, [leaf('1.1', 100)])).map(describeProblem)).toEqual([
      'Tiêu chí 1.1: Mã “1.1” ở cấp tiêu chí không được có dấu chấm',
    ]);
  });
});

describe('rolling scores up the tree', () => {
  it('adds children, keeps bonus and penalty outside the max, and reports missing leaves', () => {
    const result = rollUp(
      sample,
      new Map([
        ['1.1', 100],
        ['2.1', 150],
        ['B', 100],
        ['P', 50],
      ]),
    );
    expect(result.nodes.get('1')).toMatchObject({ score: 100, max: 300, total: 100 });
    expect(result.nodes.get('')).toMatchObject({
      score: 250,
      max: 500,
      bonus: 100,
      penalty: 50,
      total: 300,
    });
    expect(result.total).toBe(300);
    expect(result.max).toBe(500);
    expect(result.missing).toEqual(['1.2']);
    expect(result.problems).toEqual([]);
  });

  it('removes an excluded N/A node from score and max; a "zero" N/A keeps its max', () => {
    const result = rollUp(
      sample,
      new Map<string, number | 'na'>([
        ['1.1', 150],
        ['1.2', 'na'],
        ['2.1', 'na'],
      ]),
    );
    expect(result.nodes.get('1')).toMatchObject({ score: 150, max: 150 });
    expect(result.nodes.get('1.2')).toMatchObject({ score: 0, max: 0, notApplicable: true });
    expect(result.nodes.get('2')).toMatchObject({ score: 0, max: 200 });
    expect(result.max).toBe(350);
    expect(result.total).toBe(150);
  });

  it('lets a criterion score entered directly stand for its sub-criteria', () => {
    const result = rollUp(
      sample,
      new Map([
        ['1', 250],
        ['2', 200],
      ]),
    );
    expect(result.total).toBe(450);
    expect(result.nodes.get('1')).toMatchObject({ score: 250, entered: true });
    expect(result.nodes.has('1.1')).toBe(false);
    expect(result.missing).toEqual(['B', 'P']);
    const both = rollUp(
      sample,
      new Map([
        ['1', 250],
        ['1.1', 150],
      ]),
    );
    expect(both.nodes.get('1')?.score).toBe(250);
    expect(both.problems.map(describeProblem)).toEqual([
      'Tiêu chí 1.1: Đã nhập điểm cho tiêu chí cấp trên nên điểm nhập ở đây không được tính',
    ]);
  });

  it('caps at the max and reports what it corrected', () => {
    const result = rollUp(
      sample,
      new Map<string, number | 'na'>([
        ['1.1', 900],
        ['2.1', 'na'],
        ['9.9', 10],
        ['B', 300],
      ]),
    );
    expect(result.nodes.get('1.1')).toMatchObject({ score: 150 });
    expect(result.nodes.get('B')).toMatchObject({ score: 100 });
    expect(result.problems.map(describeProblem)).toEqual([
      'Tiêu chí 1.1: Điểm nhập 9,00 vượt điểm tối đa 1,50; tính 1,50',
      'Tiêu chí 9.9: Mã “9.9” không có trong bộ tiêu chí',
      'Tiêu chí B: Điểm nhập 3,00 vượt điểm tối đa 1,00; tính 1,00',
    ]);
  });

  it('scores 0 an N/A the node does not allow, and says so', () => {
    const result = rollUp(sample, new Map<string, number | 'na'>([['1.1', 'na']]));
    expect(result.nodes.get('1')).toMatchObject({ score: 0, max: 300 });
    expect(result.problems.map(describeProblem)).toEqual([
      'Tiêu chí 1.1: Tiêu chí này không được đánh giá là “không áp dụng”; tính 0 điểm',
    ]);
  });

  it('does not let bonus points lift the total above the max unless asked', () => {
    const full = new Map([
      ['1.1', 150],
      ['1.2', 150],
      ['2.1', 200],
      ['B', 100],
    ]);
    expect(rollUp(sample, full).total).toBe(500);
    expect(rollUp(sample, full, { capTotalAtMax: false }).total).toBe(600);
    const penalised = rollUp(sample, new Map([['P', 100]]));
    expect(penalised.total).toBe(0);
  });
});
