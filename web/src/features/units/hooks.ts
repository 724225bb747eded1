/** Queries and mutations of the unit screens. */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { fetchUnits, unitKeys, type UnitSearch } from '../../lib/units.ts';
import {
  addMerger,
  correctMerger,
  createUnit,
  fetchLineage,
  removeMerger,
  updateUnit,
  type UnitInput,
} from './api.ts';

const PAGE_SIZE = 50;

/** A list of units (search results or children), 50 at a time. */
export function useUnitList(search: Omit<UnitSearch, 'limit' | 'offset'>, enabled = true) {
  return useInfiniteQuery({
    queryKey: unitKeys.list(search),
    queryFn: ({ pageParam, signal }) =>
      fetchUnits({ ...search, limit: PAGE_SIZE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Predecessors and successors of a unit. */
export function useLineage(id: number) {
  return useQuery({
    queryKey: unitKeys.lineage(id),
    queryFn: ({ signal }) => fetchLineage(id, signal),
    enabled: id > 0,
  });
}

/** Adds a unit, then refreshes every unit list. */
export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

/** Edits a unit, then refreshes everything that shows units. */
export function useUpdateUnit(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitInput & { version: number }) => updateUnit(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

/** Records a merger, then refreshes the lineage of both units. */
export function useAddMerger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: addMerger,
    onSuccess: () => client.invalidateQueries({ queryKey: ['units', 'lineage'] }),
  });
}

/** Corrects a merger link, then refreshes every lineage shown. */
export function useCorrectMerger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: correctMerger,
    onSuccess: () => client.invalidateQueries({ queryKey: ['units', 'lineage'] }),
  });
}

/** Removes a merger link, then refreshes every lineage shown. */
export function useRemoveMerger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: removeMerger,
    onSuccess: () => client.invalidateQueries({ queryKey: ['units', 'lineage'] }),
  });
}
