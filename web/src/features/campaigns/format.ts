/**
 * How the campaign screens write points, dates and roles: points with a decimal comma (58,25) in
 * both languages as the methodology prints them, deadlines in words in Vietnamese ("ngày 05 tháng
 * 02 năm 2024") and numerically in English, and who may fire which workflow event.
 */
import type { Role } from '@domain/access.ts';
import { TRANSITIONS, type AssessmentEventType } from '@domain/campaign/workflow.ts';
import { formatDateInWords, formatDateShort } from '@domain/format.ts';
import { formatPoints, parseHundredths } from '@domain/scoring/decimal.ts';
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
