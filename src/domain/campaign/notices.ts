/**
 * When a campaign's people are told about a deadline, and which event a notice stands for. Pure:
 * the deadline scan (server feature `notifications`) asks these for every open campaign at `now`.
 *
 * - Days are counted in Vietnam's calendar (UTC+7): on 2026-03-03 a deadline of 2026-03-10 is
 *   7 days away, whatever the hour.
 * - A notice is due for the smallest configured number of days the deadline is within: with
 *   [7, 2], 7..3 days left → the 7-day notice, 2..0 → the 2-day notice, none once it has passed.
 *   A scan that first runs 1 day before sends only the 2-day notice.
 * - Each notice has a key naming the campaign, the deadline, its date and the window, so a
 *   re-run tells no one twice, and a moved deadline is announced again.
 */
import { deadlineEnd, type CampaignDeadlines } from './setup.ts';

export type DeadlineKey = keyof CampaignDeadlines;

/** Days before a deadline when people are reminded, largest first. */
export const DEFAULT_NOTICE_DAYS: readonly number[] = [7, 2];

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar day in Vietnam of an instant, as "YYYY-MM-DD". */
export function vietnamDay(instant: Date | number): string {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(t + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnam calendar day a deadline falls on; null when it is not a valid deadline. */
export function deadlineDay(deadline: string): string | null {
  const end = deadlineEnd(deadline);
  if (Number.isNaN(end)) return null;
  // A date deadline ends at the next midnight: its day is the millisecond before.
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : vietnamDay(end);
}

/**
 * Whole calendar days from `now`'s day to the deadline's day (0 on the day itself); null when the
 * deadline has passed or is not valid.
 */
export function daysUntilDeadline(deadline: string, now: Date): number | null {
  const day = deadlineDay(deadline);
  if (day === null || now.getTime() >= deadlineEnd(deadline)) return null;
  return Math.round((Date.parse(day) - Date.parse(vietnamDay(now))) / DAY_MS);
}

/** The notice due now for a deadline (7 or 2 with the default days), or null. */
export function dueNotice(
  deadline: string,
  now: Date,
  noticeDays: readonly number[] = DEFAULT_NOTICE_DAYS,
): { window: number; daysLeft: number; day: string } | null {
  const daysLeft = daysUntilDeadline(deadline, now);
  if (daysLeft === null) return null;
  const fitting = noticeDays.filter((d) => daysLeft <= d);
  if (fitting.length === 0) return null;
  return { window: Math.min(...fitting), daysLeft, day: deadlineDay(deadline)! };
}

/** The key of a deadline notice, unique per user (a unit's own notice names the unit). */
export function deadlineNoticeKey(
  campaignId: number,
  key: DeadlineKey,
  day: string,
  window: number,
  unitId?: number,
): string {
  return `deadline:${campaignId}:${key}:${day}:${window}${unitId === undefined ? '' : `:u${unitId}`}`;
}

/** Assessment statuses in which a unit still has to submit its self-assessment. */
export const SELF_PENDING: ReadonlySet<string> = new Set(['not_started', 'draft', 'reopened']);
/** Statuses in which round 1 is closed on a unit and its explanations are still open. */
export const EXPLAINING: ReadonlySet<string> = new Set(['round1_closed', 'explaining']);
/** Statuses after round 1 closed and before round 2 is approved. */
export const ROUND1_CLOSED: ReadonlySet<string> = new Set([
  'round1_closed',
  'explaining',
  'explanations_locked',
  'round2_in_progress',
]);
/** Statuses after round 2 (the council approved the result). */
export const ROUND2_CLOSED: ReadonlySet<string> = new Set(['approved', 'published']);
