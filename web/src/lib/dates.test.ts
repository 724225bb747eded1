import { describe, expect, it } from 'vitest';
import { formatDateTime, monthWeeks, parseDay, vietnamDay } from './dates.ts';

describe('parseDay', () => {
  it('reads a date written day first, with any usual separator', () => {
    expect(parseDay('06/12/2026')).toBe('2026-12-06');
    expect(parseDay('6/12/2026')).toBe('2026-12-06');
    expect(parseDay(' 06.12.2026 ')).toBe('2026-12-06');
    expect(parseDay('06-12-2026')).toBe('2026-12-06');
    expect(parseDay('06122026')).toBe('2026-12-06');
  });

  it('refuses days that do not exist and other shapes', () => {
    expect(parseDay('31/02/2026')).toBeNull();
    expect(parseDay('29/02/2025')).toBeNull();
    expect(parseDay('29/02/2024')).toBe('2024-02-29');
    expect(parseDay('12/13/2026')).toBeNull();
    expect(parseDay('2026-12-06')).toBeNull();
    expect(parseDay('')).toBeNull();
  });
});

describe('monthWeeks', () => {
  it('starts the weeks on Monday: December 2026 begins on a Tuesday', () => {
    const weeks = monthWeeks(2026, 12);
    expect(weeks[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.at(-1)?.at(-1)).toBeNull();
  });
});

describe('Vietnam time', () => {
  it('shows an instant at UTC+7 whatever the zone it came in', () => {
    // 17:30 UTC on 5 December is 00:30 on 6 December in Hà Nội.
    expect(formatDateTime('2026-12-05T17:30:00Z', 'en')).toBe('06/12/2026, 00:30');
    expect(formatDateTime('2026-12-05T17:30:00Z', 'vi')).toBe('ngày 06 tháng 12 năm 2026, 00:30');
    expect(vietnamDay('2026-12-05T16:59:00Z')).toBe('2026-12-05');
    expect(vietnamDay('2026-12-05T17:00:00Z')).toBe('2026-12-06');
  });
});
