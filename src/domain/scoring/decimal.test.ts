import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareRatios,
  divRoundHalfUp,
  formatPercent,
  formatPoints,
  formatPointsCompact,
  mulDivFloor,
  mulDivRoundHalfUp,
  parseHundredths,
  percentScaled,
  ratio,
} from './decimal.ts';

describe('parsing points', () => {
  it('reads a decimal comma or dot into hundredths', () => {
    expect(parseHundredths('1,5')).toEqual({ ok: true, value: 150 });
    expect(parseHundredths('1.5')).toEqual({ ok: true, value: 150 });
    expect(parseHundredths('11,50')).toEqual({ ok: true, value: 1150 });
    expect(parseHundredths(' 58,25 ')).toEqual({ ok: true, value: 5825 });
    expect(parseHundredths('0,25')).toEqual({ ok: true, value: 25 });
    expect(parseHundredths('20')).toEqual({ ok: true, value: 2000 });
    expect(parseHundredths('1.234,5')).toEqual({ ok: true, value: 123450 });
  });

  it('refuses a third decimal instead of rounding it away', () => {
    const result = parseHundredths('1,555');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('có 3 chữ số thập phân');
    // A lone dot is a decimal mark, so "1.500" is 1,500 with three decimals, not one thousand five hundred.
    expect(parseHundredths('1.500').ok).toBe(false);
  });

  it('explains what is wrong in Vietnamese', () => {
    expect(parseHundredths('')).toEqual({ ok: false, error: 'Chưa nhập số' });
    expect(parseHundredths('một')).toEqual({
      ok: false,
      error: '“một” không phải là số hợp lệ (ví dụ đúng: 1,5 hoặc 11,25)',
    });
    expect(parseHundredths('-0,5')).toEqual({
      ok: false,
      error: '“-0,5” là số âm; ở đây chỉ nhận số không âm',
    });
    expect(parseHundredths('-0,5', { allowNegative: true })).toEqual({ ok: true, value: -50 });
  });

  it('reads back whatever it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (h) => {
        expect(parseHundredths(formatPointsCompact(h))).toEqual({ ok: true, value: h });
      }),
    );
  });
});

describe('formatting points', () => {
  it('shows two decimals in tables and only the needed ones in rule text', () => {
    expect(formatPoints(150)).toBe('1,50');
    expect(formatPoints(5825)).toBe('58,25');
    expect(formatPointsCompact(150)).toBe('1,5');
    expect(formatPointsCompact(200)).toBe('2');
    expect(formatPointsCompact(25)).toBe('0,25');
    expect(formatPointsCompact(123456)).toBe('1234,56');
  });
});

describe('exact rounding', () => {
  it('rounds half away from zero', () => {
    expect(divRoundHalfUp(5, 10)).toBe(1);
    expect(divRoundHalfUp(4, 10)).toBe(0);
    expect(divRoundHalfUp(-5, 10)).toBe(-1);
    expect(divRoundHalfUp(-4, 10)).toBe(0);
    expect(Object.is(divRoundHalfUp(-4, 10), 0)).toBe(true);
    expect(mulDivRoundHalfUp(150, 6, 9)).toBe(100);
    expect(mulDivRoundHalfUp(100, 2, 3)).toBe(67);
    expect(mulDivFloor(100, 2, 3)).toBe(66);
  });

  it('shows rates as the documents do', () => {
    expect(formatPercent(ratio(6, 9))).toBe('66,7 %');
    expect(formatPercent(ratio(25, 40), 2)).toBe('62,50 %');
    expect(percentScaled(ratio(5825, 6500), 1)).toBe(896);
  });

  it('agrees with bigint arithmetic even beyond the safe range of products', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (a, b, d) => {
          const big = (2n * BigInt(a) * BigInt(b) + BigInt(d)) / (2n * BigInt(d));
          if (big <= BigInt(Number.MAX_SAFE_INTEGER))
            expect(mulDivRoundHalfUp(a, b, d)).toBe(Number(big));
          const floor = (BigInt(a) * BigInt(b)) / BigInt(d);
          if (floor <= BigInt(Number.MAX_SAFE_INTEGER))
            expect(mulDivFloor(a, b, d)).toBe(Number(floor));
        },
      ),
    );
  });

  it('compares ratios exactly', () => {
    expect(compareRatios(ratio(1, 3), ratio(2, 6))).toBe(0);
    expect(compareRatios(ratio(2, 3), ratio(66, 100))).toBe(1);
    expect(
      compareRatios(ratio(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER), ratio(1, 1)),
    ).toBe(-1);
  });
});
