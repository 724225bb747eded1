import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRatios, ratio } from '../scoring/decimal.ts';
import {
  DEFAULT_SIPAS_PARAMS,
  progressKey,
  sampleProgress,
  sampleSize,
  sampleTargets,
  validateSipasParams,
} from './sample.ts';

describe('sample size n = N / (1 + N·e²), rounded up', () => {
  it('N = 100, e = 5 % gives exactly 80', () => {
    const s = sampleSize(100);
    expect(s.target).toBe(80);
    expect(s.exact).toEqual({ num: 80, den: 1 });
    expect(s.formula).toBe(
      'n = 100 / (1 + 100 × 0,05²) = 80,00 → 80 phiếu (e = 5 %, làm tròn lên)',
    );
  });

  it('N = 1000, e = 5 % gives 285,71 → 286', () => {
    const s = sampleSize(1000);
    expect(s.target).toBe(286);
    expect(s.exact).toEqual({ num: 2000, den: 7 });
    expect(s.formula).toBe(
      'n = 1.000 / (1 + 1.000 × 0,05²) = 285,71 → 286 phiếu (e = 5 %, làm tròn lên)',
    );
  });

  it('handles other margins, tiny and huge N', () => {
    expect(sampleSize(1000, 1000).target).toBe(91); // 90,91 at e = 10 %
    expect(sampleSize(1000, 1000).formula).toContain('0,1²');
    expect(sampleSize(0).target).toBe(0);
    expect(sampleSize(0).formula).toMatch(/không cần khảo sát/);
    expect(sampleSize(1).target).toBe(1);
    expect(sampleSize(1_000_000_000).target).toBe(400);
    expect(() => sampleSize(-1)).toThrow(RangeError);
    expect(() => sampleSize(10, 0)).toThrow(RangeError);
  });

  it('never exceeds N, is the smallest whole number ≥ n, and grows with N', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 5000 }),
        (n, e) => {
          const s = sampleSize(n, e);
          expect(s.target).toBeLessThanOrEqual(n);
          expect(compareRatios(ratio(s.target, 1), s.exact)).toBeGreaterThanOrEqual(0);
          expect(compareRatios(ratio(s.target - 1, 1), s.exact)).toBe(-1);
          expect(sampleSize(n + 1, e).target).toBeGreaterThanOrEqual(s.target);
        },
      ),
    );
  });

  it('computes targets per unit and field', () => {
    const targets = sampleTargets([
      { unitId: 'u1', fieldId: 'dat-dai', transactions: 100 },
      { unitId: 'u1', fieldId: 'cong-an', transactions: 1000 },
    ]);
    expect(targets.map((t) => [t.unitId, t.fieldId, t.target])).toEqual([
      ['u1', 'dat-dai', 80],
      ['u1', 'cong-an', 286],
    ]);
  });
});

describe('progress against the sample target', () => {
  it('shows collected / target with its formula', () => {
    const collected = new Map([
      [progressKey('u1', 'dat-dai'), 12],
      [progressKey('u1', 'cong-an'), 300],
    ]);
    const progress = sampleProgress(
      [
        { unitId: 'u1', fieldId: 'dat-dai', target: 80 },
        { unitId: 'u1', fieldId: 'cong-an', target: 286 },
        { unitId: 'u1', fieldId: 'xay-dung', target: 0 },
      ],
      collected,
    );
    expect(progress.map((p) => [p.formula, p.remaining, p.reached])).toEqual([
      ['12/80 = 15,00 %', 68, false],
      ['300/286 = 104,90 %', 0, true],
      ['Không cần khảo sát (chỉ tiêu 0); đã thu 0 phiếu', 0, true],
    ]);
  });
});

describe('campaign parameters', () => {
  it('accepts the defaults and the seed-000 setting (satisfied only)', () => {
    expect(validateSipasParams(DEFAULT_SIPAS_PARAMS)).toEqual([]);
    expect(validateSipasParams({ ...DEFAULT_SIPAS_PARAMS, satisfiedLevels: [4] })).toEqual([]);
  });

  it('reports each problem at its field', () => {
    const problems = validateSipasParams({
      ...DEFAULT_SIPAS_PARAMS,
      fields: [
        { id: 'dat-dai', name: 'Đất đai' },
        { id: 'dat-dai', name: '' },
      ],
      marginOfError: 0,
      satisfiedLevels: [1, 2, 3, 4, 5],
      surveyMaxHundredths: -1,
    });
    expect(problems).toEqual([
      { path: 'fields[1].id', message: 'Mã lĩnh vực “dat-dai” bị trùng' },
      { path: 'fields[1].name', message: 'Chưa đặt tên lĩnh vực' },
      { path: 'marginOfError', message: 'Sai số cho phép phải từ 0,01 % đến 50 %' },
      {
        path: 'satisfiedLevels',
        message: 'Không thể tính mọi mức là hài lòng: chỉ số sẽ luôn là 100 %',
      },
      {
        path: 'surveyMaxHundredths',
        message: 'Điểm tối đa phần điều tra xã hội học phải là số không âm',
      },
    ]);
    expect(validateSipasParams({ ...DEFAULT_SIPAS_PARAMS, satisfiedLevels: [] })).toEqual([
      { path: 'satisfiedLevels', message: 'Cần chọn ít nhất một mức được tính là hài lòng' },
    ]);
  });
});
