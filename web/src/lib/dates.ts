/**
 * Dates and times on screen: Vietnamese dates as official documents write them (through the shared
 * domain helpers), numeric dates in English.
 */
import { formatDateInWords, formatDateShort } from '@domain/format.ts';
import type { Language } from '../i18n/i18n.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "05/02/2024" from an ISO date (YYYY-MM-DD). */
export function formatDay(isoDate: string): string {
  return formatDateShort(isoDate);
}

/** The ISO date of the day after `isoDate` (validity ends are the last valid day). */
export function nextDay(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
  return date.toISOString().slice(0, 10);
}

/** Today as an ISO date, in local time. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** Vietnam keeps UTC+7 all year (no summer time). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * A moment in Vietnam time, whatever the browser's time zone: "ngày 05 tháng 02 năm 2024, 14:30" in
 * Vietnamese, "05/02/2024, 14:30" in English.
 */
export function formatDateTime(isoInstant: string, language: Language): string {
  const vn = new Date(Date.parse(isoInstant) + VIETNAM_OFFSET_MS);
  const day = vn.toISOString().slice(0, 10);
  const time = `${pad2(vn.getUTCHours())}:${pad2(vn.getUTCMinutes())}`;
  return language === 'vi'
    ? `${formatDateInWords(day)}, ${time}`
    : `${formatDateShort(day)}, ${time}`;
}

/** The day in Vietnam (YYYY-MM-DD) of an instant. */
export function vietnamDay(instant: Date | string = new Date()): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A date typed as people write it here, day first: "6/12/2026", "06.12.2026", "06-12-2026" or
 * "06122026" → "2026-12-06"; `null` for anything else, a day that does not exist (31/02) included.
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const m =
    /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1000 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

/**
 * The weeks of a month for a calendar, Monday first: each week seven ISO dates, or `null` for the
 * days of the neighbouring months.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${pad2(month)}-${pad2(d)}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
