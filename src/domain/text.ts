/**
 * Text helpers for Vietnamese names: a diacritic- and case-insensitive search key, and a collator
 * for display order (the database has no Vietnamese collation on every backend).
 */

/** Folds a Vietnamese string to lower-case ASCII for search: "Đại Lãnh" → "dai lanh". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two names in Vietnamese alphabetical order (Đ after D, Ê after E). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
