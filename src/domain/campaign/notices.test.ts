import { describe, expect, it } from 'vitest';
import { daysUntilDeadline, deadlineNoticeKey, dueNotice, vietnamDay } from './notices.ts';

// 23:30 on 2 March in Vietnam is still 2 March there, though already 16:30 UTC.
const vn = (local: string) => new Date(`${local}+07:00`);

describe('deadline notices', () => {
  it('counts days in the Vietnamese calendar', () => {
    expect(vietnamDay(vn('2026-03-02T23:30:00'))).toBe('2026-03-02');
    expect(vietnamDay(vn('2026-03-03T00:10:00'))).toBe('2026-03-03');
    expect(daysUntilDeadline('2026-03-10', vn('2026-03-03T00:10:00'))).toBe(7);
    expect(daysUntilDeadline('2026-03-10', vn('2026-03-02T23:59:00'))).toBe(8);
    expect(daysUntilDeadline('2026-03-10', vn('2026-03-10T23:59:00'))).toBe(0);
    expect(daysUntilDeadline('2026-03-10', vn('2026-03-11T00:00:00'))).toBeNull();
    expect(daysUntilDeadline('2026-02-30', vn('2026-02-01T00:00:00'))).toBeNull();
  });

  it('takes an instant deadline on its Vietnamese day and ends it at that instant', () => {
    expect(daysUntilDeadline('2026-03-10T17:00:00Z', vn('2026-03-09T08:00:00'))).toBe(2);
    expect(daysUntilDeadline('2026-03-10T17:00:00+07:00', vn('2026-03-10T17:00:00'))).toBeNull();
  });

  it('is due in the 7-day window from 7 to 3 days left and the 2-day window from 2 to 0', () => {
    const windows = [9, 8, 7, 6, 3, 2, 1, 0].map((d) => {
      const now = new Date(Date.parse('2026-03-10T02:00:00Z') - d * 86_400_000);
      return dueNotice('2026-03-10', now)?.window ?? null;
    });
    expect(windows).toEqual([null, null, 7, 7, 7, 2, 2, 2]);
    expect(dueNotice('2026-03-10', vn('2026-03-05T09:00:00'))).toEqual({
      window: 7,
      daysLeft: 5,
      day: '2026-03-10',
    });
    expect(dueNotice('2026-03-10', vn('2026-03-09T09:00:00'), [14, 3])?.window).toBe(3);
  });

  it('names the campaign, deadline, day, window and unit in the key', () => {
    expect(deadlineNoticeKey(4, 'round1', '2026-03-20', 7)).toBe('deadline:4:round1:2026-03-20:7');
    expect(deadlineNoticeKey(4, 'selfAssessment', '2026-03-10', 2, 31)).toBe(
      'deadline:4:selfAssessment:2026-03-10:2:u31',
    );
  });
});
