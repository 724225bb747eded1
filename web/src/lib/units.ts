/**
 * The unit data every feature reads: the unit shape, search, one unit with its ancestors, and the
 * unit kinds with their names in both languages. Writing units belongs to the units feature.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';
import type { Unit, UnitDetail, UnitKind, UnitPage } from '@shared/contract/units.ts';
import type { Language } from '../i18n/i18n.ts';

export type { Unit, UnitDetail, UnitKind, UnitPage };

/** A search of the unit list (its query string). */
export interface UnitSearch {
  q?: string | undefined;
  parentId?: number | 'root' | undefined;
  kind?: string | undefined;
  current?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Searches (diacritics ignored) or browses units. */
export function fetchUnits(search: UnitSearch, signal?: AbortSignal): Promise<UnitPage> {
  return api.get<UnitPage>(
    '/units',
    {
      q: search.q,
      parentId: search.parentId,
      kind: search.kind,
      current: search.current ? 'true' : undefined,
      limit: search.limit,
      offset: search.offset,
    },
    signal,
  );
}

/** One unit with its ancestors and the caller's permissions on it. */
export function fetchUnit(id: number, signal?: AbortSignal): Promise<UnitDetail> {
  return api.get<UnitDetail>(`/units/${id}`, undefined, signal);
}

export const unitKeys = {
  all: ['units'] as const,
  list: (search: UnitSearch) => ['units', 'list', search] as const,
  detail: (id: number) => ['units', 'detail', id] as const,
  lineage: (id: number) => ['units', 'lineage', id] as const,
  kinds: ['unit-kinds'] as const,
};

/** One unit (cached, shared by every screen that names it). */
export function useUnitDetail(id: number | null) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? 0),
    queryFn: ({ signal }) => fetchUnit(id ?? 0, signal),
    enabled: id !== null && id > 0,
    staleTime: 60_000,
  });
}

/** The unit kinds, and a function naming a kind code in the current language. */
export function useUnitKinds(language: Language) {
  const query = useQuery({
    queryKey: unitKeys.kinds,
    queryFn: () => api.get<{ items: UnitKind[] }>('/unit-kinds'),
    staleTime: Infinity,
  });
  const kinds = query.data?.items ?? [];
  const kindName = (code: string): string => {
    const kind = kinds.find((k) => k.code === code);
    if (!kind) return code;
    return language === 'vi' ? kind.nameVi : kind.nameEn;
  };
  return { kinds, kindName, isLoading: query.isLoading };
}

/** Has the unit stopped being valid by `today` (its last valid day is before it)? */
export function isExpired(unit: Pick<Unit, 'validTo'>, today: string): boolean {
  return unit.validTo !== null && unit.validTo < today;
}
