/** Pure helpers of the dossier screens (no React), tested on their own. */
import type { TFunction } from 'i18next';

/** The nine answers of a rating form: points (0–2) or null for a question left blank. */
export type Answers = (number | null)[];

/**
 * The staff's quick entry of a paper form: up to nine characters, each 0, 1 or 2 (points of that
 * question) or "-" (left blank); missing characters are blank. Null when the text is not valid.
 */
export function parseQuick(text: string): Answers | null {
  if (!/^[012-]{0,9}$/.test(text)) return null;
  return Array.from({ length: 9 }, (_, i) => {
    const c = text[i];
    return c === undefined || c === '-' ? null : Number(c);
  });
}

// Texts the server sends in Vietnamese are shown through the catalogue by their stable keys; the
// server's text stays the fallback for a key this build does not know.

/** What a rate's denominator counts, in the user's language. */
export function basisText(t: TFunction, rate: { basis: string; basisKey?: string }): string {
  return rate.basisKey === undefined
    ? rate.basis
    : t(`dossiers.basis.${rate.basisKey}`, { defaultValue: rate.basis });
}

/** A count of the quarterly view: a class (its label is the province's) or a state. */
export interface ClassCount {
  label: string;
  count: number;
  kind: 'class' | 'unclassified' | 'no-dossiers' | 'not-scored';
}

/**
 * The summary line under a group of units, as seed 003 writes it in Vietnamese ("07 đơn vị đạt
 * loại Xuất sắc; 04 đơn vị đạt loại Tốt; 02 chưa thực hiện việc chấm điểm").
 */
export function summaryLine(
  t: TFunction,
  counts: readonly ClassCount[],
  language: 'vi' | 'en',
): string {
  return counts
    .map((c) =>
      t(`dossiers.summary.${c.kind}`, {
        n: language === 'vi' ? String(c.count).padStart(2, '0') : String(c.count),
        label: c.label,
      }),
    )
    .join('; ');
}

/** The name of a dossier column ("receivedAt", "citizenRating3"), in the user's language. */
export function columnLabel(t: TFunction, column: string, fallback = column): string {
  const rating = /^(citizenRating|selfRating)(\d)$/.exec(column);
  if (rating) return t(`dossiers.columns.${rating[1]}`, { id: rating[2], defaultValue: fallback });
  return t(`dossiers.columns.${column}`, { defaultValue: fallback });
}

/** A group, item or missing field of the Decision 766 dashboard, in the user's language. */
export function dashboardText(
  t: TFunction,
  part: 'groups' | 'items' | 'fields',
  key: string,
  fallback: string,
): string {
  return t(`dossiers.dashboard.${part}.${key}`, { defaultValue: fallback });
}
