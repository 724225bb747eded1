/**
 * The results page's filters, applied in the browser to the ranking it fetched once: by unit kind,
 * by class, and by a name or code typed with or without diacritics ("kim phuong").
 */
import { searchKey } from '@domain/text.ts';

export interface RankingFilter {
  unitKind?: string | null | undefined;
  classLabel?: string | null | undefined;
  q?: string | null | undefined;
}

/** The rows that pass every filter given, in their order. */
export function filterRanking<
  T extends { unitKind: string; classLabel: string | null; unitName: string; unitCode: string },
>(rows: readonly T[], filter: RankingFilter): T[] {
  const q = searchKey(filter.q?.trim() ?? '');
  return rows.filter(
    (r) =>
      (!filter.unitKind || r.unitKind === filter.unitKind) &&
      (!filter.classLabel || r.classLabel === filter.classLabel) &&
      (q === '' || searchKey(r.unitName).includes(q) || searchKey(r.unitCode).includes(q)),
  );
}
