/** Pure helpers of the dossier screens (no React), tested on their own. */

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
