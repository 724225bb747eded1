import { describe, expect, it } from 'vitest';
import {
  formatDateInWords,
  formatDateShort,
  formatDateTimeShort,
  formatHundredths,
} from './format.ts';
import { searchKey } from './text.ts';

describe('Vietnamese number formatting', () => {
  it('writes hundredths with a decimal comma', () => {
    expect(formatHundredths(5825)).toBe('58,25');
    expect(formatHundredths(1199)).toBe('11,99');
    expect(formatHundredths(150)).toBe('1,50');
    expect(formatHundredths(150, 1)).toBe('1,5');
    expect(formatHundredths(123456789)).toBe('1.234.567,89');
    expect(formatHundredths(-50)).toBe('-0,50');
  });
});

describe('Vietnamese dates', () => {
  it('pads days under 10 and the months January and February only', () => {
    expect(formatDateInWords('2024-02-05')).toBe('ngày 05 tháng 02 năm 2024');
    expect(formatDateInWords('2023-05-10')).toBe('ngày 10 tháng 5 năm 2023');
    expect(formatDateInWords('2021-12-31')).toBe('ngày 31 tháng 12 năm 2021');
    expect(formatDateShort('2022-12-19')).toBe('19/12/2022');
  });

  it('writes a moment day first in Vietnam time, the day after late in the UTC evening', () => {
    expect(formatDateTimeShort('2026-03-02T02:05:00.000Z')).toBe('02/03/2026 09:05');
    expect(formatDateTimeShort(new Date('2026-12-31T18:30:00.000Z'))).toBe('01/01/2027 01:30');
  });
});

describe('search key', () => {
  it('ignores diacritics and case, and folds đ to d', () => {
    expect(searchKey('Xã Quy Kỳ')).toBe('xa quy ky');
    expect(searchKey('Xã ĐẠI LÃNH')).toBe('xa dai lanh');
    expect(searchKey('  Phường   Ba Đình ')).toBe('phuong ba dinh');
  });
});

import { parseUserDate } from './dates.ts';

describe('dates typed by users', () => {
  it('reads day-first and ISO dates and refuses impossible ones', () => {
    expect(parseUserDate('31/12/2021')).toBe('2021-12-31');
    expect(parseUserDate('5/2/2024')).toBe('2024-02-05');
    expect(parseUserDate('2025-07-01')).toBe('2025-07-01');
    expect(parseUserDate('29/02/2023')).toBeNull();
    expect(parseUserDate('31/04/2024')).toBeNull();
    expect(parseUserDate('12/31/2021')).toBeNull();
    expect(parseUserDate('hôm qua')).toBeNull();
  });
});
