/** Queries and mutations of the criteria-set screens. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { permissionsOf } from '@domain/access.ts';
import { useSession } from '../../lib/session.tsx';
import {
  copyCriteriaSet,
  createCriteriaSet,
  deleteCriteriaSet,
  fetchBundledSets,
  fetchCriteriaSet,
  fetchCriteriaSets,
  fetchMapping,
  freezeCriteriaSet,
  importCriteriaSet,
  saveCriteriaTree,
  saveMapping,
  updateCriteriaSetMeta,
  type CriteriaSetDetail,
  type MappingEntry,
  type NodeInput,
  type SetMetaInput,
} from './api.ts';

export const criteriaKeys = {
  all: ['criteria-sets'] as const,
  list: ['criteria-sets', 'list'] as const,
  bundled: ['criteria-sets', 'bundled'] as const,
  detail: (id: number) => ['criteria-sets', 'detail', id] as const,
  mapping: (id: number) => ['criteria-sets', 'mapping', id] as const,
};

/** Every set. */
export function useCriteriaSets() {
  return useQuery({
    queryKey: criteriaKeys.list,
    queryFn: ({ signal }) => fetchCriteriaSets(signal),
  });
}

/** The bundled templates and the rule syntax help (they change only with a release). */
export function useBundledSets() {
  return useQuery({
    queryKey: criteriaKeys.bundled,
    queryFn: ({ signal }) => fetchBundledSets(signal),
    staleTime: Infinity,
  });
}

/** One set with its tree. */
export function useCriteriaSet(id: number | null) {
  return useQuery({
    queryKey: criteriaKeys.detail(id ?? 0),
    queryFn: ({ signal }) => fetchCriteriaSet(id ?? 0, signal),
    enabled: id !== null && id > 0,
  });
}

/** The mapping of a copied set to the set it came from. */
export function useMapping(id: number) {
  return useQuery({
    queryKey: criteriaKeys.mapping(id),
    queryFn: ({ signal }) => fetchMapping(id, signal),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return (detail?: CriteriaSetDetail) => {
    if (detail) client.setQueryData(criteriaKeys.detail(detail.set.id), detail);
    return client.invalidateQueries({ queryKey: criteriaKeys.list });
  };
}

/** Creates a set (empty or from a template). */
export function useCreateSet() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: SetMetaInput & { bundledId?: string }) => createCriteriaSet(input),
    onSuccess: (detail) => refresh(detail),
  });
}

/** Imports a set from Excel. */
export function useImportSet() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (file: File) => importCriteriaSet(file),
    onSuccess: (detail) => refresh(detail),
  });
}

/** Copies a set for a new year. */
export function useCopySet() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, year, name }: { id: number; year: number; name: string }) =>
      copyCriteriaSet(id, { year, name }),
    onSuccess: (detail) => refresh(detail),
  });
}

/** Deletes a draft set. */
export function useDeleteSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteCriteriaSet(id),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: criteriaKeys.detail(id) });
      return client.invalidateQueries({ queryKey: criteriaKeys.list });
    },
  });
}

/** Saves the tree of a set. */
export function useSaveTree(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { version: number; nodes: NodeInput[] }) => saveCriteriaTree(id, input),
    onSuccess: (detail) => refresh(detail),
  });
}

/** Saves the set's own fields. */
export function useSaveMeta(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: SetMetaInput & { version: number }) => updateCriteriaSetMeta(id, input),
    onSuccess: (detail) => refresh(detail),
  });
}

/** Freezes a set. */
export function useFreezeSet(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => freezeCriteriaSet(id),
    onSuccess: (detail) => refresh(detail),
  });
}

/** Saves the year-to-year mapping. */
export function useSaveMapping(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entries: MappingEntry[]) => saveMapping(id, entries),
    onSuccess: (mapping) => client.setQueryData(criteriaKeys.mapping(id), mapping),
  });
}

/**
 * Whether the user may manage criteria sets at all, and a given set. The server decides; this only
 * hides buttons that would be refused. A grant reaches sets issued by its own unit (or every set
 * for a national grant); sets issued by a unit below the grant are not recognised here.
 */
export function useCriteriaPermissions() {
  const session = useSession();
  const managing = session.grants.filter((g) => permissionsOf(g.role).includes('criteria.manage'));
  return {
    canCreate: managing.length > 0,
    canManage: (ownerUnitId: number | null) =>
      managing.some((g) => g.unitId === null || g.unitId === ownerUnitId),
  };
}
