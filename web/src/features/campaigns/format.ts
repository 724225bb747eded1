/**
 * How the campaign screens write points, dates and roles: points with a decimal comma (58,25) in
 * both languages as the methodology prints them, deadlines in words in Vietnamese ("ngày 05 tháng
 * 02 năm 2024") and numerically in English, and who may fire which workflow event.
 */
import type { TFunction } from 'i18next';
import type { Role } from '@domain/access.ts';
import { TRANSITIONS, type AssessmentEventType } from '@domain/campaign/workflow.ts';
import { formatDateInWords, formatDateShort } from '@domain/format.ts';
import { formatPercentBound, formatPoints, parseHundredths } from '@domain/scoring/decimal.ts';
import type { Language } from '../../i18n/i18n.ts';
import type { Session } from '../../lib/session.tsx';

/** 5825 → "58,25". */
export const points = (hundredths: number | null | undefined): string =>
  hundredths === null || hundredths === undefined ? '—' : formatPoints(hundredths);

/** Parses "1,5" or "1.5" into hundredths; null when the text is not a number of points. */
export function parsePoints(text: string): number | null {
  const parsed = parseHundredths(text);
  return parsed.ok ? parsed.value : null;
}

/** Hundredths as the text of an input ("1,5" style, two decimals kept only when needed). */
export function pointsInput(hundredths: number | null | undefined): string {
  if (hundredths === null || hundredths === undefined) return '';
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  if (rest === 0) return String(whole);
  return `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** A deadline (date or instant) as the language writes it. */
export function deadlineText(value: string, language: Language): string {
  const iso = /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
  if (!iso) return value;
  return language === 'vi' ? formatDateInWords(iso) : formatDateShort(iso);
}

/** The roles the user holds anywhere. */
export function rolesOf(session: Session): Set<Role> {
  return new Set(session.grants.map((g) => g.role));
}

/** May the user (by role; the server checks the unit) fire this workflow event? */
export function mayFire(session: Session, event: AssessmentEventType): boolean {
  const roles = rolesOf(session);
  return TRANSITIONS[event].roles.some((r) => roles.has(r));
}

/** Does the user work for this unit (officer or head)? */
export function isUnitSide(session: Session, unitId: number): boolean {
  return session.grants.some(
    (g) => (g.role === 'unit_officer' || g.role === 'unit_head') && g.unitId === unitId,
  );
}

/** Percent of a part, for bars (0–100). */
export const percentOf = (part: number, whole: number): number =>
  whole <= 0 ? 0 : Math.max(0, Math.min(100, (part / whole) * 100));

/** A class band as words: "từ 80 % trở lên", "từ 65 % đến dưới 80 %". */
export function bandText(
  band: { fromPercent: number; toPercent: number | null; toInclusive?: boolean },
  t: TFunction,
): string {
  const from = formatPercentBound(band.fromPercent);
  if (band.toPercent === null) return t('campaigns.results.bandFrom', { from });
  const to = formatPercentBound(band.toPercent);
  return t(
    band.toInclusive ? 'campaigns.results.bandRangeInclusive' : 'campaigns.results.bandRange',
    { from, to },
  );
}

/** A class with its band beside it ("Tốt (từ 80 % trở lên)"); "—" without a class. */
export function classText(
  label: string | null,
  band: { fromPercent: number; toPercent: number | null; toInclusive?: boolean } | null | undefined,
  t: TFunction,
): string {
  if (!label) return '—';
  return band ? t('campaigns.results.classWithBand', { label, band: bandText(band, t) }) : label;
}

/**
 * The colour of a class badge, from where its band starts: the higher the class, the greener
 * (each class its own colour; the theme keeps every one readable on its light background).
 */
export function classColor(band: { fromPercent: number } | null | undefined): string {
  if (!band) return 'gray';
  if (band.fromPercent >= 90) return 'green';
  if (band.fromPercent >= 80) return 'teal';
  if (band.fromPercent >= 70) return 'blue';
  if (band.fromPercent >= 50) return 'yellow';
  return 'red';
}
