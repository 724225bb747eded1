import { describe, expect, it } from 'vitest';
import { ratio } from './decimal.ts';
import {
  classify,
  computeIndex,
  DEFAULT_PAR_BANDS,
  largestRemainderShares,
  NATIONAL_PROVINCE_GROUPS,
  rankPerCriterion,
  rankUnits,
  surveyPointsFromIndex,
  validateClassBands,
  yearOverYear,
} from './index.ts';

describe('the index', () => {
  it('is appraised over max without a survey, with two decimals', () => {
    expect(computeIndex({ appraised: 5825, maxAppraised: 10000 }).text).toBe('58,25');
    expect(computeIndex({ appraised: 6495, maxAppraised: 7000 }).text).toBe('92,79');
  });

  it('adds the survey to both sides', () => {
    const index = computeIndex({
      appraised: 5870,
      maxAppraised: 7000,
      survey: 2801,
      maxSurvey: 3000,
    });
    expect(index.ratio).toEqual({ num: 8671, den: 10000 });
    expect(index.text).toBe('86,71');
    expect(() => computeIndex({ appraised: 1, maxAppraised: 0 })).toThrow(
      'Tổng điểm tối đa phải lớn hơn 0',
    );
  });
});

describe('classes', () => {
  it('uses half-open default bands', () => {
    expect(classify(8000)).toBe('Tốt');
    expect(classify(7999)).toBe('Khá');
    expect(classify(6500)).toBe('Khá');
    expect(classify(6499)).toBe('Trung bình');
    expect(classify(5000)).toBe('Trung bình');
    expect(classify(4999)).toBe('Yếu');
    expect(classify(0)).toBe('Yếu');
    expect(classify(10000)).toBe('Tốt');
  });

  it('can classify on the exact value instead of the published one', () => {
    const exact = ratio(79996, 100000);
    expect(computeIndex({ appraised: 79996, maxAppraised: 100000 }).hundredths).toBe(8000);
    expect(classify(exact)).toBe('Khá');
    expect(classify(computeIndex({ appraised: 79996, maxAppraised: 100000 }).hundredths)).toBe(
      'Tốt',
    );
  });

  it('has national groups and validates band sets', () => {
    expect(classify(9000, NATIONAL_PROVINCE_GROUPS)).toBe('A');
    expect(classify(6999, NATIONAL_PROVINCE_GROUPS)).toBeNull();
    expect(validateClassBands(DEFAULT_PAR_BANDS)).toEqual([]);
    expect(
      validateClassBands([
        { label: 'Tốt', fromPercent: 8500, toPercent: null },
        { label: 'Khá', fromPercent: 6500, toPercent: 8000 },
        { label: 'Yếu', fromPercent: 0, toPercent: 7000 },
      ]),
    ).toEqual([
      'Mức “Yếu” và mức “Khá” chồng lên nhau',
      'Không có mức xếp loại cho chỉ số từ 80 % đến dưới 85 %',
    ]);
  });
});

describe('ranking', () => {
  it('shares ranks between ties and skips after them', () => {
    const ranked = rankUnits([
      { id: 'c', value: 9000 },
      { id: 'a', value: 9500 },
      { id: 'b', value: 9500 },
      { id: 'd', value: 8000 },
    ]);
    expect(ranked.map((r) => `${r.id}:${r.rank}`)).toEqual(['a:1', 'b:1', 'c:3', 'd:4']);
  });

  it('ranks per criterion', () => {
    const ranks = rankPerCriterion([
      {
        id: 'x',
        scores: new Map([
          ['3', 1199],
          ['6', 1009],
        ]),
      },
      {
        id: 'y',
        scores: new Map([
          ['3', 1100],
          ['6', 1100],
        ]),
      },
    ]);
    expect(ranks.get('3')?.map((r) => `${r.id}:${r.rank}`)).toEqual(['x:1', 'y:2']);
    expect(ranks.get('6')?.map((r) => `${r.id}:${r.rank}`)).toEqual(['y:1', 'x:2']);
  });

  it('refuses duplicate units', () => {
    expect(() =>
      rankUnits([
        { id: 'a', value: 1 },
        { id: 'a', value: 2 },
      ]),
    ).toThrow();
  });
});

describe('year over year', () => {
  it('gives the ratio with one decimal and the difference', () => {
    expect(yearOverYear(5825, 6500)).toEqual({
      ratioTenths: 896,
      ratioText: '89,6 %',
      differenceHundredths: -675,
      differenceText: '-6,75',
    });
    expect(yearOverYear(9429, 9053).differenceText).toBe('+3,76');
    expect(yearOverYear(5000, 0).ratioText).toBeNull();
  });
});

describe('shares of a whole', () => {
  it('add up to exactly 100 %', () => {
    expect(largestRemainderShares([14, 1, 2])).toEqual([823, 59, 118]);
    expect(largestRemainderShares([1, 1, 1])).toEqual([334, 333, 333]);
    expect(largestRemainderShares([1, 1, 1], 2)).toEqual([3334, 3333, 3333]);
    expect(largestRemainderShares([0, 0])).toEqual([0, 0]);
  });
});

describe('survey points', () => {
  it('are the survey max times the satisfaction index, half-up', () => {
    expect(surveyPointsFromIndex(3000, 9337)).toBe(2801);
    expect(surveyPointsFromIndex(3000, ratio(25, 40))).toBe(1875);
    expect(surveyPointsFromIndex(3200, ratio(2, 3))).toBe(2133);
  });
});
