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

/**
 * A moment in local time: "ngày 05 tháng 02 năm 2024, 14:30" in Vietnamese, "05/02/2024, 14:30" in
 * English.
 */
export function formatDateTime(isoInstant: string, language: Language): string {
  const date = new Date(isoInstant);
  const time = `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
  return language === 'vi'
    ? `${formatDateInWords(date)}, ${time}`
    : `${formatDateShort(date)}, ${time}`;
}
